// Public API of src/validation; re-exported from the package root.
export { assertValid } from "./assert-valid.js";
export { formatIssues, formatPath } from "./format.js";
export {
  IMAGE_REFERENCE_ERROR_CODES,
  IMAGE_REFERENCE_MAX_LENGTH,
  type ImageReference,
  type ImageReferenceError,
  type ImageReferenceErrorCode,
  type ImageReferenceOptions,
  type ImageReferenceResult,
  isImageReference,
  parseImageReference,
} from "./image-reference.js";
export type { Issue, IssuePath } from "./issue.js";
export { LEGACY_DOCKER_PREFIX, legacyDockerImage } from "./legacy-container.js";
export { ISSUE_CODES, type IssueCode, RULES, type RuleInfo, type Severity } from "./rules.js";
export { rulesTable } from "./rules-table.js";
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
export { type ValidateOptions, type ValidationResult, validate } from "./validate.js";
export { ValidationError } from "./validation-error.js";
export { SANDBOX_MOUNT_POINT } from "./volume.js";
