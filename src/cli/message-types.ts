// `--type` names → message schemas of either schema set. Built from the generated file
// descriptors, so every message of proto/mesos/mesos.proto and proto/mesos/v1/** is accepted
// without a hand-kept list that could drift.
import type { DescMessage } from "@bufbuild/protobuf";
import { loadSchemaSet, type SchemaName, type SchemaSet } from "./schema-set.js";
import { UsageError } from "./usage-error.js";

// The longest package: "mesos.v1.scheduler.Call" is "Call", not "scheduler.Call".
const PACKAGE = /^mesos\.(?:v1\.(?:scheduler\.)?)?/;

/** The name users see and type: the full name without the package, e.g. "ContainerInfo.DockerInfo". */
export function displayName(schema: DescMessage): string {
  return schema.typeName.replace(PACKAGE, "");
}

/**
 * Finds a message type of `set` by name, case-insensitively: the full name
 * ("mesos.ContainerInfo.DockerInfo", "mesos.v1.scheduler.Call"), the name inside the package
 * ("ContainerInfo.DockerInfo", also with "_" as protobuf-es writes it), or the last segment
 * ("DockerInfo") when only one message of the set has it. Undefined when the set has no such
 * message; a UsageError when the last segment is ambiguous.
 */
export function findMessageType(set: SchemaSet, name: string, command?: string) {
  const key = name.trim().toLowerCase().replaceAll("_", ".").replace(PACKAGE, "");
  const exact = set.messages.find((schema) => displayName(schema).toLowerCase() === key);
  if (exact) return exact;
  const candidates = set.messages.filter((schema) => schema.name.toLowerCase() === key);
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) {
    throw new UsageError(
      `--type ${name} is ambiguous in ${set.label}: say ${candidates.map(displayName).join(" or ")}`,
      command,
    );
  }
  return undefined;
}

/**
 * What --type asks for: its name, and its schema in the seed when the seed has one. The v1
 * schema is looked up only when an input is v1 (or the seed lacks the name), so a run over
 * seed inputs never loads it.
 */
export interface TypeRequest {
  readonly name: string;
  /** The seed's message of that name; undefined when only mesos.v1 has it (e.g. Call). */
  readonly seed: DescMessage | undefined;
}

/**
 * Checks that some schema (`forced`, or either) has a message named `name`, before any file is
 * read; a UsageError listing the known types otherwise.
 */
export async function requestType(
  name: string,
  forced: SchemaName | undefined,
  command: string,
): Promise<TypeRequest> {
  // The seed first: mesos.v1 is loaded only when the seed lacks the name (or --schema v1).
  const searched: SchemaSet[] = [];
  for (const schema of forced === undefined ? (["seed", "v1"] as const) : [forced]) {
    const set = await loadSchemaSet(schema);
    const found = findMessageType(set, name, command);
    if (found !== undefined) return { name, seed: schema === "seed" ? found : undefined };
    searched.push(set);
  }
  const known = searched.map(
    (set) => `${set.label}: ${[...new Set(set.messages.map(displayName))].join(", ")}`,
  );
  throw new UsageError(
    `unknown --type ${JSON.stringify(name)}; known types in ${known.join("; in ")}`,
    command,
  );
}

/**
 * The message type of `request` in `schema`, or, when that schema has no such message, in the
 * other one (a seed-only type such as SlaveID in an input that looked v1, or a v1-only type
 * such as Call). The schema actually used is the returned type's.
 */
export async function typeFor(request: TypeRequest, schema: SchemaName): Promise<DescMessage> {
  if (schema === "seed" && request.seed !== undefined) return request.seed;
  const v1 = findMessageType(await loadSchemaSet("v1"), request.name);
  if (v1 !== undefined && (schema === "v1" || request.seed === undefined)) return v1;
  if (request.seed !== undefined) return request.seed;
  // requestType made sure one of the two has it.
  throw new Error(`no message type ${request.name} in either schema`);
}
