// The descriptor of the other schema's counterpart of a message type, by full name.
import { createRegistry, type DescMessage } from "@bufbuild/protobuf";
import * as seed from "../schema/index.js";
import * as v1 from "../v1/index.js";

const SEED = createRegistry(seed.file_mesos_mesos);
const V1 = createRegistry(v1.file_mesos_v1_mesos, v1.file_mesos_v1_scheduler_scheduler);

/** The mesos.v1 counterpart of a seed message type, if Mesos 1.11 has one. */
export function v1Counterpart(seedDesc: DescMessage): DescMessage | undefined {
  if (SEED.getMessage(seedDesc.typeName) !== seedDesc) return undefined;
  const name =
    seedDesc.typeName === "mesos.SlaveID"
      ? "mesos.v1.AgentID"
      : seedDesc.typeName.replace(/^mesos\./, "mesos.v1.");
  return V1.getMessage(name);
}

/** The seed counterpart of a mesos.v1 message type, if the seed has one. */
export function seedCounterpart(v1Desc: DescMessage): DescMessage | undefined {
  if (V1.getMessage(v1Desc.typeName) !== v1Desc) return undefined;
  const name =
    v1Desc.typeName === "mesos.v1.AgentID"
      ? "mesos.SlaveID"
      : v1Desc.typeName.replace(/^mesos\.v1\./, "mesos.");
  return SEED.getMessage(name);
}
