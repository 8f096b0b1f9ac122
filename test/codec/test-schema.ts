// A test-only proto2 schema with what mesos.proto lacks but the codec must handle generically:
// repeated closed enums (unpacked and packed), a closed enum with negative and large numbers, a
// map with closed-enum values, a group, a recursive message, every scalar type, a field number
// above the dense lookup range, and a message with more required fields than the scanner's mask;
// and, for the private copies of decode and the enum check of encode, bytes in maps, lists and a
// oneof, messages in maps and lists, a closed enum in a oneof, a message type without fields and
// a google.protobuf.BytesValue field (stored bare by protobuf-es); declared defaults (one on a
// deprecated field) and v1 names (agent_id) for Mesos JSON.
// Built from a FileDescriptorProto in code, so no build step is needed.
import { create, createFileRegistry, type DescMessage, type Message } from "@bufbuild/protobuf";
import type { GenMessage } from "@bufbuild/protobuf/codegenv2";
import {
  FileDescriptorProtoSchema,
  file_google_protobuf_wrappers,
  FieldDescriptorProto_Label as Label,
  FieldDescriptorProto_Type as Type,
} from "@bufbuild/protobuf/wkt";

const OPTIONAL = Label.OPTIONAL;
const REQUIRED = Label.REQUIRED;
const REPEATED = Label.REPEATED;

function field(
  name: string,
  number: number,
  label: Label,
  type: Type,
  typeName?: string,
  packed?: boolean,
) {
  return {
    name,
    number,
    label,
    type,
    ...(typeName === undefined ? {} : { typeName }),
    ...(packed === undefined ? {} : { options: { packed } }),
  };
}

const file = create(FileDescriptorProtoSchema, {
  name: "codec_test.proto",
  package: "codectest",
  syntax: "proto2",
  dependency: ["google/protobuf/wrappers.proto"],
  enumType: [
    {
      name: "Color",
      value: [
        { name: "RED", number: 1 },
        { name: "GREEN", number: 2 },
        { name: "BIG", number: 1000 },
        { name: "NEG", number: -5 },
      ],
    },
  ],
  messageType: [
    {
      name: "Node",
      field: [
        field("id", 1, REQUIRED, Type.INT32),
        field("child", 2, OPTIONAL, Type.MESSAGE, ".codectest.Node"),
        field("colors", 3, REPEATED, Type.ENUM, ".codectest.Color", false),
        field("packed_colors", 4, REPEATED, Type.ENUM, ".codectest.Color", true),
        field("color", 5, OPTIONAL, Type.ENUM, ".codectest.Color"),
        field("by_name", 6, REPEATED, Type.MESSAGE, ".codectest.Node.ByNameEntry"),
        field("grp", 7, OPTIONAL, Type.GROUP, ".codectest.Node.Grp"),
        field("f32", 8, OPTIONAL, Type.FIXED32),
        field("f64", 9, OPTIONAL, Type.FIXED64),
        field("d", 10, OPTIONAL, Type.DOUBLE),
        field("fl", 11, OPTIONAL, Type.FLOAT),
        field("s64", 12, OPTIONAL, Type.SINT64),
        field("u64", 13, OPTIONAL, Type.UINT64),
        field("ints", 14, REPEATED, Type.INT32, undefined, true),
        field("text", 15, OPTIONAL, Type.STRING),
        field("blob", 16, OPTIONAL, Type.BYTES),
        field("children", 17, REPEATED, Type.MESSAGE, ".codectest.Node"),
        field("doubles", 18, REPEATED, Type.DOUBLE, undefined, true),
        field("far", 5000, OPTIONAL, Type.INT32),
      ],
      nestedType: [
        {
          name: "ByNameEntry",
          options: { mapEntry: true },
          field: [
            field("key", 1, OPTIONAL, Type.STRING),
            field("value", 2, OPTIONAL, Type.ENUM, ".codectest.Color"),
          ],
        },
        { name: "Grp", field: [field("x", 1, REQUIRED, Type.INT32)] },
      ],
    },
    {
      name: "Holder",
      field: [
        field("blobs", 1, REPEATED, Type.MESSAGE, ".codectest.Holder.BlobsEntry"),
        field("chunks", 2, REPEATED, Type.BYTES),
        { ...field("raw", 3, OPTIONAL, Type.BYTES), oneofIndex: 0 },
        { ...field("node", 4, OPTIONAL, Type.MESSAGE, ".codectest.Node"), oneofIndex: 0 },
        { ...field("tint", 5, OPTIONAL, Type.ENUM, ".codectest.Color"), oneofIndex: 0 },
        field("nodes", 6, REPEATED, Type.MESSAGE, ".codectest.Holder.NodesEntry"),
        field("empty", 7, OPTIONAL, Type.MESSAGE, ".codectest.Empty"),
        field("list", 8, REPEATED, Type.MESSAGE, ".codectest.Node"),
      ],
      oneofDecl: [{ name: "choice" }],
      nestedType: [
        {
          name: "BlobsEntry",
          options: { mapEntry: true },
          field: [field("key", 1, OPTIONAL, Type.STRING), field("value", 2, OPTIONAL, Type.BYTES)],
        },
        {
          name: "NodesEntry",
          options: { mapEntry: true },
          field: [
            field("key", 1, OPTIONAL, Type.STRING),
            field("value", 2, OPTIONAL, Type.MESSAGE, ".codectest.Node"),
          ],
        },
      ],
    },
    { name: "Empty" },
    {
      name: "Defaults",
      field: [
        { ...field("n", 1, OPTIONAL, Type.INT32), defaultValue: "7" },
        {
          ...field("old", 2, OPTIONAL, Type.INT32),
          defaultValue: "3",
          options: { deprecated: true },
        },
        { ...field("d", 3, OPTIONAL, Type.DOUBLE), defaultValue: "inf" },
        { ...field("c", 4, OPTIONAL, Type.ENUM, ".codectest.Color"), defaultValue: "GREEN" },
        field("s", 5, OPTIONAL, Type.STRING),
        { ...field("big", 6, OPTIONAL, Type.INT64), defaultValue: "9007199254740993" },
      ],
    },
    {
      name: "AgentTask",
      field: [
        field("name", 1, OPTIONAL, Type.STRING),
        field("agent_id", 2, OPTIONAL, Type.MESSAGE, ".codectest.Node"),
        field("agent_ids", 3, REPEATED, Type.STRING),
      ],
    },
    {
      name: "Wrapped",
      field: [field("value", 1, OPTIONAL, Type.MESSAGE, ".google.protobuf.BytesValue")],
    },
    {
      name: "Wide",
      field: Array.from({ length: 33 }, (_, i) => field(`r${i + 1}`, i + 1, REQUIRED, Type.INT32)),
    },
  ],
});

const registry = createFileRegistry(file, (name) =>
  name === "google/protobuf/wrappers.proto" ? file_google_protobuf_wrappers : undefined,
);

function message(name: string): DescMessage {
  const desc = registry.getMessage(name);
  if (desc === undefined) throw new Error(`test schema lacks ${name}`);
  return desc;
}

/** The runtime shape of codectest.Node (what protoc-gen-es would generate). */
export type Node = Message<"codectest.Node"> & {
  id: number;
  child?: Node;
  colors: number[];
  packedColors: number[];
  color: number;
  byName: { [key: string]: number };
  grp?: Message<"codectest.Node.Grp"> & { x: number };
  f32: number;
  f64: bigint;
  d: number;
  fl: number;
  s64: bigint;
  u64: bigint;
  ints: number[];
  text: string;
  blob: Uint8Array;
  children: Node[];
  doubles: number[];
  far: number;
};

/** codectest.Node: recursive, with repeated/packed/map closed enums, a group and all scalars. */
export const NodeSchema = message("codectest.Node") as GenMessage<Node>;
/** The runtime shape of codectest.Holder. */
export type Holder = Message<"codectest.Holder"> & {
  blobs: { [key: string]: Uint8Array };
  chunks: Uint8Array[];
  choice:
    | { case: "raw"; value: Uint8Array }
    | { case: "node"; value: Node }
    | { case: "tint"; value: number }
    | { case: undefined; value?: undefined };
  nodes: { [key: string]: Node };
  empty?: Message<"codectest.Empty">;
  list: Node[];
};

/** codectest.Holder: bytes and messages in every container, a oneof, an empty message type. */
export const HolderSchema = message("codectest.Holder") as GenMessage<Holder>;
/** codectest.Wrapped: one google.protobuf.BytesValue field, stored as a bare Uint8Array. */
export const WrappedSchema = message("codectest.Wrapped") as GenMessage<
  Message<"codectest.Wrapped"> & { value?: Uint8Array }
>;
/** codectest.Defaults: fields with `[default = …]`, one of them deprecated. */
export const DefaultsSchema = message("codectest.Defaults") as GenMessage<
  Message<"codectest.Defaults"> & {
    n: number;
    old: number;
    d: number;
    c: number;
    s: string;
    big: bigint;
  }
>;
/** codectest.AgentTask: v1 field names (agent_id, agent_ids) for reading v0 names. */
export const AgentTaskSchema = message("codectest.AgentTask") as GenMessage<
  Message<"codectest.AgentTask"> & { name: string; agentId?: Node; agentIds: string[] }
>;
/** codectest.Wide: 33 required int32 fields r1..r33. */
export const WideSchema = message("codectest.Wide") as GenMessage<
  Message<"codectest.Wide"> & Record<`r${number}`, number>
>;
