// v1TaskInfo({ kind }): valid Mesos 1.11 TaskInfos for a LAUNCH operation.
import { create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import * as seed from "../../schema/index.js";
import {
  type CommandInfo,
  type ContainerInfo,
  type Resource,
  ResourceSchema,
  type TaskInfo,
  TaskInfoSchema,
  Value_Type,
} from "../../v1/index.js";
import { commandInfo } from "../command-info.js";
import { idInit } from "../mesos-id.js";
import { resource } from "../resource.js";
import { labels } from "../task-info.js";
import { anyText } from "../text.js";
import { v1ContainerInfo } from "./container-info.js";
import { v1FromSeed } from "./from-seed.js";

/** The kinds of {@link v1TaskInfo}: a Docker container, a Mesos container, or no container. */
export const V1_TASK_KINDS = ["docker", "mesos", "command"] as const;
export type V1TaskKind = (typeof V1_TASK_KINDS)[number];

/** Options of {@link v1TaskInfo}. */
export interface V1TaskInfoOptions {
  /** Default: any of {@link V1_TASK_KINDS}. */
  readonly kind?: V1TaskKind;
}

/** v1 resources: the seed's valid resources, converted (the two schemas agree on them). */
export function v1Resource(): fc.Arbitrary<Resource> {
  return v1FromSeed(seed.ResourceSchema, resource());
}

/** v1 commands: the seed's valid commands, converted; `entrypoint` as in commandInfo(). */
export function v1CommandInfo(options: { entrypoint?: boolean } = {}): fc.Arbitrary<CommandInfo> {
  return v1FromSeed(seed.CommandInfoSchema, commandInfo(options));
}

// With an image the entrypoint may run (shell: false without a value).
function hasImage(container: ContainerInfo | undefined): boolean {
  if (container === undefined) return false;
  return container.docker !== undefined || container.mesos?.image !== undefined;
}

// The host ports a Docker task maps must be among its resources (Mesos 1.11 fails the launch
// otherwise): one ports resource covering each of them.
function portsFor(container: ContainerInfo | undefined): Resource | undefined {
  const mappings = container?.docker?.portMappings ?? [];
  if (mappings.length === 0) return undefined;
  return create(ResourceSchema, {
    name: "ports",
    type: Value_Type.RANGES,
    ranges: {
      range: mappings.map((m) => ({ begin: BigInt(m.hostPort), end: BigInt(m.hostPort) })),
    },
  });
}

function task(kind: V1TaskKind): fc.Arbitrary<TaskInfo> {
  const container = kind === "command" ? fc.constant(undefined) : v1ContainerInfo({ type: kind });
  return container.chain((c) =>
    fc
      .record(
        {
          name: anyText(),
          taskId: idInit(),
          agentId: idInit(),
          resources: fc.array(v1Resource(), { minLength: 1, maxLength: 4 }),
          command: v1CommandInfo({ entrypoint: hasImage(c) }),
          data: fc.uint8Array({ maxLength: 8 }),
          labels,
        },
        { requiredKeys: ["name", "taskId", "agentId", "resources", "command"] },
      )
      .map(({ resources, ...rest }) => {
        // Ports drawn by v1Resource() could hold a mapped port twice (overlapping ranges).
        const ports = portsFor(c);
        const all = ports ? [...resources.filter((r) => r.name !== "ports"), ports] : resources;
        const init = { ...rest, resources: all };
        return create(TaskInfoSchema, c === undefined ? init : { ...init, container: c });
      }),
  );
}

const variants = { docker: task("docker"), mesos: task("mesos"), command: task("command") };

/**
 * Valid v1 TaskInfos for a LAUNCH operation: a name, task and agent IDs, 1–4 resources, a
 * command (exactly one of command and executor: always the command), and for `"docker"` a
 * DOCKER {@link v1ContainerInfo} (network, port mappings, parameters, volumes), for `"mesos"` a
 * MESOS one, for `"command"` none. Near misses for the Mesos 1.11 rules: see
 * {@link invalidV1TaskInfo}.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { encode } from "mesos-dockerinfo";
 * import { TaskInfoSchema } from "mesos-dockerinfo/v1";
 * import { v1TaskInfo } from "mesos-dockerinfo/testing";
 *
 * fc.assert(fc.property(v1TaskInfo({ kind: "docker" }), (t) => encode(TaskInfoSchema, t).length > 0));
 * ```
 */
export function v1TaskInfo(options: V1TaskInfoOptions = {}): fc.Arbitrary<TaskInfo> {
  return options.kind === undefined
    ? fc.oneof(variants.docker, variants.mesos, variants.command)
    : variants[options.kind];
}
