// fromMesosV1: a Mesos 1.11 (mesos.v1) message as a seed message, when the seed can carry it.
import { isMessage, type MessageShape } from "@bufbuild/protobuf";
import { errorIssue, fail, quote, type Result } from "../problems/index.js";
import { isDescriptor, seedCounterpart } from "./counterpart.js";
import { runWalk } from "./run.js";
import type { ConvertibleV1Schema, SeedOf } from "./types.js";
import { V1_TO_SEED } from "./v1-to-seed.js";

/**
 * Convert a Mesos 1.11 message (package `mesos.v1`) to its seed counterpart (package `mesos`),
 * e.g. `fromMesosV1(TaskInfoSchema, task)` with the v1 TaskInfoSchema gives a seed TaskInfo: the
 * mirror of toMesosV1 (docker 3 → 100, volumes moved into DockerInfo, agent_id → slave_id).
 * Fails with one `not_in_seed` issue per field or enum value the seed cannot carry — its path in
 * the v1 message, what it is and why (network, port_mappings, privileged, parameters, a MESOS
 * container, volume sources, a volume of a non-Docker container, limits, checks, secrets, ...) —
 * and one `required_in_seed` issue per field v1 made optional that the seed requires (a DEFAULT
 * executor's command). Nothing is dropped silently: unknown fields are carried when the seed does
 * not declare their number, refused (`unknown_field_conflict`) otherwise. A v1 type without a
 * seed counterpart (TaskGroupInfo, scheduler Call/Event, ...) fails with `not_in_seed`.
 * The input is never modified and shares nothing with the output.
 */
export function fromMesosV1<Desc extends ConvertibleV1Schema>(
  schema: Desc,
  message: MessageShape<Desc>,
): Result<SeedOf<MessageShape<Desc>>> {
  if (!isDescriptor(schema) || !isMessage(message, schema)) {
    const why = `fromMesosV1: the message is not a ${quote(String(schema?.typeName))}`;
    return fail([errorIssue("invalid_input", [], why)]);
  }
  const target = seedCounterpart(schema);
  if (target === undefined) {
    const why = `${schema.typeName} has no counterpart in the seed schema (it models single Docker tasks: no task groups, scheduler calls or events). Keep the message as mesos.v1.`;
    return fail([errorIssue("not_in_seed", [], why)]);
  }
  return runWalk("fromMesosV1", V1_TO_SEED, schema, message, target);
}
