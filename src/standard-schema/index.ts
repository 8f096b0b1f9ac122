// Standard Schema v1 validators for Mesos JSON: decode (../codec) then validate
// (../validation). This folder sits above both.
export {
  ContainerInfoStandardSchema,
  ExecutorInfoStandardSchema,
  type MesosStandardProps,
  type MesosStandardResult,
  type MesosStandardSchema,
  OfferStandardSchema,
  type StandardSchemaOptions,
  type StandardSchemaV1,
  type StandardSchemaV1FailureResult,
  type StandardSchemaV1Issue,
  type StandardSchemaV1Options,
  type StandardSchemaV1PathSegment,
  type StandardSchemaV1Props,
  type StandardSchemaV1Result,
  type StandardSchemaV1SuccessResult,
  type StandardSchemaV1Types,
  standardSchema,
  TaskInfoStandardSchema,
} from "./standard-schema.js";
