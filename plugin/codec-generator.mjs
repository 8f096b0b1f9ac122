// The code generator behind protoc-gen-mesos-codec.mjs. It emits, beside protobuf-es's
// `<file>_pb.ts`, a `<file>_codec.ts` with a strict decoder and an encoder per message: a
// switch on the tag, direct field assignment onto objects built on protobuf-es's own message
// prototypes, and the strict checks (wire types, UTF-8, closed enums, required fields, depth)
// folded in. The runtime the generated code calls is src/codec/generated/runtime; the
// semantics it must keep are those of the reflective codec in src/codec (the differential tests
// in test/codec-generated hold the two together).
//
// Plain JavaScript on purpose: `buf generate` runs it with node straight from a fresh clone
// (`npm ci` only), and Node 20 cannot run TypeScript. Messages this generator does not handle
// (known groups, more than 30 required fields, google.protobuf types) get no codec, and callers
// fall back to reflection for them. A message may reach types of another file of this module:
// buf runs the plugin once per directory, so that file's codec is written by another run, and
// the generated code imports its make/read/write functions (`supported` decides the same way
// in every run, from the descriptors alone).
import { posix } from "node:path";
import { createEcmaScriptPlugin } from "@bufbuild/protoplugin";

const VERSION = "0.1.0";

// google.protobuf.FieldDescriptorProto.Type numbers, as protobuf-es's ScalarType uses them.
const T = {
  DOUBLE: 1,
  FLOAT: 2,
  INT64: 3,
  UINT64: 4,
  INT32: 5,
  FIXED64: 6,
  FIXED32: 7,
  BOOL: 8,
  STRING: 9,
  BYTES: 12,
  UINT32: 13,
  SFIXED32: 15,
  SFIXED64: 16,
  SINT32: 17,
  SINT64: 18,
};
const SCALAR_NAMES = Object.fromEntries(Object.entries(T).map(([k, v]) => [v, k.toLowerCase()]));
const IMPLICIT = 2;
const LEGACY_REQUIRED = 3;
const MAX_REQUIRED = 30;

/** The plugin; protoc-gen-mesos-codec.mjs runs it on stdin/stdout, tests call `run` directly. */
export const plugin = createEcmaScriptPlugin({
  name: "protoc-gen-mesos-codec",
  version: `v${VERSION}`,
  generateTs,
});

function generateTs(schema) {
  const support = new Map();
  for (const file of schema.files) emitKeys(schema, file);
  for (const file of schema.files) {
    const messages = [...schema.typesInFile(file)].filter((d) => d.kind === "message");
    const handled = messages.filter((d) => supported(d, support));
    if (handled.length === 0) continue;
    const f = schema.generateFile(`${file.name}_codec.ts`);
    f.preamble(file);
    const depth = file.name.split("/").length;
    f.print(`import * as R from "${"../".repeat(depth)}src/codec/generated/runtime/index.js";`);
    for (const other of filesReached(handled, file)) {
      let from = posix.relative(posix.dirname(file.name), `${other.name}_codec.js`);
      if (!from.startsWith(".")) from = `./${from}`;
      f.print(`import * as ${alias(other)} from "${from}";`);
    }
    f.print();
    for (const desc of handled) emitMessage(f, desc, file);
    f.print("/** One entry per message type of this file that has a generated codec. */");
    f.print(f.export("const", "codecs"), ": readonly R.CodecEntry[] = [");
    for (const desc of handled) {
      const id = ident(desc);
      f.print(
        "  { schema: ",
        f.importSchema(desc),
        `, make: make${id}, read: read${id}, write: write${id} },`,
      );
    }
    f.print("];");
  }
}

/**
 * <file>_keys.ts: every JSON key a message of the file can carry (each field's proto name and its
 * JSON name), sorted. Plain strings, so a reader can tell the schemas' JSON apart without
 * building any descriptor (the CLI's schema detection, which runs before a schema is loaded).
 */
function emitKeys(schema, file) {
  const keys = new Set();
  const walk = (messages) => {
    for (const message of messages) {
      for (const field of message.fields) keys.add(field.name).add(field.jsonName);
      walk(message.nestedMessages);
    }
  };
  walk(file.messages);
  const f = schema.generateFile(`${file.name}_keys.ts`);
  f.preamble(file);
  f.print("/** Every field's proto name and JSON name, of every message of this file, sorted. */");
  f.print(f.export("const", "keys"), ": readonly string[] = [");
  for (const key of [...keys].sort()) f.print(`  ${JSON.stringify(key)},`);
  f.print("];");
}

/**
 * Whether a codec can be generated for `desc` and every message type it reaches. Files of
 * google/protobuf (the well-known types) are never generated here, so nothing reaching them is.
 */
function supported(desc, memo) {
  const known = memo.get(desc);
  if (known !== undefined) return known;
  memo.set(desc, true); // recursive types: assume yes while looking
  let ok = !desc.file.name.startsWith("google/protobuf/");
  ok &&= desc.fields.filter((f) => f.presence === LEGACY_REQUIRED).length <= MAX_REQUIRED;
  for (const field of desc.fields) {
    if (!ok) break;
    if (field.delimitedEncoding) ok = false;
    else if (field.message !== undefined) {
      const name = field.message.typeName;
      if (name.startsWith("google.protobuf.")) ok = false;
      else ok = supported(field.message, memo);
    }
  }
  memo.set(desc, ok);
  return ok;
}

/** A JS identifier suffix for a message type: mesos.TaskInfo -> $mesos$TaskInfo. */
function ident(desc) {
  return `$${desc.typeName.replace(/\./g, "$")}`;
}

/** The generated function `prefix` of `desc`, through its file's namespace import when another file's. */
function fn(prefix, desc, file) {
  const name = `${prefix}${ident(desc)}`;
  return desc.file === file ? name : `${alias(desc.file)}.${name}`;
}

/** The namespace a file's codec is imported under: mesos/v1/mesos.proto -> C$mesos$v1$mesos. */
function alias(file) {
  return `C$${file.name.replace(/[^A-Za-z0-9]/g, "$")}`;
}

/** The other files whose message types the fields of `messages` name, in a stable order. */
function filesReached(messages, file) {
  const files = new Map();
  for (const desc of messages) {
    for (const field of desc.fields) {
      const other = field.message?.file;
      if (other !== undefined && other !== file) files.set(other.name, other);
    }
  }
  return [...files.keys()].sort().map((name) => files.get(name));
}

function emitMessage(f, desc, file) {
  emitMake(f, desc);
  emitRead(f, desc, file);
  emitWrite(f, desc, file);
}

// ---- make: a fresh message exactly as protobuf-es's create() builds it --------------------

function emitMake(f, desc) {
  const id = ident(desc);
  f.print(`const proto${id} = R.prototypeOf(`, f.importSchema(desc), ");");
  f.print(`export function make${id}(): any {`);
  f.print(`  const m: any = Object.create(proto${id});`);
  f.print(`  m.$typeName = ${JSON.stringify(desc.typeName)};`);
  for (const member of desc.members) {
    if (member.kind === "oneof") {
      f.print(`  m.${member.localName} = { case: undefined };`);
    } else if (member.fieldKind === "list") {
      f.print(`  m.${member.localName} = [];`);
    } else if (member.fieldKind === "map") {
      f.print(`  m.${member.localName} = {};`);
    } else if (member.fieldKind !== "message" && member.presence === IMPLICIT) {
      f.print(`  m.${member.localName} = ${zeroLiteral(member)};`);
    }
  }
  f.print("  return m;");
  f.print("}");
  f.print();
}

function zeroLiteral(field) {
  if (field.fieldKind === "enum") return String(field.enum.values[0].number);
  switch (field.scalar) {
    case T.STRING:
      return '""';
    case T.BOOL:
      return "false";
    case T.BYTES:
      return "new Uint8Array(0)";
    case T.INT64:
    case T.UINT64:
    case T.SINT64:
    case T.FIXED64:
    case T.SFIXED64:
      return field.longAsString ? '"0"' : "0n";
    default:
      return "0";
  }
}

// ---- read ---------------------------------------------------------------------------------

const WIRE = { VARINT: 0, I64: 1, LEN: 2, I32: 5 };

function wireOf(scalar) {
  switch (scalar) {
    case T.STRING:
    case T.BYTES:
      return WIRE.LEN;
    case T.DOUBLE:
    case T.FIXED64:
    case T.SFIXED64:
      return WIRE.I64;
    case T.FLOAT:
    case T.FIXED32:
    case T.SFIXED32:
      return WIRE.I32;
    default:
      return WIRE.VARINT;
  }
}

/** The field's value kind: "enum", "message" or a scalar type number. */
function valueKind(field) {
  if (field.fieldKind === "map") return field.mapKind === "scalar" ? field.scalar : field.mapKind;
  if (field.fieldKind === "list")
    return field.listKind === "scalar" ? field.scalar : field.listKind;
  return field.fieldKind === "scalar" ? field.scalar : field.fieldKind;
}

function labelOf(field) {
  if (field.fieldKind === "map") return "map entry";
  const kind = valueKind(field);
  if (kind === "enum") return `enum ${field.enum.typeName}`;
  if (kind === "message") return `message ${field.message.typeName}`;
  return SCALAR_NAMES[kind];
}

function isClosedEnum(field) {
  return field.enum !== undefined && !field.enum.open;
}

/** A condition that is true when `v` is a declared number of the enum. */
function declaredTest(enumDesc, v) {
  const numbers = [...new Set(enumDesc.values.map((x) => x.number))].sort((a, b) => a - b);
  const lo = numbers[0];
  const hi = numbers[numbers.length - 1];
  if (hi - lo + 1 === numbers.length) {
    return lo === hi ? `${v} === ${lo}` : `(${v} >= ${lo} && ${v} <= ${hi})`;
  }
  return numbers.map((n) => `${v} === ${n}`).join(" || ");
}

function declaredList(enumDesc) {
  return enumDesc.values.map((v) => `${v.name} = ${v.number}`).join(", ");
}

/**
 * Statements that read one scalar or enum value at r.pos (end `end`, error location `name` and
 * `index`, JS expressions) and leave it in `out` (a JS lvalue expression, assigned once).
 */
function readValue(field, kind, out, end, name, index, failIndex) {
  const at = `${end}, t, ${name}, ${index}`;
  switch (kind) {
    case "enum": {
      const lines = [
        "{",
        "  const a = r.pos;",
        "  let v: number = buf[a];",
        `  if (v < 0x80 && a < ${end}) r.pos = a + 1;`,
        `  else v = R.varint(r, ${at});`,
      ];
      if (isClosedEnum(field)) {
        lines.push(
          `  if (!(${declaredTest(field.enum, "v")})) R.failEnum(r, a, v, ${name}, ${failIndex}, ${JSON.stringify(`enum ${field.enum.typeName}`)}, ${JSON.stringify(declaredList(field.enum))});`,
        );
      }
      lines.push(`  ${out} = v;`, "}");
      return lines;
    }
    case T.INT32:
    case T.UINT32:
    case T.SINT32: {
      const conv = kind === T.UINT32 ? "v >>> 0" : kind === T.SINT32 ? "R.sint32(v)" : "v";
      return [
        "{",
        "  let v: number = buf[r.pos];",
        `  if (v < 0x80 && r.pos < ${end}) r.pos++;`,
        `  else v = R.varint(r, ${at});`,
        `  ${out} = ${conv};`,
        "}",
      ];
    }
    case T.BOOL:
      return [
        "{",
        "  const b: number = buf[r.pos];",
        `  if (b < 0x80 && r.pos < ${end}) { r.pos++; ${out} = b !== 0; }`,
        `  else ${out} = R.bool(r, ${at});`,
        "}",
      ];
    case T.INT64:
    case T.UINT64:
    case T.SINT64: {
      const conv = kind === T.INT64 ? "R.int64" : kind === T.UINT64 ? "R.uint64" : "R.sint64";
      const value = `${conv}(r, R.varint(r, ${at}))`;
      return [`${out} = ${field.longAsString ? `String(${value})` : value};`];
    }
    case T.FIXED64:
    case T.SFIXED64: {
      const value = kind === T.FIXED64 ? "R.fixed64(r)" : "R.sfixed64(r)";
      return [
        `R.need(r, ${end}, 8, t, ${name}, ${index});`,
        `${out} = ${field.longAsString ? `String(${value})` : value};`,
      ];
    }
    case T.DOUBLE:
      return [`R.need(r, ${end}, 8, t, ${name}, ${index});`, `${out} = R.double(r);`];
    case T.FLOAT:
      return [`R.need(r, ${end}, 4, t, ${name}, ${index});`, `${out} = R.float(r);`];
    case T.FIXED32:
      return [`R.need(r, ${end}, 4, t, ${name}, ${index});`, `${out} = R.fixed32(r);`];
    case T.SFIXED32:
      return [`R.need(r, ${end}, 4, t, ${name}, ${index});`, `${out} = R.sfixed32(r);`];
    case T.STRING:
      return [`${out} = ${isRecurringName(field) ? "R.recentString" : "R.string"}(r, ${at});`];
    case T.BYTES:
      return [`${out} = R.bytes(r, ${at});`];
    default:
      throw new Error(`protoc-gen-mesos-codec: unexpected scalar type ${kind}`);
  }
}

// Fields read through the runtime's cache of recent strings (recentString), which only these may
// fill: the `value` of an ID message (TaskID, AgentID, SlaveID, FrameworkID, ExecutorID, ...), a
// Docker image reference (DockerInfo.image, Mesos 1.11 Image.Docker.name), a Docker volume's name
// and a volume's paths. They name things a stream of tasks repeats (agents, images, the same
// mounts), and never hold a secret. A repeat comes back as the same string, so the rules' verdict
// caches compare it by identity. Not resource names: an offer of many named resources would
// evict and miss on every one.
const VOLUME_PATHS = new Set([
  "mesos.ContainerInfo.DockerInfo.Volume.container_dir",
  "mesos.ContainerInfo.DockerInfo.Volume.host_dir",
  "mesos.v1.Volume.container_path",
  "mesos.v1.Volume.host_path",
]);

function isRecurringName(field) {
  if (field.fieldKind !== "scalar") return false;
  const parent = field.parent?.typeName ?? "";
  if (field.name === "value") return /ID$/.test(field.parent?.name ?? "");
  if (field.name === "image") return /\.ContainerInfo\.DockerInfo$/.test(parent);
  if (field.name === "name") return /\.(Image\.Docker|Volume\.Source\.DockerVolume)$/.test(parent);
  return VOLUME_PATHS.has(`${parent}.${field.name}`);
}

function packedWidth(kind) {
  const wire = kind === "enum" ? WIRE.VARINT : wireOf(kind);
  return wire === WIRE.I64 ? 8 : wire === WIRE.I32 ? 4 : 0;
}

function indent(lines, by) {
  const pad = " ".repeat(by);
  return lines.map((l) => pad + l);
}

function emitRead(f, desc, file) {
  const id = ident(desc);
  const required = desc.fields.filter((x) => x.presence === LEGACY_REQUIRED);
  const bit = new Map(required.map((x, i) => [x, 1 << i]));
  const body = [];
  const sorted = desc.fields.concat().sort((a, b) => a.number - b.number);
  for (const field of sorted) body.push(...readCases(field, file, bit.get(field)));
  f.print(
    `export function read${id}(r: R.Reader, m: any, end: number, depth: number, start: number): void {`,
  );
  f.print("  const buf: any = r.buf;");
  if (required.length > 0) f.print("  let seen = 0;");
  f.print("  let u: any;");
  f.print("  while (r.pos < end) {");
  f.print("    const t = r.pos;");
  f.print("    let tag: number = buf[r.pos++];");
  f.print("    if (tag > 0x7f) tag = R.readTag(r, tag, end, t);");
  f.print("    switch (tag) {");
  for (const line of body) f.print(`      ${line}`);
  f.print("      default: {");
  f.print("        const no = tag >>> 3;");
  f.print("        const wt = tag & 7;");
  f.print("        if (no === 0 || wt > 5) R.failTag(r, t, no, wt);");
  f.print("        if (wt === 4) R.failEndGroup(r, t, no);");
  if (sorted.length > 0) {
    f.print("        switch (no) {");
    for (const field of sorted) {
      const name = JSON.stringify(field.name);
      const index = field.fieldKind === "list" ? `m.${field.localName}.length` : "-1";
      const expected = field.fieldKind === "map" ? WIRE.LEN : wireOfField(field);
      f.print(
        `          case ${field.number}: R.failMismatch(r, t, ${name}, ${index}, ${JSON.stringify(labelOf(field))}, ${field.number}, ${expected}, wt, true);`,
      );
    }
    f.print("        }");
  }
  f.print("        (u ??= m.$unknown ?? []).push(R.unknown(r, no, wt, t, end, depth));");
  f.print("      }");
  f.print("    }");
  f.print("  }");
  if (required.length > 0) {
    // Judged on the merged message by the caller; here only noted, with where it started.
    const mask = required.reduce((acc, x) => acc | bit.get(x), 0);
    f.print(`  if (seen !== ${mask}) R.incomplete(r, m, start);`);
  } else {
    f.print("  void start;");
  }
  f.print("  if (u !== undefined) m.$unknown = u;");
  f.print("}");
  f.print();
}

function wireOfField(field) {
  const kind = valueKind(field);
  if (kind === "enum") return WIRE.VARINT;
  if (kind === "message") return WIRE.LEN;
  return wireOf(kind);
}

/** The `case` clauses of one field in the read switch. */
function readCases(field, file, requiredBit) {
  const out = [];
  const name = JSON.stringify(field.name);
  const local = field.localName;
  const kind = valueKind(field);
  const mark = requiredBit === undefined ? [] : [`seen |= ${requiredBit};`];
  const tagOf = (wire) => ((field.number << 3) | wire) >>> 0;
  if (field.fieldKind === "map") {
    out.push(
      `case ${tagOf(WIRE.LEN)}: {`,
      ...indent(readMapEntry(field, file), 2),
      "  break;",
      "}",
    );
    return out;
  }
  if (kind === "message") {
    const make = fn("make", field.message, file);
    const read = fn("read", field.message, file);
    const lines = [];
    if (field.fieldKind === "list") {
      lines.push(
        `const list = m.${local};`,
        "const i = list.length;",
        `const len = R.length(r, end, t, ${name}, -1);`,
        `if (depth >= r.depthLimit) R.failDepth(r, t, ${name}, i);`,
        `const c = ${make}();`,
        // Paths only on the second pass after an error (Reader.track; see runtime/codec.ts).
        "if (r.track) {",
        `  r.path.push(${name}, i);`,
        `  ${read}(r, c, r.pos + len, depth + 1, t);`,
        "  r.path.pop();",
        "  r.path.pop();",
        `} else ${read}(r, c, r.pos + len, depth + 1, t);`,
        "list.push(c);",
      );
    } else {
      lines.push(
        `const len = R.length(r, end, t, ${name}, -1);`,
        `if (depth >= r.depthLimit) R.failDepth(r, t, ${name}, -1);`,
      );
      if (field.oneof !== undefined) {
        const o = field.oneof.localName;
        lines.push(
          `const o = m.${o};`,
          `const c = o.case === ${JSON.stringify(local)} ? o.value : ${make}();`,
        );
      } else {
        lines.push(`const c = m.${local} ?? ${make}();`);
      }
      lines.push(
        "if (r.track) {",
        `  r.path.push(${name});`,
        `  ${read}(r, c, r.pos + len, depth + 1, t);`,
        "  r.path.pop();",
        `} else ${read}(r, c, r.pos + len, depth + 1, t);`,
        field.oneof !== undefined
          ? `m.${field.oneof.localName} = { case: ${JSON.stringify(local)}, value: c };`
          : `m.${local} = c;`,
      );
    }
    out.push(`case ${tagOf(WIRE.LEN)}: {`, ...indent([...lines, ...mark], 2), "  break;", "}");
    return out;
  }
  if (field.fieldKind === "list") {
    const wire = kind === "enum" ? WIRE.VARINT : wireOf(kind);
    out.push(
      `case ${tagOf(wire)}: {`,
      `  const list = m.${local};`,
      "  const i = list.length;",
      ...indent(readValue(field, kind, "list[i]", "end", name, "i", "i"), 2),
      "  break;",
      "}",
    );
    if (wire !== WIRE.LEN) {
      const width = packedWidth(kind);
      out.push(
        `case ${tagOf(WIRE.LEN)}: {`,
        `  const list = m.${local};`,
        "  const base = list.length;",
        `  const stop = R.packedEnd(r, end, t, ${name}, base, ${width}, ${JSON.stringify(labelOf(field))});`,
        "  while (r.pos < stop) {",
        ...indent(
          readValue(field, kind, "list[list.length]", "stop", name, "list.length", "list.length"),
          4,
        ),
        "  }",
        "  break;",
        "}",
      );
    }
    return out;
  }
  const wire = kind === "enum" ? WIRE.VARINT : wireOf(kind);
  const target =
    field.oneof !== undefined
      ? [`m.${field.oneof.localName} = { case: ${JSON.stringify(local)}, value: x };`]
      : [];
  const lhs = field.oneof !== undefined ? "x" : `m.${local}`;
  const lines = field.oneof !== undefined ? ["let x: any;"] : [];
  lines.push(...readValue(field, kind, lhs, "end", name, "-1", "-1"), ...target, ...mark);
  out.push(`case ${tagOf(wire)}: {`, ...indent(lines, 2), "  break;", "}");
  return out;
}

/**
 * One map entry: key = 1, value = 2; unknown entry fields are dropped, as protobuf-es does. The
 * entry is a nesting level of its own, and error paths name it as the reflective reader does:
 * the map for the entry and its key, plus the key read so far (or "(value)") for its value.
 */
function readMapEntry(field, file) {
  const name = JSON.stringify(field.name);
  const local = field.localName;
  const keyField = { enum: undefined, longAsString: false };
  const keyWire = wireOf(field.mapKey);
  const keyZero =
    field.mapKey === T.STRING
      ? '""'
      : field.mapKey === T.BOOL
        ? "false"
        : [T.INT64, T.UINT64, T.SINT64, T.FIXED64, T.SFIXED64].includes(field.mapKey)
          ? "0n"
          : "0";
  const kind = valueKind(field);
  const lines = [
    `const len = R.length(r, end, t, ${name}, -1);`,
    `if (depth >= r.depthLimit) R.failDepth(r, t, ${name}, -1);`,
    "const stop = r.pos + len;",
    `r.path.push(${name});`,
    "let k: any;",
    "let val: any;",
    "while (r.pos < stop) {",
    "  const t2 = r.pos;",
    "  let tag2: number = buf[r.pos++];",
    "  if (tag2 > 0x7f) tag2 = R.readTag(r, tag2, stop, t2);",
    "  switch (tag2) {",
    `    case ${(1 << 3) | keyWire}: {`,
    "      const t = t2;",
    ...indent(readValue(keyField, field.mapKey, "k", "stop", "undefined", "-1", "-1"), 6),
    "      break;",
    "    }",
  ];
  const valueWire = kind === "message" ? WIRE.LEN : kind === "enum" ? WIRE.VARINT : wireOf(kind);
  lines.push(`    case ${(2 << 3) | valueWire}: {`, "      const t = t2;");
  if (kind === "message") {
    const make = fn("make", field.message, file);
    const read = fn("read", field.message, file);
    lines.push(
      // The length is reported at the map field, as the reflective reader's entry frame does.
      `      const n = R.length(r, stop, t, ${name}, -1);`,
      "      if (depth + 1 >= r.depthLimit) R.failDepth(r, t, R.keySegment(k), -1);",
      `      val ??= ${make}();`,
      "      r.path.push(R.keySegment(k));",
      `      ${read}(r, val, r.pos + n, depth + 2, t);`,
      "      r.path.pop();",
    );
  } else {
    const valueField = { enum: field.enum, longAsString: false };
    lines.push(
      "      r.path.push(R.keySegment(k));",
      ...indent(readValue(valueField, kind, "val", "stop", "undefined", "-1", "-1"), 6),
      "      r.path.pop();",
    );
  }
  lines.push(
    "      break;",
    "    }",
    "    default: {",
    "      const no = tag2 >>> 3;",
    "      const wt = tag2 & 7;",
    "      if (no === 0 || wt > 5) R.failTag(r, t2, no, wt);",
    "      if (wt === 4) R.failEndGroup(r, t2, no);",
    `      if (no === 1) R.failMismatch(r, t2, "key", -1, ${JSON.stringify(SCALAR_NAMES[field.mapKey])}, 1, ${keyWire}, wt, false);`,
    "      if (no === 2) {",
    "        r.path.push(R.keySegment(k));",
    `        R.failMismatch(r, t2, "value", -1, ${JSON.stringify(labelOf({ ...field, fieldKind: "list", listKind: kind === "message" ? "message" : kind === "enum" ? "enum" : "scalar" }))}, 2, ${valueWire}, wt, false);`,
    "      }",
    "      R.skip(r, no, wt, t2, stop, depth + 1);",
    "    }",
    "  }",
    "}",
    "r.path.pop();",
  );
  if (kind === "message") {
    const make = fn("make", field.message, file);
    const needsAll = field.message.fields.some((x) => x.presence === LEGACY_REQUIRED);
    lines.push(`if (val === undefined) {`, `  val = ${make}();`);
    // A value left out is a fresh message: it lacks every required field it has.
    if (needsAll) lines.push("  R.incomplete(r, val, undefined);");
    lines.push("}");
  } else {
    const dflt =
      kind === "enum"
        ? String(field.enum.values[0].number)
        : zeroLiteral({ fieldKind: "scalar", scalar: kind, longAsString: false });
    lines.push(`if (val === undefined) val = ${dflt};`);
  }
  lines.push(`R.setOwn(m.${local}, k === undefined ? ${keyZero} : k, val);`);
  return lines;
}

// ---- write --------------------------------------------------------------------------------

/** A condition under which `v` can be written as the field's value type. */
function writableTest(field, kind, v) {
  switch (kind) {
    case "enum":
      return isClosedEnum(field) ? declaredTest(field.enum, v) : `(${v} | 0) === ${v}`;
    case T.INT32:
    case T.SINT32:
    case T.SFIXED32:
      return `(${v} | 0) === ${v}`;
    case T.UINT32:
    case T.FIXED32:
      return `${v} >>> 0 === ${v}`;
    case T.BOOL:
      return `typeof ${v} === "boolean"`;
    case T.STRING:
      return `typeof ${v} === "string"`;
    case T.BYTES:
      return `${v} instanceof Uint8Array`;
    case T.DOUBLE:
      return `typeof ${v} === "number"`;
    case T.FLOAT:
      return `typeof ${v} === "number" && !(Math.abs(${v}) > 3.4028234663852886e38 && Number.isFinite(${v}))`;
    case T.UINT64:
    case T.FIXED64:
      return `(typeof ${v} === "bigint" ? ${v} >= 0n && ${v} <= 18446744073709551615n : R.int64Ok(${v}, true))`;
    case T.INT64:
    case T.SINT64:
    case T.SFIXED64:
      return `(typeof ${v} === "bigint" ? ${v} >= -9223372036854775808n && ${v} <= 9223372036854775807n : R.int64Ok(${v}, false))`;
    default:
      throw new Error(`protoc-gen-mesos-codec: unexpected kind ${kind}`);
  }
}

function writeCall(kind, v) {
  switch (kind) {
    case "enum":
    case T.INT32:
      return `w.int32(${v})`;
    case T.SINT32:
      return `w.sint32(${v})`;
    case T.SFIXED32:
    case T.FIXED32:
      return `w.fixed32(${v})`;
    case T.UINT32:
      return `w.uint32(${v})`;
    case T.BOOL:
      return `w.bool(${v})`;
    case T.STRING:
      return `w.string(${v})`;
    case T.BYTES:
      return `w.bytes(${v})`;
    case T.DOUBLE:
      return `w.double(${v})`;
    case T.FLOAT:
      return `w.float(${v})`;
    case T.UINT64:
      return `w.uint64(${v})`;
    case T.INT64:
      return `w.int64(${v})`;
    case T.SINT64:
      return `w.sint64(${v})`;
    case T.FIXED64:
      return `w.fixed64(${v})`;
    case T.SFIXED64:
      return `w.sfixed64(${v})`;
    default:
      throw new Error(`protoc-gen-mesos-codec: unexpected kind ${kind}`);
  }
}

/** Statements writing tag + value `v` (a JS expression safe to repeat). */
function writeOne(field, kind, v, file, tag) {
  if (kind === "message") {
    const write = fn("write", field.message, file);
    return [
      `w.uint32(${tag});`,
      "{",
      "  const at = w.open();",
      `  ${write}(w, ${v});`,
      "  w.close(at);",
      "}",
    ];
  }
  return [
    `if (!(${writableTest(field, kind, v)})) throw R.ABORT;`,
    `w.uint32(${tag});`,
    `${writeCall(kind, v)};`,
  ];
}

/** The default a proto2 field reads as when unset (for the cheap presence test). */
function defaultLiteral(field) {
  // Bytes compare by identity: only the own-property test tells a set value.
  if (field.fieldKind === "scalar" && field.scalar === T.BYTES) return undefined;
  const d = field.getDefaultValue();
  if (d === undefined) return zeroLiteral(field);
  if (typeof d === "bigint" || d instanceof Uint8Array) return undefined;
  if (typeof d === "number" && !Number.isFinite(d)) return undefined;
  return JSON.stringify(d);
}

function emitWrite(f, desc, file) {
  const id = ident(desc);
  f.print(`export function write${id}(w: R.Writer, m: any): void {`);
  f.print(
    `  if (typeof m !== "object" || m === null || m.$typeName !== ${JSON.stringify(desc.typeName)}) throw R.ABORT;`,
  );
  f.print("  let v: any;");
  const sorted = desc.fields.concat().sort((a, b) => a.number - b.number);
  for (const field of sorted) {
    const lines = writeField(field, file);
    for (const line of lines) f.print(`  ${line}`);
  }
  f.print("  v = m.$unknown;");
  f.print("  if (v !== undefined) R.writeUnknown(w, v);");
  f.print("}");
  f.print();
}

function writeField(field, file) {
  const local = field.localName;
  const kind = valueKind(field);
  const tagOf = (wire) => ((field.number << 3) | wire) >>> 0;
  const wire = kind === "message" ? WIRE.LEN : kind === "enum" ? WIRE.VARINT : wireOf(kind);
  const lines = [`// ${field.name} = ${field.number}`];
  if (field.oneof !== undefined) {
    lines.push(
      `v = m.${field.oneof.localName};`,
      'if (typeof v !== "object" || v === null) throw R.ABORT;',
      `if (v.case === ${JSON.stringify(local)}) {`,
      "  v = v.value;",
      ...indent(writeOne(field, kind, "v", file, tagOf(wire)), 2),
      "}",
    );
    return lines;
  }
  if (field.fieldKind === "list") {
    lines.push(`v = m.${local};`, "if (!Array.isArray(v)) throw R.ABORT;");
    if (field.packed && kind !== "message" && wire !== WIRE.LEN) {
      lines.push(
        "if (v.length > 0) {",
        `  w.uint32(${tagOf(WIRE.LEN)});`,
        "  const at = w.open();",
        "  for (let i = 0; i < v.length; i++) {",
        "    const e = v[i];",
        `    if (!(${writableTest(field, kind, "e")})) throw R.ABORT;`,
        `    ${writeCall(kind, "e")};`,
        "  }",
        "  w.close(at);",
        "}",
      );
    } else {
      lines.push(
        "for (let i = 0; i < v.length; i++) {",
        "  const e = v[i];",
        ...indent(writeOne(field, kind, "e", file, tagOf(wire)), 2),
        "}",
      );
    }
    return lines;
  }
  if (field.fieldKind === "map") {
    const keyTag = (1 << 3) | wireOf(field.mapKey);
    const valueTag = (2 << 3) | wire;
    const keyExpr =
      field.mapKey === T.STRING
        ? "key"
        : field.mapKey === T.BOOL
          ? "R.boolKey(key)"
          : [T.INT64, T.UINT64, T.SINT64, T.FIXED64, T.SFIXED64].includes(field.mapKey)
            ? "R.bigKey(key)"
            : "R.intKey(key)";
    const keyField = { enum: undefined };
    const valueField = { enum: field.enum, message: field.message };
    lines.push(
      `v = m.${local};`,
      'if (typeof v !== "object" || v === null || Array.isArray(v)) throw R.ABORT;',
      "for (const key of Object.keys(v)) {",
      `  w.uint32(${tagOf(WIRE.LEN)});`,
      "  const at = w.open();",
      `  const k: any = ${keyExpr};`,
      ...indent(writeOne(keyField, field.mapKey, "k", file, keyTag), 2),
      "  const e = v[key];",
      ...indent(writeOne(valueField, kind, "e", file, valueTag), 2),
      "  w.close(at);",
      "}",
    );
    return lines;
  }
  const tag = tagOf(wire);
  const write = writeOne(field, kind, "v", file, tag);
  lines.push(`v = m.${local};`);
  if (kind === "message") {
    lines.push("if (v !== undefined) {", ...indent(write, 2), "}");
  } else if (field.presence === IMPLICIT) {
    lines.push(`if (${implicitSet(kind, "v")}) {`, ...indent(write, 2), "}");
  } else {
    const d = defaultLiteral(field);
    const set =
      d === undefined
        ? `v !== undefined && R.hasOwn.call(m, ${JSON.stringify(local)})`
        : `v !== undefined && (v !== ${d} || R.hasOwn.call(m, ${JSON.stringify(local)}))`;
    lines.push(`if (${set}) {`, ...indent(write, 2), "}");
  }
  if (field.presence === LEGACY_REQUIRED) {
    lines.push("else throw R.ABORT;");
  }
  return lines;
}

/** proto3 implicit presence: written unless the zero value (as toBinary decides). */
function implicitSet(kind, v) {
  switch (kind) {
    case T.BOOL:
      return `${v} !== false`;
    case T.STRING:
      return `${v} !== ""`;
    case T.BYTES:
      return `!(${v} instanceof Uint8Array) || ${v}.byteLength > 0`;
    case T.DOUBLE:
    case T.FLOAT:
      return `!Object.is(${v}, 0)`;
    case "enum":
      return `${v} !== 0`;
    default:
      // Loose comparison, as toBinary's: matches 0n, 0 and "0".
      return `${v} != 0`;
  }
}
