// Public API of src/codec; re-exported from the package root.
export { type DecodeOptions, decode, safeDecode } from "./decode.js";
export { encode, safeEncode } from "./encode.js";
export { DecodeError, EncodeError } from "./errors.js";
export { type FromMesosJsonOptions, fromMesosJson, safeFromMesosJson } from "./from-mesos-json.js";
// For src/mesos-v1, which registers the Mesos 1.11 codecs when it loads (not re-exported at the root).
export { type CodecEntry, registerGeneratedCodecs } from "./generated/index.js";
export {
  // Internal (decodeLaunch); not re-exported from the root.
  checksRequired,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_UNKNOWN_FIELDS,
  type LimitOptions,
} from "./options.js";
export { locateJsonPath } from "./read-json.js";
export {
  safeToMesosJson,
  type ToMesosJsonOptions,
  toMesosJson,
  toMesosJsonText,
} from "./to-mesos-json.js";
export { firstInvalidUtf8 } from "./utf8.js";
