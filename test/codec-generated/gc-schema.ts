// A test-only proto2 schema with what mesos.proto lacks but the Mesos 1.11 files (and any
// future input of the plugin) have: maps with string, integer and bool keys and scalar, enum and
// message values, a oneof, packed and unpacked repeated scalars, closed enums with negative and
// large numbers (repeated too), every scalar type, a 64-bit field with jstype JS_STRING,
// defaults, a recursive message, a field number above 4096 and a message without fields. No
// groups: the generator leaves known groups to reflection. Built from a FileDescriptorProto.
import { create, createFileRegistry, type DescMessage } from "@bufbuild/protobuf";
import {
  FieldOptions_JSType,
  FileDescriptorProtoSchema,
  FieldDescriptorProto_Label as Label,
  FieldDescriptorProto_Type as Type,
} from "@bufbuild/protobuf/wkt";

const OPTIONAL = Label.OPTIONAL;
const REQUIRED = Label.REQUIRED;
const REPEATED = Label.REPEATED;

interface FieldSpec {
  name: string;
  number: number;
  label: Label;
  type: Type;
  typeName?: string;
  options?: { packed?: boolean; jstype?: FieldOptions_JSType };
  defaultValue?: string;
  oneofIndex?: number;
}

function field(
  name: string,
  number: number,
  label: Label,
  type: Type,
  extra: Partial<FieldSpec> = {},
): FieldSpec {
  return { name, number, label, type, ...extra };
}

function entry(name: string, key: Type, value: Type, valueTypeName?: string) {
  return {
    name,
    options: { mapEntry: true },
    field: [
      field("key", 1, OPTIONAL, key),
      field(
        "value",
        2,
        OPTIONAL,
        value,
        valueTypeName === undefined ? {} : { typeName: valueTypeName },
      ),
    ],
  };
}

/** The file as a FileDescriptorProto (the plugin's input). */
export const GC_TEST_FILE = create(FileDescriptorProtoSchema, {
  name: "gctest/gc_test.proto",
  package: "gctest",
  syntax: "proto2",
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
        field("child", 2, OPTIONAL, Type.MESSAGE, { typeName: ".gctest.Node" }),
        field("colors", 3, REPEATED, Type.ENUM, { typeName: ".gctest.Color" }),
        field("packed_colors", 4, REPEATED, Type.ENUM, {
          typeName: ".gctest.Color",
          options: { packed: true },
        }),
        field("color", 5, OPTIONAL, Type.ENUM, { typeName: ".gctest.Color" }),
        field("by_name", 6, REPEATED, Type.MESSAGE, { typeName: ".gctest.Node.ByNameEntry" }),
        field("f32", 8, OPTIONAL, Type.FIXED32),
        field("f64", 9, OPTIONAL, Type.FIXED64),
        field("d", 10, OPTIONAL, Type.DOUBLE),
        field("fl", 11, OPTIONAL, Type.FLOAT),
        field("s64", 12, OPTIONAL, Type.SINT64),
        field("u64", 13, OPTIONAL, Type.UINT64),
        field("ints", 14, REPEATED, Type.INT32, { options: { packed: true } }),
        field("text", 15, OPTIONAL, Type.STRING),
        field("blob", 16, OPTIONAL, Type.BYTES),
        field("children", 17, REPEATED, Type.MESSAGE, { typeName: ".gctest.Node" }),
        field("doubles", 18, REPEATED, Type.DOUBLE, { options: { packed: true } }),
        field("s32", 19, OPTIONAL, Type.SINT32),
        field("sf32", 20, OPTIONAL, Type.SFIXED32),
        field("sf64", 21, OPTIONAL, Type.SFIXED64),
        field("i64s", 22, OPTIONAL, Type.INT64, {
          options: { jstype: FieldOptions_JSType.JS_STRING },
        }),
        field("u32", 23, OPTIONAL, Type.UINT32),
        field("flag", 24, OPTIONAL, Type.BOOL),
        field("sint64s", 25, REPEATED, Type.SINT64),
        field("by_id", 26, REPEATED, Type.MESSAGE, { typeName: ".gctest.Node.ByIdEntry" }),
        field("by_flag", 27, REPEATED, Type.MESSAGE, { typeName: ".gctest.Node.ByFlagEntry" }),
        field("named", 28, OPTIONAL, Type.STRING, { defaultValue: "dflt" }),
        field("seven", 29, OPTIONAL, Type.INT32, { defaultValue: "7" }),
        field("floats", 30, REPEATED, Type.FLOAT),
        field("far", 5000, OPTIONAL, Type.INT32),
      ],
      nestedType: [
        entry("ByNameEntry", Type.STRING, Type.ENUM, ".gctest.Color"),
        entry("ByIdEntry", Type.INT64, Type.MESSAGE, ".gctest.Node"),
        entry("ByFlagEntry", Type.BOOL, Type.STRING),
      ],
    },
    {
      name: "Holder",
      field: [
        field("blobs", 1, REPEATED, Type.MESSAGE, { typeName: ".gctest.Holder.BlobsEntry" }),
        field("chunks", 2, REPEATED, Type.BYTES),
        field("raw", 3, OPTIONAL, Type.BYTES, { oneofIndex: 0 }),
        field("node", 4, OPTIONAL, Type.MESSAGE, { typeName: ".gctest.Node", oneofIndex: 0 }),
        field("tint", 5, OPTIONAL, Type.ENUM, { typeName: ".gctest.Color", oneofIndex: 0 }),
        field("nodes", 6, REPEATED, Type.MESSAGE, { typeName: ".gctest.Holder.NodesEntry" }),
        field("empty", 7, OPTIONAL, Type.MESSAGE, { typeName: ".gctest.Empty" }),
        field("list", 8, REPEATED, Type.MESSAGE, { typeName: ".gctest.Node" }),
        field("word", 9, OPTIONAL, Type.STRING, { oneofIndex: 0 }),
        field("counts", 10, REPEATED, Type.MESSAGE, { typeName: ".gctest.Holder.CountsEntry" }),
      ],
      oneofDecl: [{ name: "choice" }],
      nestedType: [
        entry("BlobsEntry", Type.STRING, Type.BYTES),
        entry("NodesEntry", Type.STRING, Type.MESSAGE, ".gctest.Node"),
        entry("CountsEntry", Type.UINT32, Type.SINT32),
      ],
    },
    { name: "Empty" },
  ],
});

const registry = createFileRegistry(GC_TEST_FILE, () => undefined);

function message(name: string): DescMessage {
  const desc = registry.getMessage(name);
  if (desc === undefined) throw new Error(`test schema: no ${name}`);
  return desc;
}

// The names protoc-gen-es would give them: the generated codec imports these.
export const NodeSchema = message("gctest.Node");
export const HolderSchema = message("gctest.Holder");
export const EmptySchema = message("gctest.Empty");
