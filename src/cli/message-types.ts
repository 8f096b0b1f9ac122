// `--type` names → message schemas. Built once from the generated file descriptor, so every
// message of proto/mesos/mesos.proto is accepted without a hand-kept list that could drift.
import type { DescMessage } from "@bufbuild/protobuf";
import { file_mesos_mesos } from "../schema/index.js";
import { UsageError } from "./usage-error.js";

const PACKAGE_PREFIX = "mesos.";

/** The name users see and type: the full name without the package, e.g. "ContainerInfo.DockerInfo". */
export function displayName(schema: DescMessage): string {
  return schema.typeName.startsWith(PACKAGE_PREFIX)
    ? schema.typeName.slice(PACKAGE_PREFIX.length)
    : schema.typeName;
}

function collect(messages: readonly DescMessage[], into: DescMessage[]): DescMessage[] {
  for (const message of messages) {
    into.push(message);
    collect(message.nestedMessages, into);
  }
  return into;
}

/** Every message type, in .proto declaration order (parents before their nested messages). */
export const MESSAGE_TYPES: readonly DescMessage[] = collect(file_mesos_mesos.messages, []);

const byDisplayName = new Map<string, DescMessage>();
const byShortName = new Map<string, DescMessage[]>();
for (const schema of MESSAGE_TYPES) {
  byDisplayName.set(displayName(schema).toLowerCase(), schema);
  const short = schema.name.toLowerCase();
  byShortName.set(short, [...(byShortName.get(short) ?? []), schema]);
}

/**
 * Finds a message type by name, case-insensitively: the full name ("mesos.ContainerInfo.DockerInfo"),
 * the name inside the package ("ContainerInfo.DockerInfo", also with "_" as protobuf-es writes it),
 * or the last segment ("DockerInfo") when only one message has it. "ContainerInfo" is the top-level
 * message; the deprecated nested one is "CommandInfo.ContainerInfo".
 */
export function findMessageType(name: string, command?: string): DescMessage {
  let key = name.trim().toLowerCase().replaceAll("_", ".");
  if (key.startsWith(PACKAGE_PREFIX)) key = key.slice(PACKAGE_PREFIX.length);
  const exact = byDisplayName.get(key);
  if (exact) return exact;
  const candidates = byShortName.get(key) ?? [];
  if (candidates.length === 1 && candidates[0]) return candidates[0];
  if (candidates.length > 1) {
    throw new UsageError(
      `--type ${name} is ambiguous: say ${candidates.map(displayName).join(" or ")}`,
      command,
    );
  }
  throw new UsageError(
    `unknown --type ${JSON.stringify(name)}; known types: ${MESSAGE_TYPES.map(displayName).join(", ")}`,
    command,
  );
}
