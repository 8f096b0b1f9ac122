// The domain rules: small functions keyed to the concept they check, the seed schema's binding
// table, the registry of binding tables and the Collector they report through. Validation calls
// the bound rules; launch reuses a few helpers; src/mesos-v1 binds them to the v1 types.
export { Collector } from "./collector.js";
export {
  CLEAN_VARIABLES_MAX,
  checkCommand,
  checkUriValue,
  cleanShellCommand,
  IMAGE_ENTRYPOINT,
} from "./command.js";
export { SeenKeys } from "./duplicates.js";
export { knownEnum, optionalEnum, setString } from "./enum-value.js";
export { checkDuplicateNames, checkVariable, cleanVariableText } from "./environment.js";
export { checkId, checkIdValue, knownCleanId } from "./ids.js";
export {
  cachedImageReference,
  checkImagePayload,
  checkImageText,
  cleanImageText,
} from "./image.js";
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
export {
  checkCommandOrExecutor,
  checkContainerWithExecutor,
  checkDockerInfoSet,
  checkTaskResources,
} from "./launch-consistency.js";
export { LEGACY_DOCKER_PREFIX, legacyDockerImage } from "./legacy-container.js";
export { MESOS_RULES } from "./mesos.js";
export { cleanPath, controlCharIndex, PATH_PARENT, scanPath } from "./path-text.js";
export {
  checkScalarValue,
  checkSetItems,
  cleanPayload,
  rangesOf,
  scalarTotal,
} from "./resources.js";
export { type Binding, type BindingTable, bind, type Check, GROUP } from "./rule.js";
export { bindingOf, registerBindingTable } from "./tables.js";
export { checkWellFormed } from "./text.js";
export { valueBindings } from "./value-rules.js";
export {
  checkDuplicateMounts,
  checkVolume,
  knownCleanVolume,
  knownFreeMount,
  SANDBOX_MOUNT_POINT,
  type VolumeFields,
  type VolumeView,
  volumeMode,
} from "./volume.js";
