// The fast verdict on whole tasks (Binding.clean of TaskInfo, seed and Mesos 1.11): validate's
// rules-only check of a freshly decoded task (validateDecoded, inside decodeLaunch) asks it first
// and, when it says clean, runs no walk at all. It says clean only for a command or Docker task
// whose IDs the ID rules found clean lately and whose resources, command and container are clean
// by their own verdicts; anything else is walked. It must never call clean a task whose rules
// would report anything, whatever was walked before it: tables on both sides of every task rule
// and of the subtrees it covers, a table of tasks the rules pass but the verdict leaves to the
// walk, and a property over pairs (walk one task, then judge another) with the fused check equal
// to validate and decodeLaunch equal to resolveLaunch.
import { create, type DescMessage, type MessageShape, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decode, decodeLaunch, resolveLaunch, TaskInfoSchema } from "../../src/index.js";
import { MESOS_V1_RULES } from "../../src/mesos-v1/index.js";
import { Collector, GROUP, MESOS_RULES } from "../../src/rules/index.js";
import {
  arbitraryMessage,
  invalidTaskInfo,
  invalidV1TaskInfo,
  taskInfo,
  v1TaskInfo,
} from "../../src/testing/index.js";
import * as v1 from "../../src/v1/index.js";
import { validate, validateDecoded } from "../../src/validation/index.js";
import { planOf } from "../../src/validation/plan.js";
import { rulesRunOf } from "../../src/validation/rules-only.js";

type Task = MessageShape<DescMessage>;
type Init = Record<string, unknown>;
type Clean = (msg: never, flags: number) => boolean;

// The issues of the rules alone under `flags` (the interpreter: it never asks the verdict of a
// type with children); walking also fills the rules' memories (IDs, images, volumes).
function ruleIssues(schema: DescMessage, task: Task, flags = 0) {
  const c = new Collector();
  rulesRunOf(planOf(schema), true)(task, c, flags);
  return c.issues;
}

function decoded(schema: DescMessage, task: Task): Task | undefined {
  try {
    return decode(schema, toBinary(schema, task));
  } catch {
    return undefined;
  }
}

// The fused check equals the full one, and the fused launch the unfused one, on the task's bytes.
function expectFusedEqual(schema: DescMessage, task: Task): void {
  const fresh = decoded(schema, task);
  if (fresh === undefined) return;
  expect(validateDecoded(schema, fresh)).toEqual(validate(schema, fresh));
  const bytes = toBinary(schema, task);
  const launch = decodeLaunch(schema as typeof TaskInfoSchema, bytes);
  expect(launch).toEqual(resolveLaunch(decode(schema, bytes) as typeof fresh as never));
}

// Resources that pass the resource rules (the resources verdict's shapes).
const RESOURCES: Init[] = [
  { name: "cpus", type: 0, scalar: { value: 1 } },
  { name: "mem", type: 0, scalar: { value: 256 } },
  { name: "ports", type: 1, ranges: { range: [{ begin: 31000n, end: 31005n }] } },
];
const COMMAND: Init = {
  value: "ls /data && cat /etc/hostname",
  environment: { variables: [{ name: "MODE", value: "demo" }] },
  uris: [{ value: "https://example.com/app.tar.gz" }],
};

// ---- seed ----------------------------------------------------------------------------------

const seedTask = (more: Init = {}): Task =>
  create(TaskInfoSchema, {
    name: "busybox",
    taskId: { value: "busybox-1" },
    slaveId: { value: "20140801-000000-0000000000-5050-S0" },
    resources: RESOURCES,
    command: COMMAND,
    ...more,
  });
const SEED_CONTAINER: Init = {
  type: 1,
  docker: {
    image: "busybox:1.36",
    volume: [
      { containerDir: "/data", hostDir: "/var/data", mode: 1 },
      { containerDir: "/etc/app", hostDir: "/etc/app", mode: 2 },
      { containerDir: "/scratch", mode: 1 },
    ],
  },
};
const SEED_EXECUTOR: Init = {
  executorId: { value: "e" },
  command: { value: "./executor" },
};

const SEED_CLEAN: [string, Task][] = [
  ["a command task", seedTask()],
  ["a Docker task", seedTask({ container: SEED_CONTAINER })],
  ["a command without URIs or variables", seedTask({ command: { value: "ls" } })],
];

const SEED_NOT_CLEAN: [string, Task][] = [
  ["no command, no executor", seedTask({ command: undefined })],
  ["command and executor", seedTask({ executor: SEED_EXECUTOR })],
  ["no resources", seedTask({ resources: [] })],
  [
    "a container beside an executor",
    seedTask({ command: undefined, executor: SEED_EXECUTOR, container: SEED_CONTAINER }),
  ],
  [
    "a legacy container beside a container",
    seedTask({
      command: { value: "ls", container: { image: "docker:///busybox" } },
      container: SEED_CONTAINER,
    }),
  ],
  ["an empty task ID", seedTask({ taskId: { value: "" } })],
  ["a task ID with '/'", seedTask({ taskId: { value: "a/b" } })],
  ["an agent ID '..'", seedTask({ slaveId: { value: ".." } })],
  [
    "a negative resource",
    seedTask({ resources: [{ name: "cpus", type: 0, scalar: { value: -1 } }] }),
  ],
  [
    "an empty resource name",
    seedTask({ resources: [{ name: "", type: 0, scalar: { value: 1 } }] }),
  ],
  ["a shell command without a value", seedTask({ command: { shell: true } })],
  [
    "a variable twice",
    seedTask({
      command: {
        value: "ls",
        environment: {
          variables: [
            { name: "A", value: "1" },
            { name: "A", value: "2" },
          ],
        },
      },
    }),
  ],
  ["an invalid image", seedTask({ container: { type: 1, docker: { image: "Not An Image" } } })],
  [
    "a volume at /",
    seedTask({
      container: {
        type: 1,
        docker: { image: "busybox", volume: [{ containerDir: "/", mode: 1 }] },
      },
    }),
  ],
  [
    "a legacy Docker command (a warning)",
    seedTask({ command: { value: "ls", container: { image: "docker:///busybox" } } }),
  ],
];

// The rules pass these, but the verdict does not settle them.
const SEED_WALKED: [string, Task][] = [
  ["an executor task", seedTask({ command: undefined, executor: SEED_EXECUTOR })],
  [
    "a TEXT-free attribute-like resource the verdict leaves (a set of nine items)",
    seedTask({
      resources: [
        ...RESOURCES,
        { name: "zones", type: 2, set: { item: ["a", "b", "c", "d", "e", "f", "g", "h", "i"] } },
      ],
    }),
  ],
];

// ---- Mesos 1.11 ----------------------------------------------------------------------------

const v1Task = (more: Init = {}): Task =>
  create(v1.TaskInfoSchema, {
    name: "busybox",
    taskId: { value: "busybox-1" },
    agentId: { value: "20140801-000000-0000000000-5050-S0" },
    resources: RESOURCES,
    command: COMMAND,
    ...more,
  });
const V1_CONTAINER: Init = {
  type: 1,
  docker: { image: "busybox:1.36" },
  volumes: [
    { containerPath: "/data", hostPath: "/var/data", mode: 1 },
    { containerPath: "/etc/app", hostPath: "/etc/app", mode: 2 },
    {
      containerPath: "/scratch",
      mode: 1,
      source: { type: v1.Volume_Source_Type.DOCKER_VOLUME, dockerVolume: { name: "scratch" } },
    },
  ],
};
const V1_EXECUTOR: Init = {
  executorId: { value: "e" },
  type: v1.ExecutorInfo_Type.CUSTOM,
  command: { value: "./executor" },
};
const seconds = (s: number) => ({ nanoseconds: BigInt(s) * 1_000_000_000n });

const V1_CLEAN: [string, Task][] = [
  ["a command task", v1Task()],
  ["a Docker task", v1Task({ container: V1_CONTAINER })],
  ["a command without URIs or variables", v1Task({ command: { value: "ls" } })],
];

const V1_NOT_CLEAN: [string, Task][] = [
  ["no command, no executor", v1Task({ command: undefined })],
  ["command and executor", v1Task({ executor: V1_EXECUTOR })],
  ["no resources", v1Task({ resources: [] })],
  [
    "a container beside an executor",
    v1Task({ command: undefined, executor: V1_EXECUTOR, container: V1_CONTAINER }),
  ],
  ["a negative max_completion_time", v1Task({ maxCompletionTime: seconds(-1) })],
  ["a NaN limit", v1Task({ limits: { mem: { value: Number.NaN } } })],
  ["a limit below the resource", v1Task({ limits: { mem: { value: 1 } } })],
  [
    "share_cgroups false on a LAUNCH task",
    v1Task({ container: { ...V1_CONTAINER, linuxInfo: { shareCgroups: false } } }),
  ],
  [
    "a port mapping outside the task's ports",
    v1Task({
      container: {
        type: 1,
        docker: {
          image: "busybox:1.36",
          network: 2,
          portMappings: [{ hostPort: 8080, containerPort: 80 }],
        },
      },
    }),
  ],
  ["an empty task ID", v1Task({ taskId: { value: "" } })],
  ["a task ID with '/'", v1Task({ taskId: { value: "a/b" } })],
  ["an agent ID '.'", v1Task({ agentId: { value: "." } })],
  [
    "a negative resource",
    v1Task({ resources: [{ name: "cpus", type: 0, scalar: { value: -1 } }] }),
  ],
  ["a shell command without a value", v1Task({ command: { shell: true } })],
  [
    "a SECRET variable without a secret",
    v1Task({ command: { value: "ls", environment: { variables: [{ name: "A", type: 2 }] } } }),
  ],
  ["an invalid image", v1Task({ container: { type: 1, docker: { image: "Not An Image" } } })],
  [
    "a volume without a source",
    v1Task({
      container: {
        type: 1,
        docker: { image: "busybox" },
        volumes: [{ containerPath: "/a", mode: 1 }],
      },
    }),
  ],
  ["a health check without a type", v1Task({ healthCheck: {} })],
  ["a negative kill grace period", v1Task({ killPolicy: { gracePeriod: seconds(-1) } })],
  ["a check without a type", v1Task({ check: {} })],
];

const V1_WALKED: [string, Task][] = [
  ["an executor task", v1Task({ command: undefined, executor: V1_EXECUTOR })],
  ["a max_completion_time", v1Task({ maxCompletionTime: seconds(60) })],
  ["an infinite limit", v1Task({ limits: { mem: { value: Number.POSITIVE_INFINITY } } })],
  ["a MESOS container", v1Task({ container: { type: 2, mesos: {} } })],
  ["a kill policy", v1Task({ killPolicy: { gracePeriod: seconds(5) } })],
  [
    "a reserved resource",
    v1Task({
      resources: [
        { name: "cpus", type: 0, scalar: { value: 1 }, reservations: [{ type: 1, role: "r" }] },
      ],
    }),
  ],
];

// ---- both ----------------------------------------------------------------------------------

const SCHEMAS = [
  {
    name: "seed",
    schema: TaskInfoSchema as DescMessage,
    make: seedTask,
    clean: MESOS_RULES.get(TaskInfoSchema)?.clean as Clean,
    cleanTasks: SEED_CLEAN,
    notClean: SEED_NOT_CLEAN,
    walked: SEED_WALKED,
    tasks: fc.oneof(
      taskInfo(),
      invalidTaskInfo().map((n) => n.task),
      arbitraryMessage(TaskInfoSchema, { maxDepth: 4, maxLength: 2 }),
      fc.constantFrom(...[...SEED_CLEAN, ...SEED_NOT_CLEAN, ...SEED_WALKED].map(([, t]) => t)),
    ) as fc.Arbitrary<Task>,
  },
  {
    name: "v1",
    schema: v1.TaskInfoSchema as DescMessage,
    make: v1Task,
    clean: MESOS_V1_RULES.get(v1.TaskInfoSchema)?.clean as Clean,
    cleanTasks: V1_CLEAN,
    notClean: V1_NOT_CLEAN,
    walked: V1_WALKED,
    tasks: fc.oneof(
      v1TaskInfo(),
      invalidV1TaskInfo().map((n) => n.task),
      arbitraryMessage(v1.TaskInfoSchema, { maxDepth: 4, maxLength: 2 }),
      fc.constantFrom(...[...V1_CLEAN, ...V1_NOT_CLEAN, ...V1_WALKED].map(([, t]) => t)),
    ) as fc.Arbitrary<Task>,
  },
];

describe.each(SCHEMAS)(
  "$name TaskInfo",
  ({ schema, make, clean, cleanTasks, notClean, walked, tasks }) => {
    test("the verdict is bound", () => {
      expect(typeof clean).toBe("function");
    });

    test.each(cleanTasks)("clean once walked: %s", (_case, task) => {
      expect(ruleIssues(schema, task)).toEqual([]);
      expect(clean(task as never, 0)).toBe(true);
      // A fresh copy with the same values is clean too (the memories are of values).
      expect(clean(decoded(schema, task) as never, 0)).toBe(true);
      for (let i = 0; i < 5; i++) expectFusedEqual(schema, task);
    });

    // Mesos 1.11 checks a task of a group by other rules (a Docker container is refused there):
    // left to the walk. The seed has no groups, and its rules ignore the flag.
    test.each(cleanTasks)("as a task of a group: %s", (_case, task) => {
      ruleIssues(schema, task);
      expect(clean(task as never, GROUP)).toBe(schema === TaskInfoSchema);
    });

    test("an ID the ID rules have not judged lately is left to the walk", () => {
      const [, task] = cleanTasks[0] as [string, Task];
      ruleIssues(schema, task);
      const fresh = make({ taskId: { value: "never-walked-before-7" } });
      expect(clean(fresh as never, 0)).toBe(false);
      expect(ruleIssues(schema, fresh)).toEqual([]);
      expect(clean(fresh as never, 0)).toBe(true);
    });

    test.each(notClean)("left to the walk, even once walked: %s", (_case, task) => {
      expect(ruleIssues(schema, task)).not.toEqual([]);
      expect(clean(task as never, 0)).toBe(false);
      for (let i = 0; i < 5; i++) expectFusedEqual(schema, task);
    });

    test.each(walked)("clean by the rules, but left to the walk: %s", (_case, task) => {
      expect(ruleIssues(schema, task)).toEqual([]);
      expect(clean(task as never, 0)).toBe(false);
      for (let i = 0; i < 5; i++) expectFusedEqual(schema, task);
    });

    test("after walking any task (or itself), a task is clean only if its rules report nothing", () => {
      let cleanCount = 0;
      fc.assert(
        fc.property(
          tasks,
          tasks,
          fc.boolean(),
          fc.constantFrom(0, 0, GROUP),
          (before, task, again, flags) => {
            // Whatever the memories hold: another task's IDs, image and volumes, or (a stream
            // repeating itself) this task's own, reported or not.
            ruleIssues(schema, before);
            if (again) ruleIssues(schema, task);
            expectFusedEqual(schema, task);
            if (!clean(task as never, flags)) return;
            cleanCount++;
            expect(ruleIssues(schema, task, flags)).toEqual([]);
          },
        ),
        { numRuns: 400 },
      );
      // Not vacuous: some tasks were clean.
      expect(cleanCount).toBeGreaterThan(0);
    });
  },
);
