// mesos-dockerinfo: the package root. The public API, listed name by name.
//
// - schema: generated message types and schemas (TaskInfoSchema, ContainerInfoSchema, ...)
// - problems: Issue, the code catalogue, the error classes, the Result shape
// - validation: validate / assertValid / parseImageReference / rulesTable
// - standard-schema: Standard Schema v1 validators for Mesos JSON
// - launch: resolveLaunch / dockerRunArgs / migrateLegacyContainer / describeLaunch
// - codec: strict decode / encode / Mesos-style JSON
// - convert: toMesosV1 / fromMesosV1 between the seed and the Mesos 1.11 schema
// - recordio: readRecordIO / readEvents for the v1 event streams
// The fast-check arbitraries live in the "mesos-dockerinfo/testing" subpath.
//
// Mesos 1.11 support (its rule table, launch resolver and generated codecs) registers itself into
// validation, launch and codec when src/mesos-v1 and src/mesos-v1/codecs load; the root loads
// both, so every verb here handles both schemas at full speed. (The CLI loads src/mesos-v1 only
// for a Mesos 1.11 input, and never the codecs: its start-up budget.)
import "./mesos-v1/index.js";
import "./mesos-v1/codecs/index.js";

export { clone, create, equals, isMessage, type MessageValidType } from "@bufbuild/protobuf";
// The generated seed schema is data (message types, schemas, enums): re-exported whole. The
// Mesos 1.11 schema is the "mesos-dockerinfo/v1" subpath.
export * from "../gen/mesos/mesos_pb.js";
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_UNKNOWN_FIELDS,
  type DecodeOptions,
  decode,
  encode,
  type FromMesosJsonOptions,
  fromMesosJson,
  type LimitOptions,
  locateJsonPath,
  safeDecode,
  safeEncode,
  safeFromMesosJson,
  safeToMesosJson,
  type ToMesosJsonOptions,
  toMesosJson,
  toMesosJsonText,
} from "./codec/index.js";
export {
  type ConvertibleSeedSchema,
  type ConvertibleV1Schema,
  fromMesosV1,
  type SeedMessage,
  type SeedOf,
  toMesosV1,
  type V1Message,
  type V1Of,
} from "./convert/index.js";
export {
  type CommandLaunch,
  type CustomExecutorLaunch,
  type DecodeLaunchOptions,
  type DefaultExecutorLaunch,
  type DockerExecutorLaunch,
  type DockerLaunch,
  type DockerRunArgsResult,
  type DockerRunOptions,
  type DockerTaskLaunch,
  decodeLaunch,
  describeLaunch,
  dockerRunArgs,
  type Launch,
  type LaunchCommand,
  type LaunchDockerSettings,
  type LaunchEnvironmentVariable,
  type LaunchExecutor,
  type LaunchKind,
  type LaunchMesosImage,
  type LaunchPortMapping,
  type LaunchResult,
  type LaunchSchema,
  type LaunchVolume,
  type LaunchVolumeSource,
  type MesosTaskLaunch,
  type MigrateLegacyContainerResult,
  migrateLegacyContainer,
  resolveLaunch,
  type SeedLaunchKind,
  type ShellCommandOptions,
  safeDockerRunArgs,
  safeMigrateLegacyContainer,
  shellCommand,
} from "./launch/index.js";
export {
  CODES,
  type CodeInfo,
  DecodeError,
  EncodeError,
  type Failure,
  fail,
  failWith,
  formatIssues,
  formatLocation,
  formatPath,
  ISSUE_CODES,
  type Issue,
  type IssueCode,
  type IssuePath,
  type IssueSource,
  isMesosDockerInfoError,
  LaunchError,
  MesosDockerInfoError,
  type Result,
  type Severity,
  type Success,
  succeed,
  ValidationError,
} from "./problems/index.js";
export {
  DEFAULT_MAX_RECORD_BYTES,
  type ReadableStreamLike,
  type ReadableStreamReaderLike,
  type ReadEventsOptions,
  type ReadRecordIOOptions,
  type RecordIOSource,
  readEvents,
  readRecordIO,
  writeRecordIO,
  writeRecordIOText,
} from "./recordio/index.js";
export { localPath, valueAtPath } from "./schema/index.js";
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
} from "./standard-schema/index.js";
export {
  assertValid,
  IMAGE_REFERENCE_ERROR_CODES,
  IMAGE_REFERENCE_MAX_LENGTH,
  type ImageReference,
  type ImageReferenceError,
  type ImageReferenceErrorCode,
  type ImageReferenceOptions,
  type ImageReferenceResult,
  isImageReference,
  LEGACY_DOCKER_PREFIX,
  legacyDockerImage,
  parseImageReference,
  RULE_CODES,
  RULES,
  type RuleInfo,
  rulesTable,
  SANDBOX_MOUNT_POINT,
  type ValidateOptions,
  type ValidationResult,
  validate,
} from "./validation/index.js";
