// The two schemas the CLI reads, each loaded only when an input needs it: the seed (package
// `mesos`, the 2014 DockerInfo design) and Mesos 1.11 (packages `mesos.v1` and
// `mesos.v1.scheduler`). The v1 descriptors are three times the seed's and building them is a
// large part of start-up, so a run over seed files never loads them, nor the v1 rules, launch
// resolver and codecs of src/mesos-v1 (dynamic import()).
import type { DescFile, DescMessage } from "@bufbuild/protobuf";
import { nestedTypes } from "@bufbuild/protobuf/reflect";

import type { SchemaName } from "../problems/index.js";

/** What --schema names: the seed design or the Mesos 1.11 v1 API. */
export type { SchemaName };

export interface SchemaSet {
  readonly name: SchemaName;
  /** The protobuf package users see in the status line: "mesos" or "mesos.v1". */
  readonly label: string;
  /** Every message type, in .proto declaration order (parents before their nested messages). */
  readonly messages: readonly DescMessage[];
}

function setOf(name: SchemaName, label: string, files: readonly DescFile[]): SchemaSet {
  const types = files.flatMap((file) => [...nestedTypes(file)]);
  return { name, label, messages: types.filter((type) => type.kind === "message") };
}

const loading = new Map<SchemaName, Promise<SchemaSet>>();

async function load(name: SchemaName): Promise<SchemaSet> {
  if (name === "seed") {
    const seed = await import("../schema/index.js");
    return setOf("seed", "mesos", [seed.file_mesos_mesos]);
  }
  // The v1 support binds the Mesos 1.11 rules, launch resolver and codecs into the library's verbs
  // (they would validate a v1 message structurally only without it): loaded with the schema.
  const [v1] = await Promise.all([import("../v1/index.js"), import("../mesos-v1/index.js")]);
  return setOf("v1", "mesos.v1", [v1.file_mesos_v1_mesos, v1.file_mesos_v1_scheduler_scheduler]);
}

/** The schema set `name`, imported on first use and then shared. */
export function loadSchemaSet(name: SchemaName): Promise<SchemaSet> {
  const set = loading.get(name) ?? load(name);
  loading.set(name, set);
  return set;
}
