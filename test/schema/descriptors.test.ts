// The schema, field for field: the seed's ContainerInfo/DockerInfo/Volume/Mode and Mesos 0.20's
// numbers for the messages around it. Read from the generated descriptors, so a renumbered,
// relabelled or retyped field in proto/ fails here even if every other test is regenerated.
import type { DescField, DescMessage } from "@bufbuild/protobuf";
import { ScalarType } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { file_mesos_mesos } from "../../gen/mesos/mesos_pb.js";

const messages = new Map<string, DescMessage>();
for (const m of file_mesos_mesos.messages) addMessage(m);
function addMessage(m: DescMessage): void {
  messages.set(m.typeName, m);
  for (const n of m.nestedMessages) addMessage(n);
}

type Label = "required" | "optional" | "repeated";
// [message, field, number, label, type (scalar name, or the full message / enum name)]
const FIELDS: [string, string, number, Label, string][] = [
  // The seed, exactly.
  ["mesos.ContainerInfo", "type", 1, "required", "mesos.ContainerInfo.Type"],
  ["mesos.ContainerInfo", "docker", 100, "optional", "mesos.ContainerInfo.DockerInfo"],
  ["mesos.ContainerInfo.DockerInfo", "image", 1, "required", "string"],
  [
    "mesos.ContainerInfo.DockerInfo",
    "volume",
    2,
    "repeated",
    "mesos.ContainerInfo.DockerInfo.Volume",
  ],
  ["mesos.ContainerInfo.DockerInfo.Volume", "container_dir", 1, "required", "string"],
  ["mesos.ContainerInfo.DockerInfo.Volume", "host_dir", 2, "optional", "string"],
  [
    "mesos.ContainerInfo.DockerInfo.Volume",
    "mode",
    3,
    "required",
    "mesos.ContainerInfo.DockerInfo.Volume.Mode",
  ],
  // IDs.
  ["mesos.FrameworkID", "value", 1, "required", "string"],
  ["mesos.OfferID", "value", 1, "required", "string"],
  ["mesos.SlaveID", "value", 1, "required", "string"],
  ["mesos.TaskID", "value", 1, "required", "string"],
  ["mesos.ExecutorID", "value", 1, "required", "string"],
  // CommandInfo (0.20).
  ["mesos.CommandInfo", "uris", 1, "repeated", "mesos.CommandInfo.URI"],
  ["mesos.CommandInfo", "environment", 2, "optional", "mesos.Environment"],
  ["mesos.CommandInfo", "value", 3, "optional", "string"],
  ["mesos.CommandInfo", "container", 4, "optional", "mesos.CommandInfo.ContainerInfo"],
  ["mesos.CommandInfo", "user", 5, "optional", "string"],
  ["mesos.CommandInfo", "shell", 6, "optional", "bool"],
  ["mesos.CommandInfo", "arguments", 7, "repeated", "string"],
  ["mesos.CommandInfo.URI", "value", 1, "required", "string"],
  ["mesos.CommandInfo.URI", "executable", 2, "optional", "bool"],
  ["mesos.CommandInfo.URI", "extract", 3, "optional", "bool"],
  ["mesos.CommandInfo.ContainerInfo", "image", 1, "required", "string"],
  ["mesos.CommandInfo.ContainerInfo", "options", 2, "repeated", "string"],
  ["mesos.Environment", "variables", 1, "repeated", "mesos.Environment.Variable"],
  ["mesos.Environment.Variable", "name", 1, "required", "string"],
  ["mesos.Environment.Variable", "value", 2, "required", "string"],
  // Value.
  ["mesos.Value", "type", 1, "required", "mesos.Value.Type"],
  ["mesos.Value", "scalar", 2, "optional", "mesos.Value.Scalar"],
  ["mesos.Value", "ranges", 3, "optional", "mesos.Value.Ranges"],
  ["mesos.Value", "set", 4, "optional", "mesos.Value.Set"],
  ["mesos.Value", "text", 5, "optional", "mesos.Value.Text"],
  ["mesos.Value.Scalar", "value", 1, "required", "double"],
  ["mesos.Value.Range", "begin", 1, "required", "uint64"],
  ["mesos.Value.Range", "end", 2, "required", "uint64"],
  ["mesos.Value.Ranges", "range", 1, "repeated", "mesos.Value.Range"],
  ["mesos.Value.Set", "item", 1, "repeated", "string"],
  ["mesos.Value.Text", "value", 1, "required", "string"],
  // Attribute, Resource, Label(s).
  ["mesos.Attribute", "name", 1, "required", "string"],
  ["mesos.Attribute", "type", 2, "required", "mesos.Value.Type"],
  ["mesos.Attribute", "scalar", 3, "optional", "mesos.Value.Scalar"],
  ["mesos.Attribute", "ranges", 4, "optional", "mesos.Value.Ranges"],
  ["mesos.Attribute", "text", 5, "optional", "mesos.Value.Text"],
  ["mesos.Attribute", "set", 6, "optional", "mesos.Value.Set"],
  ["mesos.Resource", "name", 1, "required", "string"],
  ["mesos.Resource", "type", 2, "required", "mesos.Value.Type"],
  ["mesos.Resource", "scalar", 3, "optional", "mesos.Value.Scalar"],
  ["mesos.Resource", "ranges", 4, "optional", "mesos.Value.Ranges"],
  ["mesos.Resource", "set", 5, "optional", "mesos.Value.Set"],
  ["mesos.Resource", "role", 6, "optional", "string"],
  ["mesos.Label", "key", 1, "required", "string"],
  ["mesos.Label", "value", 2, "optional", "string"],
  ["mesos.Labels", "labels", 1, "repeated", "mesos.Label"],
  // ExecutorInfo (command required until Mesos 1.0).
  ["mesos.ExecutorInfo", "executor_id", 1, "required", "mesos.ExecutorID"],
  ["mesos.ExecutorInfo", "data", 4, "optional", "bytes"],
  ["mesos.ExecutorInfo", "resources", 5, "repeated", "mesos.Resource"],
  ["mesos.ExecutorInfo", "command", 7, "required", "mesos.CommandInfo"],
  ["mesos.ExecutorInfo", "framework_id", 8, "optional", "mesos.FrameworkID"],
  ["mesos.ExecutorInfo", "name", 9, "optional", "string"],
  ["mesos.ExecutorInfo", "source", 10, "optional", "string"],
  ["mesos.ExecutorInfo", "container", 11, "optional", "mesos.ContainerInfo"],
  // TaskInfo.
  ["mesos.TaskInfo", "name", 1, "required", "string"],
  ["mesos.TaskInfo", "task_id", 2, "required", "mesos.TaskID"],
  ["mesos.TaskInfo", "slave_id", 3, "required", "mesos.SlaveID"],
  ["mesos.TaskInfo", "resources", 4, "repeated", "mesos.Resource"],
  ["mesos.TaskInfo", "executor", 5, "optional", "mesos.ExecutorInfo"],
  ["mesos.TaskInfo", "data", 6, "optional", "bytes"],
  ["mesos.TaskInfo", "command", 7, "optional", "mesos.CommandInfo"],
  ["mesos.TaskInfo", "container", 9, "optional", "mesos.ContainerInfo"],
  ["mesos.TaskInfo", "labels", 10, "optional", "mesos.Labels"],
  // Offer.
  ["mesos.Offer", "id", 1, "required", "mesos.OfferID"],
  ["mesos.Offer", "framework_id", 2, "required", "mesos.FrameworkID"],
  ["mesos.Offer", "slave_id", 3, "required", "mesos.SlaveID"],
  ["mesos.Offer", "hostname", 4, "required", "string"],
  ["mesos.Offer", "resources", 5, "repeated", "mesos.Resource"],
  ["mesos.Offer", "executor_ids", 6, "repeated", "mesos.ExecutorID"],
  ["mesos.Offer", "attributes", 7, "repeated", "mesos.Attribute"],
];

function labelOf(f: DescField): Label {
  if (f.fieldKind === "list") return "repeated";
  return f.presence === 3 /* LEGACY_REQUIRED */ ? "required" : "optional";
}

function typeOf(f: DescField): string {
  switch (f.fieldKind) {
    case "scalar":
      return ScalarType[f.scalar].toLowerCase();
    case "enum":
      return f.enum.typeName;
    case "message":
      return f.message.typeName;
    case "list":
      if (f.listKind === "scalar") return ScalarType[f.scalar].toLowerCase();
      return f.listKind === "enum" ? f.enum.typeName : f.message.typeName;
    default:
      return f.fieldKind;
  }
}

describe("schema descriptors", () => {
  test.each(FIELDS)("%s.%s = %i (%s %s)", (msg, field, number, label, type) => {
    const desc = messages.get(msg);
    expect(desc, `message ${msg}`).toBeDefined();
    const f = desc?.fields.find((x) => x.name === field);
    expect(f, `field ${msg}.${field}`).toBeDefined();
    if (!f) return;
    expect(f.number).toBe(number);
    expect(labelOf(f)).toBe(label);
    expect(typeOf(f)).toBe(type);
  });

  test("every field of every message is listed above (nothing unreviewed slips in)", () => {
    const listed = new Set(FIELDS.map(([m, f]) => `${m}.${f}`));
    const actual: string[] = [];
    for (const [name, m] of messages) for (const f of m.fields) actual.push(`${name}.${f.name}`);
    expect(actual.sort()).toEqual([...listed].sort());
  });

  test("enums: the seed's Type and Mode, Mesos's Value.Type", () => {
    const enums = new Map<string, [string, number][]>();
    for (const e of file_mesos_mesos.enums)
      enums.set(
        e.typeName,
        e.values.map((v) => [v.name, v.number]),
      );
    for (const m of messages.values())
      for (const e of m.nestedEnums)
        enums.set(
          e.typeName,
          e.values.map((v) => [v.name, v.number]),
        );
    expect(Object.fromEntries(enums)).toEqual({
      "mesos.ContainerInfo.Type": [["DOCKER", 1]],
      "mesos.ContainerInfo.DockerInfo.Volume.Mode": [
        ["RW", 1],
        ["RO", 2],
      ],
      "mesos.Value.Type": [
        ["SCALAR", 0],
        ["RANGES", 1],
        ["SET", 2],
        ["TEXT", 3],
      ],
    });
  });

  test('defaults: shell = true, extract = true, role = "*"', () => {
    const def = (m: string, f: string) => {
      const field = messages.get(m)?.fields.find((x) => x.name === f);
      return field?.fieldKind === "scalar" ? field.getDefaultValue() : undefined;
    };
    expect(def("mesos.CommandInfo", "shell")).toBe(true);
    expect(def("mesos.CommandInfo.URI", "extract")).toBe(true);
    expect(def("mesos.Resource", "role")).toBe("*");
    expect(
      messages.get("mesos.CommandInfo")?.fields.find((f) => f.name === "container")?.deprecated,
    ).toBe(true);
  });
});
