// Which schema an input was written for, read from the input itself before either schema is
// loaded; the rules, in order, are those help.ts (SCHEMAS) tells users.
// JSON: a key only one schema has (V1_ONLY_KEYS, SEED_ONLY_KEYS; also `container.type: "MESOS"`,
// `docker.volume`, the legacy `command.container`), and with keys of both the schema with more of
// them (a tie goes to the seed). `slave_id` next to v1 keys is the v0 name of `agent_id` that
// Mesos's operator endpoints still write: read as v1 with the codec's v0Names. A DockerInfo
// without `volume` and nothing else deciding is mesos.v1: such JSON means the same in both
// schemas, and a Mesos 1.11 master reads mesos.v1, so converted to binary it carries docker at
// field 3, where Mesos looks for it (at 100, Mesos would see no DockerInfo at all).
// Binary: field numbers, wire types and enum values only one schema has (schema-wire.ts, derived
// from the descriptors); the first deciding field in wire order wins. Bytes that are not protobuf
// decide nothing (the decoder then says what is wrong).
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import type { InputFormat } from "./read-input.js";
import { SEED_ONLY_KEYS, V1_ONLY_KEYS } from "./schema-keys.js";
import type { SchemaName } from "./schema-set.js";
import { WIRE, type WireEntry } from "./schema-wire.js";

export interface Detection {
  readonly schema: SchemaName;
  /** Why this schema, in words (shown by --reporter json). */
  readonly reason: string;
  /** JSON of a v1 message written with v0 names (`slave_id`): read with the codec's v0Names. */
  readonly v0Names: boolean;
}

const FALLBACK: Detection = {
  schema: "seed",
  reason:
    "nothing in the input decides; the seed schema is the default (--schema v1 forces Mesos 1.11)",
  v0Names: false,
};

/** Detects the schema of an input; `type` is the message type's name inside its package. */
export function detectSchema(input: string | Uint8Array, format: InputFormat, type: string) {
  if (format === "json")
    return detectJson(typeof input === "string" ? input : new TextDecoder().decode(input));
  return typeof input === "string" ? FALLBACK : detectBinary(input, type);
}

// --- JSON ------------------------------------------------------------------------------------

interface Markers {
  v1: string[];
  seed: string[];
  slave: string[];
  dockerWithoutVolume: boolean;
}

// Mesos >= 1.10 writes bare Infinity (and NaN) for limits, which JSON.parse refuses: read those
// tokens as null for detection only (the codec reads them for real).
const BARE_NUMBER = /([:,[]\s*)-?(?:Infinity|NaN)(?=\s*[,\]}])/g;

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(BARE_NUMBER, "$1null"));
    } catch {
      return undefined;
    }
  }
}

export function detectJson(text: string): Detection {
  const root = parse(text);
  if (typeof root !== "object" || root === null) return FALLBACK;
  const markers: Markers = { v1: [], seed: [], slave: [], dockerWithoutVolume: false };
  // An explicit stack: nesting depth is the input's to choose, the call stack is not.
  const stack: { value: unknown; key: string }[] = [{ value: root, key: "" }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, key: parent } = item;
    if (Array.isArray(value)) {
      for (const element of value) stack.push({ value: element, key: parent });
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    const record = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(record)) {
      classifyKey(markers, parent, key, child);
      if (typeof child === "object" && child !== null) stack.push({ value: child, key });
    }
    if (parent === "docker" && "image" in record && !("volume" in record)) {
      markers.dockerWithoutVolume = true;
    }
  }
  return decide(markers);
}

function classifyKey(markers: Markers, parent: string, key: string, value: unknown): void {
  if (SEED_ONLY_KEYS.has(key)) {
    (key.startsWith("slave") ? markers.slave : markers.seed).push(JSON.stringify(key));
  } else if (V1_ONLY_KEYS.has(key)) {
    markers.v1.push(JSON.stringify(key));
  } else if (parent === "docker" && key === "volume") {
    markers.seed.push("docker.volume");
  } else if (parent === "command" && key === "container") {
    markers.seed.push("command.container");
  } else if (parent === "container" && key === "type" && value === "MESOS") {
    markers.v1.push('container.type "MESOS"');
  }
}

function decide(m: Markers): Detection {
  const v1 = m.v1.length;
  const seed = m.seed.length;
  if (v1 > 0 && v1 > seed) {
    const v0 = m.slave.length > 0;
    const mixed = seed > 0 ? ` (more than the seed's ${m.seed[0]})` : "";
    const names = v0 ? `; ${m.slave[0]} read as its v1 name (v0 names)` : "";
    return { schema: "v1", reason: `${m.v1[0]} is a mesos.v1 field${mixed}${names}`, v0Names: v0 };
  }
  if (seed > 0 || m.slave.length > 0) {
    const first = m.seed[0] ?? m.slave[0];
    const mixed = v1 > 0 ? ` (as many as or more than mesos.v1's ${m.v1[0]})` : "";
    return { schema: "seed", reason: `${first} is a seed field${mixed}`, v0Names: false };
  }
  if (m.dockerWithoutVolume) {
    return {
      schema: "v1",
      reason:
        "a DockerInfo without volume: read as Mesos 1.11, where volumes live in ContainerInfo",
      v0Names: false,
    };
  }
  return FALLBACK;
}

// --- binary ----------------------------------------------------------------------------------

type Verdict = Omit<Detection, "v0Names">;

/** Detects the schema of binary `bytes` of message type `type` (its name inside the package). */
export function detectBinary(bytes: Uint8Array, type: string): Detection {
  if (WIRE[type] === undefined) return FALLBACK;
  try {
    const verdict = walk(new BinaryReader(bytes), type, 0);
    return verdict === undefined ? FALLBACK : { ...verdict, v0Names: false };
  } catch {
    // protobuf-es's reader throws on bytes that are not protobuf: they decide nothing.
    return FALLBACK;
  }
}

// The table's nesting is a few levels (TaskInfo > ExecutorInfo > CommandInfo > Environment >
// Variable); a limit keeps a hostile input from going deeper than the schemas do.
const MAX_DEPTH = 16;

/** The first field that decides, in wire order, depth first; undefined if none does. */
function walk(r: BinaryReader, type: string, depth: number): Verdict | undefined {
  const entry = WIRE[type] as WireEntry;
  while (r.pos < r.len) {
    const [field, wire] = r.tag();
    const at = `field ${field} of ${type}`;
    if (entry.seed.includes(field)) return { schema: "seed", reason: `${at} is a seed field` };
    if (entry.v1.includes(field)) return { schema: "v1", reason: `${at} is a mesos.v1 field` };
    const wires = entry.wire?.[field];
    if (wires !== undefined && wires[0] !== wires[1]) {
      if (wire === wires[0]) return { schema: "seed", reason: `${at} has the seed's wire type` };
      if (wire === wires[1]) return { schema: "v1", reason: `${at} has mesos.v1's wire type` };
    }
    // Groups (3, 4) appear in neither schema.
    if (wire === WireType.StartGroup || wire === WireType.EndGroup) throw new Error("a group");
    const child = entry.children?.[field];
    if (wire === WireType.Varint) {
      const value = r.uint32();
      if (entry.enums?.[field]?.includes(value)) {
        return { schema: "v1", reason: `${at} holds ${value}, an enum value only mesos.v1 has` };
      }
    } else if (wire !== WireType.LengthDelimited || child === undefined || depth >= MAX_DEPTH) {
      r.skip(wire, field);
    } else {
      const verdict = walk(new BinaryReader(r.bytes()), child, depth + 1);
      if (verdict !== undefined) return verdict;
    }
  }
  return undefined;
}
