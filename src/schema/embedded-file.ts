// fileDesc without descriptor.proto: the CLI bundle's way to hydrate the generated schemas.
//
// protoc-gen-es embeds each .proto file in its generated code as a serialized
// google.protobuf.FileDescriptorProto, and protobuf-es's `fileDesc` (@bufbuild/protobuf/codegenv2)
// reads it back with `fromBinary(FileDescriptorProtoSchema, ...)`. That schema is descriptor.proto's
// own, which protobuf-es first has to build ("boot") from a compact form: measured in a bundle
// holding nothing else, loading it costs more than half a bare `node -e ''` (issue 16 item 5 is a
// start-up budget of 2x a bare start, and that boot alone is ~0.6x of it).
//
// The embedded descriptors of our schemas use a small part of descriptor.proto (names, numbers,
// labels, types, type names, defaults, JSON names, oneofs, nested types, enums, map entries and
// `deprecated`), so this module reads exactly that part (with Node's Buffer) into
// objects shaped as `fromBinary` shapes them (same `$typeName`, the same own repeated fields, proto2
// defaults on a shared prototype so that presence reads the same), and hands them to protobuf-es's
// public `createFileRegistry`, which builds the same descriptors `fileDesc` builds.
// test/schema/embedded-file.test.ts holds it to protobuf-es's `fileDesc` for every generated file.
// A field outside that part is an Error naming it, never a silently different descriptor.
//
// Only the CLI bundle uses it (scripts/bundle-cli.mjs points the generated files' import of
// "@bufbuild/protobuf/codegenv2" at ./codegenv2.ts); the library keeps protobuf-es's own.
// Field numbers: google/protobuf/descriptor.proto (https://github.com/protocolbuffers/protobuf).
import { createFileRegistry, type DescFile } from "@bufbuild/protobuf";
import { protoCamelCase } from "@bufbuild/protobuf/reflect";
import type { DescriptorProto, FileDescriptorProto } from "@bufbuild/protobuf/wkt";

/** How a field is read: a scalar (by wire), or a nested message of the given shape. */
type FieldType = "string" | "varint" | "bool" | Shape;

interface Shape {
  readonly typeName: string;
  /** Repeated fields, created empty on every message, in declaration order (as create() does). */
  readonly lists: readonly string[];
  /** The proto2 defaults of the singular scalar and enum fields, read through the prototype. */
  readonly prototype: object;
  /** The fields this reader knows, by number: [local name, type, repeated]. */
  readonly fields: Record<number, readonly [string, FieldType, boolean?]>;
}

function shape(
  name: string,
  lists: readonly string[],
  defaults: object,
  fields: Shape["fields"],
): Shape {
  return { typeName: `google.protobuf.${name}`, lists, prototype: { ...defaults }, fields };
}

const FIELD_OPTIONS = shape(
  "FieldOptions",
  ["targets", "editionDefaults", "uninterpretedOption"],
  {
    ctype: 0,
    packed: false,
    jstype: 0,
    lazy: false,
    unverifiedLazy: false,
    deprecated: false,
    weak: false,
    debugRedact: false,
    retention: 0,
  },
  { 2: ["packed", "bool"], 3: ["deprecated", "bool"], 6: ["jstype", "varint"] },
);

const MESSAGE_OPTIONS = shape(
  "MessageOptions",
  ["uninterpretedOption"],
  {
    messageSetWireFormat: false,
    noStandardDescriptorAccessor: false,
    deprecated: false,
    mapEntry: false,
    deprecatedLegacyJsonFieldConflicts: false,
  },
  { 3: ["deprecated", "bool"], 7: ["mapEntry", "bool"] },
);

const FIELD = shape(
  "FieldDescriptorProto",
  [],
  {
    name: "",
    number: 0,
    label: 1,
    type: 1,
    typeName: "",
    extendee: "",
    defaultValue: "",
    oneofIndex: 0,
    jsonName: "",
    proto3Optional: false,
  },
  {
    1: ["name", "string"],
    2: ["extendee", "string"],
    3: ["number", "varint"],
    4: ["label", "varint"],
    5: ["type", "varint"],
    6: ["typeName", "string"],
    7: ["defaultValue", "string"],
    8: ["options", FIELD_OPTIONS],
    9: ["oneofIndex", "varint"],
    10: ["jsonName", "string"],
    17: ["proto3Optional", "bool"],
  },
);

const ONEOF = shape("OneofDescriptorProto", [], { name: "" }, { 1: ["name", "string"] });

const ENUM_VALUE = shape(
  "EnumValueDescriptorProto",
  [],
  { name: "", number: 0 },
  { 1: ["name", "string"], 2: ["number", "varint"] },
);

const ENUM = shape(
  "EnumDescriptorProto",
  ["value", "reservedRange", "reservedName"],
  { name: "", visibility: 0 },
  { 1: ["name", "string"], 2: ["value", ENUM_VALUE, true], 5: ["reservedName", "string", true] },
);

const MESSAGE_FIELDS: Record<number, readonly [string, FieldType, boolean?]> = {
  1: ["name", "string"],
  2: ["field", FIELD, true],
  4: ["enumType", ENUM, true],
  7: ["options", MESSAGE_OPTIONS],
  8: ["oneofDecl", ONEOF, true],
  10: ["reservedName", "string", true],
};
const MESSAGE = shape(
  "DescriptorProto",
  [
    "field",
    "extension",
    "nestedType",
    "enumType",
    "extensionRange",
    "oneofDecl",
    "reservedRange",
    "reservedName",
  ],
  { name: "", visibility: 0 },
  MESSAGE_FIELDS,
);
// A message nests messages of its own shape.
MESSAGE_FIELDS[3] = ["nestedType", MESSAGE, true];

const FILE = shape(
  "FileDescriptorProto",
  [
    "dependency",
    "publicDependency",
    "weakDependency",
    "optionDependency",
    "messageType",
    "enumType",
    "service",
    "extension",
  ],
  { name: "", package: "", syntax: "", edition: 0 },
  {
    1: ["name", "string"],
    2: ["package", "string"],
    3: ["dependency", "string", true],
    4: ["messageType", MESSAGE, true],
    5: ["enumType", ENUM, true],
    12: ["syntax", "string"],
    14: ["edition", "varint"],
  },
);

type Fields = Record<string, unknown>;

/**
 * A cursor over the descriptor's bytes. Node's Buffer does the base64 and UTF-8 decoding
 * natively (this module runs only in the CLI, on Node): protobuf-es's portable decoders, cold at
 * start-up, took about as long as building the descriptors of the Mesos 1.11 file.
 */
class Cursor {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  /** A varint's low 32 bits as a signed int32, as protobuf-es reads int32 and enum fields. */
  varint(): number {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (this.pos >= this.buf.length) throw new Error("embedded descriptor: truncated varint");
      const byte = this.buf[this.pos++] as number;
      if (shift < 32) value |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value;
      if (shift >= 63) throw new Error("embedded descriptor: varint longer than 10 bytes");
    }
  }

  /** The end of a length-delimited field that starts here. */
  end(): number {
    const length = this.varint() >>> 0;
    const end = this.pos + length;
    if (end > this.buf.length) throw new Error("embedded descriptor: truncated field");
    return end;
  }
}

/** Reads one message of `s` from `c` up to `end`. Throws on a field this module does not know. */
function read(s: Shape, c: Cursor, end: number): Fields {
  const m = Object.create(s.prototype) as Fields;
  m.$typeName = s.typeName;
  for (const list of s.lists) m[list] = [];
  while (c.pos < end) {
    const tag = c.varint() >>> 0;
    const no = tag >>> 3;
    const wire = tag & 7;
    const field = s.fields[no];
    const type = field?.[1];
    const delimited = type === "string" || typeof type === "object";
    if (field === undefined || wire !== (delimited ? 2 : 0)) {
      throw new Error(
        `embedded descriptor: ${s.typeName} field ${no} (wire type ${wire}) is not read by src/schema/embedded-file.ts`,
      );
    }
    let value: unknown;
    if (type === "string") {
      const to = c.end();
      value = c.buf.toString("utf8", c.pos, to);
      c.pos = to;
    } else if (typeof type === "object") {
      value = read(type, c, c.end());
    } else {
      const n = c.varint();
      value = type === "bool" ? n !== 0 : n;
    }
    if (field[2] === true) (m[field[0]] as unknown[]).push(value);
    else m[field[0]] = value;
  }
  if (c.pos !== end) throw new Error("embedded descriptor: a field runs past its message");
  return m;
}

/** As protobuf-es's restoreJsonNames: protoc-gen-es drops JSON names that are the default. */
function restoreJsonNames(message: DescriptorProto): void {
  for (const f of message.field) {
    if (!Object.hasOwn(f, "jsonName")) f.jsonName = protoCamelCase(f.name);
  }
  message.nestedType.forEach(restoreJsonNames);
}

/** The FileDescriptorProto in protoc-gen-es's base64, with its JSON names restored. */
function readEmbedded(b64: string): FileDescriptorProto {
  const bytes = Buffer.from(b64, "base64");
  const root = read(FILE, new Cursor(bytes), bytes.length) as unknown as FileDescriptorProto;
  root.messageType.forEach(restoreJsonNames);
  return root;
}

/**
 * The same descriptor as JSON text, for the bundle to embed instead of the base64 (build time):
 * only the fields the message holds (its own properties), without `$typeName`, which the shape
 * gives back. JSON.parse is native; reading the bytes runs cold JavaScript field by field, which
 * for the Mesos 1.11 file cost more than building its descriptors.
 */
export function embeddedJson(b64: string): string {
  return JSON.stringify(readEmbedded(b64), (key, value) =>
    key === "$typeName" ? undefined : value,
  );
}

/** Gives a message parsed from embeddedJson's text its shape back: prototype and `$typeName`. */
function reshape(s: Shape, m: Fields): Fields {
  Object.setPrototypeOf(m, s.prototype);
  m.$typeName = s.typeName;
  for (const no in s.fields) {
    const [name, type] = s.fields[no] as readonly [string, FieldType, boolean?];
    if (typeof type !== "object" || m[name] === undefined) continue;
    const value = m[name];
    if (Array.isArray(value)) for (const item of value) reshape(type, item as Fields);
    else reshape(type, value as Fields);
  }
  return m;
}

/**
 * The file descriptor embedded by protoc-gen-es (`data`: its base64, or embeddedJson's text,
 * which starts with "{", a character base64 does not have), importing `imports`: what
 * `fileDesc` from "@bufbuild/protobuf/codegenv2" returns, without loading descriptor.proto.
 */
export function fileDesc(data: string, imports?: DescFile[]): DescFile {
  const root = (data.startsWith("{")
    ? reshape(FILE, JSON.parse(data) as Fields)
    : readEmbedded(data)) as unknown as FileDescriptorProto;
  root.dependency = imports?.map((f) => f.proto.name) ?? [];
  const registry = createFileRegistry(root, (name) => imports?.find((f) => f.proto.name === name));
  const file = registry.getFile(root.name);
  if (file === undefined) throw new Error(`embedded descriptor: no file ${root.name}`);
  return file;
}
