// Mesos 1.11 support: everything only the v1 schema (packages mesos.v1 and mesos.v1.scheduler)
// needs at run time, bound into the lower folders' registries when this folder is imported:
//   - its rule table (the shared concept rules of ../rules bound to the v1 types, plus the rules
//     only Mesos 1.11 has) into validation's binding tables,
//   - its launch resolver into resolveLaunch.
// Its generated codecs register from ./codecs, kept apart (see there). The v1 descriptors are three
// times the seed's, so a program that only handles seed messages (the CLI checking a seed file)
// never imports this folder; the CLI imports it (await import()) when an input is Mesos 1.11.
import { registerLaunchResolver } from "../launch/index.js";
import { registerBindingTable } from "../rules/index.js";
import type { TaskInfo } from "../v1/index.js";
import { resolveV1Launch } from "./resolve-launch.js";
import { MESOS_V1_RULES } from "./rules.js";

registerBindingTable(MESOS_V1_RULES);
registerLaunchResolver("mesos.v1.TaskInfo", (task, check) =>
  resolveV1Launch(task as TaskInfo, check),
);

export { MESOS_V1_RULES };
