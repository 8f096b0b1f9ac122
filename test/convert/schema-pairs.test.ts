// The walk copies by field number. That is only right where the two schemas mean the same thing by
// a number, so this pins every pair of counterpart types: each shared number has the same kind and
// (for messages and enums) counterpart types, and the names differ exactly where Mesos renamed.
import { createRegistry, type DescField, type DescMessage } from "@bufbuild/protobuf";
import { expect, test } from "vitest";
import * as seed from "../../gen/mesos/mesos_pb.js";
import * as v1 from "../../gen/mesos/v1/mesos_pb.js";

const V1 = createRegistry(v1.file_mesos_v1_mesos);

function counterpart(name: string): string {
  if (name === "mesos.SlaveID") return "mesos.v1.AgentID";
  if (name === "mesos.ContainerInfo.DockerInfo.Volume") return "mesos.v1.Volume";
  if (name === "mesos.ContainerInfo.DockerInfo.Volume.Mode") return "mesos.v1.Volume.Mode";
  return name.replace(/^mesos\./, "mesos.v1.");
}

function shape(f: DescField): string {
  const kind = f.fieldKind === "list" ? `list<${f.listKind}>` : f.fieldKind;
  const type = f.message?.typeName ?? f.enum?.typeName ?? String(f.scalar);
  return `${kind} ${type}`;
}

test("every field number the seed and v1 share means the same thing (the differences are the moves)", () => {
  const renamed: string[] = [];
  const different: string[] = [];
  const missingTypes: string[] = [];
  for (const s of seed.file_mesos_mesos.messages.flatMap(function all(
    m: DescMessage,
  ): DescMessage[] {
    return [m, ...m.nestedMessages.flatMap(all)];
  })) {
    const t = V1.getMessage(counterpart(s.typeName));
    if (t === undefined) {
      missingTypes.push(s.typeName);
      continue;
    }
    for (const f of s.fields) {
      const g = t.fields.find((x) => x.number === f.number);
      if (g === undefined) continue;
      const expected = shape(f).replace(/mesos\.[\w.]+/, (n) => counterpart(n));
      if (shape(g) !== expected) different.push(`${s.typeName}#${f.number} ${f.name}`);
      else if (f.name !== g.name) renamed.push(`${s.typeName}.${f.name} → ${g.name}`);
    }
  }
  expect(missingTypes).toEqual(["mesos.CommandInfo.ContainerInfo"]);
  // DockerInfo field 2: the seed's volume list, v1's network enum: the move that must never copy.
  expect(different).toEqual(["mesos.ContainerInfo.DockerInfo#2 volume"]);
  expect(renamed).toEqual([
    "mesos.ContainerInfo.DockerInfo.Volume.container_dir → container_path",
    "mesos.ContainerInfo.DockerInfo.Volume.host_dir → host_path",
    "mesos.TaskInfo.slave_id → agent_id",
    "mesos.Offer.slave_id → agent_id",
  ]);
});
