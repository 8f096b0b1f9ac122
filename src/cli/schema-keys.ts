// JSON keys (proto field names and their lowerCamel JSON names) that only one schema has, for
// telling a seed input from a Mesos 1.11 one without loading either schema. The key lists of each
// .proto file are generated (gen/**/*_keys.ts, by plugin/codec-generator.mjs): plain strings, no
// descriptor is built; the differences are taken here, once, when detection first runs.
import { keys as seedKeys } from "../../gen/mesos/mesos_keys.js";
import { keys as v1Keys } from "../../gen/mesos/v1/mesos_keys.js";
import { keys as schedulerKeys } from "../../gen/mesos/v1/scheduler/scheduler_keys.js";

const SEED: ReadonlySet<string> = new Set(seedKeys);
const V1: ReadonlySet<string> = new Set([...v1Keys, ...schedulerKeys]);

/** Keys of the seed schema (package mesos) that no mesos.v1 message has. */
export const SEED_ONLY_KEYS: ReadonlySet<string> = new Set(seedKeys.filter((key) => !V1.has(key)));

/** Keys of the Mesos 1.11 schema (mesos.v1, mesos.v1.scheduler) that no seed message has. */
export const V1_ONLY_KEYS: ReadonlySet<string> = new Set([...V1].filter((key) => !SEED.has(key)));
