// src/schema/embedded-file.ts stands in for protobuf-es's `fileDesc` in the CLI bundle. It must
// build the same descriptors from every embedded file this repository generates: the same
// FileDescriptorProto (every field, set or not, read through the prototype as protobuf-es reads
// it) and then the same DescFile. A field it does not read is an Error, never a different schema.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  create,
  type DescField,
  type DescFile,
  type DescMessage,
  fromBinary,
  toBinary,
} from "@bufbuild/protobuf";
import { base64Decode, base64Encode } from "@bufbuild/protobuf/wire";
import {
  DescriptorProtoSchema,
  type FileDescriptorProto,
  FileDescriptorProtoSchema,
  ServiceDescriptorProtoSchema,
} from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import { file_mesos_mesos } from "../../gen/mesos/mesos_pb.js";
import { file_mesos_v1_mesos } from "../../gen/mesos/v1/mesos_pb.js";
import { file_mesos_v1_scheduler_scheduler } from "../../gen/mesos/v1/scheduler/scheduler_pb.js";
import { embeddedJson, fileDesc } from "../../src/schema/embedded-file.js";

const ROOT = join(import.meta.dirname, "..", "..");

/** The base64 descriptor a generated file embeds (protoc-gen-es's `fileDesc("...")`). */
function embedded(path: string): string {
  const match = /fileDesc\("([A-Za-z0-9+/=]+)"/.exec(readFileSync(join(ROOT, path), "utf8"));
  if (match?.[1] === undefined) throw new Error(`${path}: no embedded descriptor`);
  return match[1];
}

const FILES = [
  { path: "gen/mesos/mesos_pb.ts", real: file_mesos_mesos, imports: [] },
  { path: "gen/mesos/v1/mesos_pb.ts", real: file_mesos_v1_mesos, imports: [] },
  {
    path: "gen/mesos/v1/scheduler/scheduler_pb.ts",
    real: file_mesos_v1_scheduler_scheduler,
    imports: [file_mesos_v1_mesos],
  },
] as const;

/**
 * Every difference between two FileDescriptorProto trees: own fields (presence), values read
 * through the prototype (proto2 defaults), `$typeName`, repeated fields, recursively.
 */
function differences(ours: unknown, real: unknown, path: string, out: string[]): string[] {
  if (typeof real !== "object" || real === null) {
    if (!Object.is(ours, real)) out.push(`${path}: ${String(ours)} != ${String(real)}`);
    return out;
  }
  if (typeof ours !== "object" || ours === null) {
    out.push(`${path}: not an object`);
    return out;
  }
  const a = ours as Record<string, unknown>;
  const b = real as Record<string, unknown>;
  const keys = new Set<string>();
  for (const k in a) keys.add(k); // own and inherited (proto2 defaults live on the prototype)
  for (const k in b) keys.add(k);
  for (const k of keys) {
    if (Object.hasOwn(a, k) !== Object.hasOwn(b, k)) out.push(`${path}.${k}: presence differs`);
    differences(a[k], b[k], `${path}.${k}`, out);
  }
  return out;
}

/** What protobuf-es derives from a field, the parts any of our code or protobuf-es reads. */
function fieldFacts(f: DescField): unknown {
  return {
    name: f.name,
    number: f.number,
    localName: f.localName,
    jsonName: f.jsonName,
    fieldKind: f.fieldKind,
    scalar: "scalar" in f ? f.scalar : undefined,
    listKind: f.fieldKind === "list" ? f.listKind : undefined,
    mapKey: f.fieldKind === "map" ? f.mapKey : undefined,
    message: "message" in f ? f.message?.typeName : undefined,
    enum: "enum" in f ? f.enum?.typeName : undefined,
    presence: f.presence,
    packed: f.fieldKind === "list" ? f.packed : undefined,
    oneof: f.oneof?.name,
    deprecated: f.deprecated,
    default: f.fieldKind === "scalar" || f.fieldKind === "enum" ? f.getDefaultValue() : undefined,
  };
}

function messageFacts(m: DescMessage): unknown {
  return {
    typeName: m.typeName,
    deprecated: m.deprecated,
    fields: m.fields.map(fieldFacts),
    oneofs: m.oneofs.map((o) => [o.name, o.fields.map((f) => f.name)]),
    members: m.members.map((x) => x.localName),
  };
}

function fileFacts(f: DescFile): unknown {
  return {
    name: f.name,
    edition: f.edition,
    dependencies: f.dependencies.map((d) => d.name),
    messages: f.messages.map((m) => m.typeName),
    enums: f.enums.map((e) => [e.typeName, e.values.map((v) => [v.name, v.number, v.localName])]),
    nested: [...allMessages(f.messages)].map(messageFacts),
  };
}

function* allMessages(messages: readonly DescMessage[]): Generator<DescMessage> {
  for (const m of messages) {
    yield m;
    yield* allMessages(m.nestedMessages);
  }
}

describe("embedded-file fileDesc equals protobuf-es's fileDesc", () => {
  // Each file in both forms: protoc-gen-es's base64, and the JSON text the CLI bundle embeds.
  for (const { path, real, imports } of FILES) {
    for (const form of ["base64", "JSON"] as const) {
      const data = () => (form === "base64" ? embedded(path) : embeddedJson(embedded(path)));

      it(`${path} (${form}): the same FileDescriptorProto, field by field, and the same bytes`, () => {
        const file = fileDesc(data(), [...imports]);
        expect(differences(file.proto, real.proto, "file", [])).toEqual([]);
        // The same fields set with the same values, as protobuf-es's own encoder sees them.
        expect(toBinary(FileDescriptorProtoSchema, file.proto)).toEqual(
          toBinary(FileDescriptorProtoSchema, real.proto),
        );
      });

      it(`${path} (${form}): the same descriptors (every message, field, enum and oneof)`, () => {
        const file = fileDesc(data(), [...imports]);
        expect(fileFacts(file)).toEqual(fileFacts(real));
        expect(file.messages.length).toBeGreaterThan(0);
      });
    }
  }

  it("the JSON form is JSON text starting with '{' (base64 has no '{'), without $typeName", () => {
    const json = embeddedJson(embedded("gen/mesos/mesos_pb.ts"));
    expect(json.startsWith("{")).toBe(true);
    expect(json).not.toContain("$typeName");
    expect(JSON.parse(json)).toMatchObject({ name: "mesos/mesos.proto", package: "mesos" });
  });

  it("resolves a dependency to the DescFile it is given (the scheduler's messages use Mesos 1.11's)", () => {
    const file = fileDesc(embedded("gen/mesos/v1/scheduler/scheduler_pb.ts"), [
      file_mesos_v1_mesos,
    ]);
    const linked = [...allMessages(file.messages)]
      .flatMap((m) => m.fields)
      .filter((f) => "message" in f && f.message?.file === file_mesos_v1_mesos);
    expect(linked.length).toBeGreaterThan(0);
  });
});

describe("embedded-file fileDesc refuses what it does not read", () => {
  const base = (): FileDescriptorProto =>
    fromBinary(FileDescriptorProtoSchema, base64Decode(embedded("gen/mesos/mesos_pb.ts")));

  it("a field outside its part of descriptor.proto (a service) is an Error naming it", () => {
    const proto = base();
    proto.service.push(create(ServiceDescriptorProtoSchema, { name: "S" }));
    const b64 = base64Encode(toBinary(FileDescriptorProtoSchema, proto));
    expect(() => fileDesc(b64)).toThrow(/FileDescriptorProto field 6 .*embedded-file/);
  });

  it("a nested field it does not read (an extension range) is an Error naming its message", () => {
    const proto = base();
    proto.messageType[0]?.extensionRange.push({
      $typeName: "google.protobuf.DescriptorProto.ExtensionRange",
      start: 100,
      end: 200,
    });
    const b64 = base64Encode(toBinary(FileDescriptorProtoSchema, proto));
    expect(() => fileDesc(b64)).toThrow(/DescriptorProto field 5 /);
  });

  it.each([
    ["a length past the end", [0x0a, 0x05, 0x61], /truncated field/],
    ["a varint cut short", [0x22, 0x80], /truncated varint/],
    ["a varint of 11 bytes", [0x22, ...Array(10).fill(0xff), 0x01], /longer than 10 bytes/],
    ["a nested field past its message", [0x22, 0x02, 0x0a, 0x03, 0x61, 0x62, 0x63], /runs past/],
  ])("malformed bytes (%s) are an Error, not a partial schema", (_name, bytes, message) => {
    expect(() => fileDesc(base64Encode(new Uint8Array(bytes)))).toThrow(message);
  });

  it("a field with an unexpected wire type is an Error, not a misread value", () => {
    // FieldDescriptorProto.name (1) as a varint: tag 0x08 inside a DescriptorProto.field (2).
    const proto = create(FileDescriptorProtoSchema, {
      name: "x.proto",
      messageType: [create(DescriptorProtoSchema, { name: "M" })],
    });
    const bytes = toBinary(FileDescriptorProtoSchema, proto);
    // messageType[0] is "\x22 len \x0a\x01M"; append field 2 holding "\x08\x01".
    const tampered = new Uint8Array([
      ...bytes.slice(0, -5),
      0x22,
      7,
      0x0a,
      1,
      0x4d,
      0x12,
      2,
      0x08,
      1,
    ]);
    expect(() => fileDesc(base64Encode(tampered))).toThrow(
      /FieldDescriptorProto field 1 \(wire type 0\)/,
    );
  });
});
