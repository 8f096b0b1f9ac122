// Validation: the structural plan of every message type plus the bound domain rules (../rules).
// Re-exported from the package root.
export { type Issue, type IssueCode, type IssuePath, ValidationError } from "../problems/index.js";
export {
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
  SANDBOX_MOUNT_POINT,
} from "../rules/index.js";
export { assertValid } from "./assert-valid.js";
export { RULE_CODES, RULES, type RuleInfo, rulesTable } from "./rules.js";
export { type ValidateOptions, type ValidationResult, validate } from "./validate.js";
// Internal (the fused decode paths in src/codec and src/launch); not re-exported from the root.
export { assertValidDecoded, validateDecoded } from "./validate-decoded.js";
