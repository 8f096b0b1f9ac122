// Conversion between the seed schema (package mesos, the 2014 DockerInfo design) and the schema a
// Mesos 1.11 master reads (package mesos.v1): schema-first, returning the problems Result.
export { fromMesosV1 } from "./from-mesos-v1.js";
export { toMesosV1 } from "./to-mesos-v1.js";
export type {
  ConvertibleSeedSchema,
  ConvertibleV1Schema,
  SeedMessage,
  SeedOf,
  V1Message,
  V1Of,
} from "./types.js";
