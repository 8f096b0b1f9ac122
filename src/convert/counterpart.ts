// The descriptor of the other schema's counterpart of a message type, by full name.
import { createRegistry, type DescMessage } from "@bufbuild/protobuf";
import * as seed from "../schema/index.js";
import * as v1 from "../v1/index.js";

const SEED = createRegistry(seed.file_mesos_mesos);
const V1 = createRegistry(v1.file_mesos_v1_mesos, v1.file_mesos_v1_scheduler_scheduler);

// The types whose full names differ beyond the package: v1 renamed SlaveID, and made the seed's
// DockerInfo.Volume the top-level Volume (same field numbers, renamed fields).
const RENAMED: readonly (readonly [seed: string, v1: string])[] = [
  ["mesos.SlaveID", "mesos.v1.AgentID"],
  ["mesos.ContainerInfo.DockerInfo.Volume", "mesos.v1.Volume"],
];

/** The mesos.v1 counterpart of a seed message type, if Mesos 1.11 has one. */
export function v1Counterpart(seedDesc: DescMessage): DescMessage | undefined {
  if (!isDescriptor(seedDesc) || SEED.getMessage(seedDesc.typeName) !== seedDesc) return undefined;
  const renamed = RENAMED.find(([s]) => s === seedDesc.typeName)?.[1];
  return V1.getMessage(renamed ?? seedDesc.typeName.replace(/^mesos\./, "mesos.v1."));
}

/** The seed counterpart of a mesos.v1 message type, if the seed has one. */
export function seedCounterpart(v1Desc: DescMessage): DescMessage | undefined {
  if (!isDescriptor(v1Desc) || V1.getMessage(v1Desc.typeName) !== v1Desc) return undefined;
  const renamed = RENAMED.find(([, v]) => v === v1Desc.typeName)?.[0];
  return SEED.getMessage(renamed ?? v1Desc.typeName.replace(/^mesos\.v1\./, "mesos."));
}

/** False for anything a caller may hand in instead of a schema (undefined, null, a string). */
export function isDescriptor(value: unknown): value is DescMessage {
  return typeof value === "object" && value !== null && (value as DescMessage).kind === "message";
}
