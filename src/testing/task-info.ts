// taskInfo({ kind, legacy }): valid TaskInfo messages for each launch path.
import { create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import type { SeedLaunchKind } from "../launch/index.js";
import { type TaskInfo, TaskInfoSchema } from "../schema/index.js";
import { commandInfo } from "./command-info.js";
import { containerInfo } from "./docker-info.js";
import { executorInfo } from "./executor-info.js";
import { withLegacyContainer } from "./legacy-container.js";
import { idInit } from "./mesos-id.js";
import { resource } from "./resource.js";
import { anyText } from "./text.js";

/** The seed's launch kinds (`resolveLaunch(task).data.kind`), in the order of the README's decision table. */
export const TASK_KINDS: readonly SeedLaunchKind[] = [
  "command",
  "docker-task",
  "docker-executor",
  "custom-executor",
];

/**
 * Options of {@link taskInfo}. `legacy: true` uses the deprecated `command.container`
 * (`docker:///image`) instead of ContainerInfo/DockerInfo; it exists only for the two Docker kinds.
 */
export type TaskInfoOptions =
  | { readonly kind?: "command" | "custom-executor"; readonly legacy?: false }
  | { readonly kind?: "docker-task" | "docker-executor"; readonly legacy?: boolean };

/** Optional labels: 0–2 of them, each with a key (shared with v1TaskInfo). */
export const labels = fc.record({
  labels: fc.array(fc.record({ key: anyText(), value: anyText() }, { requiredKeys: ["key"] }), {
    maxLength: 2,
  }),
});

/** The fields every kind shares; `launch` holds command/executor/container. */
function task(launch: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<TaskInfo> {
  return fc
    .record(
      {
        name: anyText(),
        taskId: idInit(),
        slaveId: idInit(),
        resources: fc.array(resource(), { minLength: 1, maxLength: 4 }),
        launch,
        data: fc.uint8Array({ maxLength: 8 }),
        labels,
      },
      { requiredKeys: ["name", "taskId", "slaveId", "resources", "launch"] },
    )
    .map(({ launch: l, ...rest }) => create(TaskInfoSchema, { ...rest, ...l }));
}

const variants = {
  command: task(fc.record({ command: commandInfo() })),
  "docker-task": task(
    fc.record({ command: commandInfo({ entrypoint: true }), container: containerInfo() }),
  ),
  "legacy-docker-task": task(
    fc.record({ command: withLegacyContainer(commandInfo({ entrypoint: true })) }),
  ),
  "docker-executor": task(fc.record({ executor: executorInfo({ image: "docker" }) })),
  "legacy-docker-executor": task(fc.record({ executor: executorInfo({ image: "legacy-docker" }) })),
  "custom-executor": task(fc.record({ executor: executorInfo({ image: "custom" }) })),
};

type Variant = keyof typeof variants;

function selectVariants(options: TaskInfoOptions): Variant[] {
  const { kind, legacy } = options;
  const kinds: readonly SeedLaunchKind[] = kind === undefined ? TASK_KINDS : [kind];
  const out: Variant[] = [];
  for (const k of kinds) {
    const docker = k === "docker-task" || k === "docker-executor";
    if (legacy !== true) out.push(k);
    if (legacy !== false && docker) out.push(`legacy-${k}` as Variant);
  }
  if (out.length === 0) {
    throw new TypeError(
      `taskInfo: no launch path is ${kind} with legacy: true; the legacy docker:/// form exists only for "docker-task" and "docker-executor"`,
    );
  }
  return out;
}

/**
 * Valid TaskInfos (no validation error, and no warning except the deprecation warning of the
 * legacy form) for a launch path:
 * - `"command"`: `command` with a value, no container, no executor;
 * - `"docker-task"`: `command` (possibly `shell: false` without value: the entrypoint runs) and a
 *   Docker {@link containerInfo}; with `legacy: true`, `command.container.image = "docker:///…"`
 *   instead;
 * - `"docker-executor"`: an {@link executorInfo} with a Docker image (or, `legacy: true`, a legacy
 *   `docker:///` command container);
 * - `"custom-executor"`: an executor without an image.
 * Without `kind`, any of them (`legacy` restricts the choice when given). Shared fields: any name,
 * valid task and agent IDs, 1–4 {@link resource}s, optional data and labels.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { resolveLaunch } from "mesos-dockerinfo";
 * import { taskInfo } from "mesos-dockerinfo/testing";
 *
 * fc.assert(
 *   fc.property(taskInfo({ kind: "docker-task", legacy: true }), (task) => {
 *     const result = resolveLaunch(task);
 *     return result.success && result.launch.kind === "docker-task" && result.launch.legacy;
 *   }),
 * );
 * ```
 */
export function taskInfo(options: TaskInfoOptions = {}): fc.Arbitrary<TaskInfo> {
  const selected = selectVariants(options).map((v) => variants[v]);
  const [first, ...rest] = selected;
  // selectVariants never returns an empty list.
  return rest.length === 0 && first !== undefined ? first : fc.oneof(...selected);
}
