// Recomputes src/cli's schema tables (schema-wire.ts) from the generated descriptors, so a test
// can check the shipped constants against them (and print the new ones after `npm run generate`).
import type { DescField, DescFile, DescMessage } from "@bufbuild/protobuf";
import { ScalarType } from "@bufbuild/protobuf";
import type { WireEntry } from "../../src/cli/schema-wire.js";

function messagesOf(files: readonly DescFile[]): DescMessage[] {
  const out: DescMessage[] = [];
  const walk = (messages: readonly DescMessage[]) => {
    for (const message of messages) {
      out.push(message);
      walk(message.nestedMessages);
    }
  };
  for (const file of files) walk(file.messages);
  return out;
}

// The two message types whose names differ beyond the package (see src/convert/counterpart.ts).
const RENAMED: Readonly<Record<string, string>> = {
  "mesos.SlaveID": "mesos.v1.AgentID",
  "mesos.ContainerInfo.DockerInfo.Volume": "mesos.v1.Volume",
};

function scalarWire(type: ScalarType): number {
  switch (type) {
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return 1;
    case ScalarType.FLOAT:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return 5;
    case ScalarType.STRING:
    case ScalarType.BYTES:
      return 2;
    default:
      return 0;
  }
}

function wireOf(field: DescField): number {
  switch (field.fieldKind) {
    case "message":
      return field.delimitedEncoding ? 3 : 2;
    case "map":
      return 2;
    case "enum":
      return 0;
    case "scalar":
      return scalarWire(field.scalar);
    case "list":
      if (field.listKind === "message") return field.delimitedEncoding ? 3 : 2;
      return field.listKind === "enum" ? 0 : scalarWire(field.scalar);
  }
}

function messageOf(field: DescField): DescMessage | undefined {
  if (field.fieldKind === "message") return field.message;
  if (field.fieldKind === "list" && field.listKind === "message") return field.message;
  return undefined;
}

function enumOf(field: DescField) {
  if (field.fieldKind === "enum") return field.enum;
  if (field.fieldKind === "list" && field.listKind === "enum") return field.enum;
  return undefined;
}

/** The binary detection table: per seed message with a v1 counterpart, what tells them apart. */
export function wireTable(
  seedFile: DescFile,
  v1Files: readonly DescFile[],
): Record<string, WireEntry> {
  const v1ByName = new Map(messagesOf(v1Files).map((m) => [m.typeName, m]));
  const counterpart = (s: DescMessage) =>
    v1ByName.get(RENAMED[s.typeName] ?? s.typeName.replace(/^mesos\./, "mesos.v1."));
  const name = (s: DescMessage) => s.typeName.replace(/^mesos\./, "");
  const table: Record<
    string,
    {
      v1: number[];
      seed: number[];
      wire: Record<number, [number, number]>;
      enums: Record<number, number[]>;
      children: Record<number, string>;
    }
  > = {};
  for (const s of messagesOf([seedFile])) {
    const v = counterpart(s);
    if (v === undefined) continue;
    const entry = {
      v1: [] as number[],
      seed: [] as number[],
      wire: {} as Record<number, [number, number]>,
      enums: {} as Record<number, number[]>,
      children: {} as Record<number, string>,
    };
    const seedFields = new Map(s.fields.map((f) => [f.number, f]));
    const v1Fields = new Map(v.fields.map((f) => [f.number, f]));
    for (const f of v.fields) if (!seedFields.has(f.number)) entry.v1.push(f.number);
    for (const f of s.fields) if (!v1Fields.has(f.number)) entry.seed.push(f.number);
    for (const sf of s.fields) {
      const vf = v1Fields.get(sf.number);
      if (vf === undefined) continue;
      if (wireOf(sf) !== wireOf(vf)) {
        entry.wire[sf.number] = [wireOf(sf), wireOf(vf)];
        continue;
      }
      const sm = messageOf(sf);
      const vm = messageOf(vf);
      if (sm !== undefined && vm !== undefined && counterpart(sm) === vm)
        entry.children[sf.number] = name(sm);
      const se = enumOf(sf);
      const ve = enumOf(vf);
      if (se !== undefined && ve !== undefined) {
        const known = new Set(se.values.map((x) => x.number));
        const added = ve.values.map((x) => x.number).filter((n) => !known.has(n));
        if (added.length > 0) entry.enums[sf.number] = added;
      }
    }
    entry.v1.sort((a, b) => a - b);
    entry.seed.sort((a, b) => a - b);
    table[name(s)] = entry;
  }
  // Keep only what can decide: entries with a marker, or with a child that leads to one.
  const decides = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [key, e] of Object.entries(table)) {
      if (decides.has(key)) continue;
      const own =
        e.v1.length + e.seed.length + Object.keys(e.wire).length + Object.keys(e.enums).length > 0;
      if (own || Object.values(e.children).some((child) => decides.has(child))) {
        decides.add(key);
        changed = true;
      }
    }
  }
  const out: Record<string, WireEntry> = {};
  for (const [key, e] of Object.entries(table)) {
    if (!decides.has(key)) continue;
    const children = Object.fromEntries(
      Object.entries(e.children).filter(([, child]) => decides.has(child)),
    );
    const entry: { -readonly [K in keyof WireEntry]: WireEntry[K] } = { v1: e.v1, seed: e.seed };
    if (Object.keys(e.wire).length > 0) entry.wire = e.wire;
    if (Object.keys(e.enums).length > 0) entry.enums = e.enums;
    if (Object.keys(children).length > 0)
      entry.children = Object.fromEntries(Object.entries(children).map(([k, c]) => [Number(k), c]));
    out[key] = entry;
  }
  return out;
}
