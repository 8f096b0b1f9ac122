// v1LaunchGroup(): a DEFAULT executor with a task group, as the LAUNCH_GROUP operation sends it.
import { create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import {
  ContainerInfo_Type,
  ExecutorInfo_Type,
  type Offer_Operation_LaunchGroup,
  Offer_Operation_LaunchGroupSchema,
  Value_Type,
} from "../../v1/index.js";
import { idInit, mesosId } from "../mesos-id.js";
import { anyText } from "../text.js";
import { v1ContainerInfo } from "./container-info.js";
import { v1CommandInfo, v1Resource } from "./task-info.js";

// Mesos 1.11 refuses a LAUNCH_GROUP executor below MIN_CPUS (0.01) or MIN_MEM (32 MB), or
// without disk.
const executorResources = fc
  .record({
    cpus: fc.integer({ min: 1, max: 100 }),
    mem: fc.integer({ min: 32, max: 512 }),
    disk: fc.integer({ min: 1, max: 1024 }),
  })
  .map(({ cpus, mem, disk }) => [
    { name: "cpus", type: Value_Type.SCALAR, scalar: { value: cpus / 100 } },
    { name: "mem", type: Value_Type.SCALAR, scalar: { value: mem } },
    { name: "disk", type: Value_Type.SCALAR, scalar: { value: disk } },
  ]);

// A DEFAULT executor: no command; a container, if any, is MESOS without mesos.image.
const executor = fc
  .record(
    {
      executorId: idInit(),
      frameworkId: idInit(),
      resources: executorResources,
      name: anyText(),
      container: fc.constant({ type: ContainerInfo_Type.MESOS }),
    },
    { requiredKeys: ["executorId", "frameworkId", "resources"] },
  )
  .map((init) => ({ type: ExecutorInfo_Type.DEFAULT, ...init }));

/**
 * Valid LAUNCH_GROUP operations (`Offer.Operation.LaunchGroup`): a DEFAULT executor (type DEFAULT,
 * no command, a framework ID, at least 0.01 cpus, 32 MB and some disk, an optional MESOS container without
 * an image) and a TaskGroupInfo of 1–3 tasks with distinct IDs on one agent, each with a command,
 * 1–3 resources and optionally a MESOS container (SANDBOX_PATH volumes may be PARENT here).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { v1LaunchGroup } from "mesos-dockerinfo/testing";
 *
 * const [op] = fc.sample(v1LaunchGroup(), 1);
 * op.executor.type; // ExecutorInfo_Type.DEFAULT
 * ```
 */
export function v1LaunchGroup(): fc.Arbitrary<Offer_Operation_LaunchGroup> {
  // Without an image, a command needs something to run (shell: false needs a value).
  const task = fc
    .option(v1ContainerInfo({ type: "mesos" }), { nil: undefined })
    .chain((container) =>
      fc
        .record({
          name: anyText(),
          resources: fc.array(v1Resource(), { minLength: 1, maxLength: 3 }),
          command: v1CommandInfo({ entrypoint: container?.mesos?.image !== undefined }),
        })
        .map((init) => (container === undefined ? init : { ...init, container })),
    );
  return fc
    .record({
      executor,
      agentId: idInit(),
      ids: fc.uniqueArray(mesosId(), { minLength: 1, maxLength: 3 }),
      tasks: fc.array(task, { minLength: 3, maxLength: 3 }),
    })
    .map(({ executor: e, agentId, ids, tasks }) =>
      create(Offer_Operation_LaunchGroupSchema, {
        executor: e,
        taskGroup: {
          tasks: ids.map((value, i) => ({ ...tasks[i], taskId: { value }, agentId })),
        },
      }),
    );
}
