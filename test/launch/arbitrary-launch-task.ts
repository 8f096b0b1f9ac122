// A local fast-check arbitrary for the launch layer: TaskInfos that vary along the decision table's
// dimensions (command / executor / executor.container / task.container / legacy container). Every
// leaf is drawn mostly from valid values and sometimes from broken ones, so a property sees all
// launch kinds and many invalid combinations without depending on the testing kit.
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { type TaskInfo, TaskInfoSchema, Value_Type } from "../../gen/mesos/mesos_pb.js";

/** A valid value most of the time, a broken one now and then. */
function pick<T>(good: readonly T[], bad: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...good) },
    { weight: 1, arbitrary: fc.constantFrom(...bad) },
  );
}

/** `arbitrary` or undefined (create() skips undefined), in the ratio present : absent. */
function sometimes<T>(
  arbitrary: fc.Arbitrary<T>,
  absent = 1,
  present = 1,
): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { weight: absent, arbitrary: fc.constant(undefined) },
    { weight: present, arbitrary },
  );
}

const volume = fc.record({
  containerDir: pick(
    ["/data", "/srv/cache", "/scratch"],
    ["/data/", "data", "/", "/mnt/mesos/sandbox", "/a:b", "/x/../y", ""],
  ),
  hostDir: sometimes(pick(["/srv/data", "/var/cache"], ["srv", "", "/h:1"])),
  mode: pick([1, 1, 2], [3]),
});

const dockerInfo = fc.record({
  image: pick(
    ["busybox:1.36", "alpine", `registry.example.com:5000/app@sha256:${"ab".repeat(32)}`],
    ["", "docker:///busybox", "Bad Image"],
  ),
  volume: fc.array(volume, { maxLength: 3 }),
});

const container = fc.record({
  type: pick([1], [7]),
  docker: pick([true], [false]).chain((present) => (present ? dockerInfo : fc.constant(undefined))),
});

const legacyContainer = fc.record({
  image: pick(
    ["docker:///busybox", "docker:///registry.example.com:5000/app:1.0", "appc:///busybox"],
    ["docker:///Busybox", "docker:///", "docker://busybox", "busybox", ""],
  ),
  options: pick([[]], [["--rm"]]),
});

const command = fc.record({
  value: sometimes(pick(["echo hi", "/bin/echo"], [""]), 1, 4),
  shell: fc.boolean(),
  arguments: fc.array(fc.constantFrom("echo", "hi", ""), { maxLength: 2 }),
  environment: fc.record({
    variables: fc.array(
      fc.record({
        name: pick(["A", "B", "MESOS_SANDBOX"], ["", "C=D"]),
        value: fc.constantFrom("1", ""),
      }),
      { maxLength: 2 },
    ),
  }),
  container: sometimes(legacyContainer, 3),
});

const resources = pick(
  [
    [{ name: "cpus", type: Value_Type.SCALAR, scalar: { value: 1 } }],
    [
      { name: "cpus", type: Value_Type.SCALAR, scalar: { value: 0.5 } },
      { name: "mem", type: Value_Type.SCALAR, scalar: { value: 64 } },
    ],
  ],
  [[], [{ name: "mem", type: Value_Type.SCALAR, scalar: { value: -1 } }]],
);

const executor = fc.record({
  executorId: pick([{ value: "exec-1" }], [{ value: "" }]),
  command: pick([true], [false]).chain((present) => (present ? command : fc.constant(undefined))),
  container: sometimes(container),
  resources,
});

const shape = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ command: true, executor: false }) },
  { weight: 5, arbitrary: fc.constant({ command: false, executor: true }) },
  { weight: 1, arbitrary: fc.constant({ command: true, executor: true }) },
  { weight: 1, arbitrary: fc.constant({ command: false, executor: false }) },
);

/** TaskInfos spread over the decision table: roughly a third valid, the rest broken somewhere. */
export function arbitraryLaunchTask(): fc.Arbitrary<TaskInfo> {
  return fc
    .record({
      name: pick(["task"], [""]),
      taskId: pick([{ value: "task-1" }], [{ value: "a/b" }]),
      slaveId: fc.constant({ value: "S0" }),
      resources,
      shape,
      command,
      executor,
      container: sometimes(container, 2),
    })
    .map(({ shape: s, command: c, executor: e, ...rest }) => {
      const init = {
        ...rest,
        command: s.command ? c : undefined,
        executor: s.executor ? e : undefined,
      };
      return create(TaskInfoSchema, init as unknown as MessageInitShape<typeof TaskInfoSchema>);
    });
}
