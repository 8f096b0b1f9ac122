// toMesosV1: a seed message as the Mesos 1.11 (mesos.v1) message a master reads.
import { isMessage, type MessageShape } from "@bufbuild/protobuf";
import { errorIssue, fail, quote, type Result } from "../problems/index.js";
import { v1Counterpart } from "./counterpart.js";
import { runWalk } from "./run.js";
import { SEED_TO_V1 } from "./seed-to-v1.js";
import type { ConvertibleSeedSchema, V1Of } from "./types.js";

/**
 * Convert a seed message (package `mesos`, the 2014 DockerInfo design) to its Mesos 1.11
 * counterpart (package `mesos.v1`), e.g. `toMesosV1(TaskInfoSchema, task)` gives a v1 TaskInfo.
 * Fields are copied by number (the schemas agree there; `slave_id` arrives as `agent_id`), and:
 * - `ContainerInfo.docker` (field 100) becomes v1 `docker` (field 3);
 * - `DockerInfo.volume[i]` {container_dir, host_dir, mode} becomes `ContainerInfo.volumes[i]`
 *   {container_path, host_path, mode};
 * - a legacy `CommandInfo.container` with a `docker:///image` on a TaskInfo or ExecutorInfo becomes
 *   that message's `container: { type: DOCKER, docker: { image } }` (a `legacy_container_migrated`
 *   warning; its ignored `options` are not carried, and the warning says so).
 * Unknown fields are carried when v1 does not declare their number, refused otherwise.
 * Succeeds for every valid seed message; fails, with one issue per field, for a legacy container
 * that is not `docker:///` or sits beside a ContainerInfo, and for conflicting unknown fields.
 * The input is never modified and shares nothing with the output.
 */
export function toMesosV1<Desc extends ConvertibleSeedSchema>(
  schema: Desc,
  message: MessageShape<Desc>,
): Result<V1Of<MessageShape<Desc>>> {
  const target = v1Counterpart(schema);
  if (target === undefined) {
    const why = `toMesosV1: ${quote(String(schema?.typeName))} is not a seed message type with a mesos.v1 counterpart`;
    return fail([errorIssue("invalid_input", [], why)]);
  }
  if (!isMessage(message, schema)) {
    return fail([
      errorIssue("invalid_input", [], `toMesosV1: the message is not a ${schema.typeName}`),
    ]);
  }
  return runWalk("toMesosV1", SEED_TO_V1, schema, message, target);
}
