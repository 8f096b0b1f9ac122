// Conversion between the seed schema (package mesos, the 2014 DockerInfo design) and the schema a
// Mesos 1.11 master reads (package mesos.v1): schema-first, returning the problems Result.
import { type DescMessage, isMessage, type Message, type MessageShape } from "@bufbuild/protobuf";
import { errorIssue, fail, quote, type Result, succeed } from "../problems/index.js";
import { isDescriptor, seedCounterpart, v1Counterpart } from "./counterpart.js";
import { SEED_TO_V1 } from "./seed-to-v1.js";
import type { ConvertibleSeedSchema, ConvertibleV1Schema, SeedOf, V1Of } from "./types.js";
import { V1_TO_SEED } from "./v1-to-seed.js";
import { type Direction, Walk } from "./walk.js";

export * from "./types.js";

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

// One conversion walk, its outcome as the problems Result. A message object that is not what its
// schema says (a string where a list belongs, a getter that throws) makes the walk throw a
// TypeError: that is bad input, reported as invalid_input, never a crash.
function runWalk<T>(
  verb: string,
  direction: Direction,
  srcDesc: DescMessage,
  message: Message,
  dstDesc: DescMessage,
): Result<T> {
  const walk = new Walk(direction);
  let data: Message;
  try {
    data = walk.message(srcDesc, message, dstDesc, []);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    walk.add(
      "invalid_input",
      [],
      `${verb}: the ${srcDesc.typeName} holds a value that is not of its field's type (${error.message})`,
    );
    return fail(walk.issues);
  }
  if (walk.issues.some((issue) => issue.severity === "error")) return fail(walk.issues);
  return succeed(data as T, walk.issues);
}
