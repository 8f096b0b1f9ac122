// The domain rules: small functions keyed to the concept they check (image, volume, ID,
// resources, environment, command, legacy container, launch consistency), the binding table
// that attaches them to the seed schema's message types, and the Collector they report through.
// Validation walks the structure and calls the bound rules; launch reuses a few helpers.
export { Collector } from "./collector.js";
export { IMAGE_ENTRYPOINT } from "./command.js";
export { knownEnum } from "./enum-value.js";
export { cachedImageReference } from "./image.js";
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
export { LEGACY_DOCKER_PREFIX, legacyDockerImage } from "./legacy-container.js";
export { MESOS_RULES } from "./mesos.js";
export { GROUP, MESOS_V1_RULES } from "./mesos-v1.js";
export { cleanPath, controlCharIndex, isCleanPath } from "./path-text.js";
export { type Binding, type BindingTable, bind, type Check } from "./rule.js";
export { checkWellFormed } from "./text.js";
export { SANDBOX_MOUNT_POINT, type VolumeFields, type VolumeView } from "./volume.js";
