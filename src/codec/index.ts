// Public API of src/codec; re-exported from the package root.
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, type DecodeOptions, decode } from "./decode.js";
export { encode } from "./encode.js";
export {
  DecodeError,
  type DecodeErrorCode,
  EncodeError,
  type EncodeErrorCode,
  type EncodeProblem,
  type FieldPath,
} from "./errors.js";
export { type FromMesosJsonOptions, fromMesosJson } from "./from-mesos-json.js";
export { type SafeDecodeError, type SafeDecodeResult, safeDecode } from "./safe-decode.js";
export { safeFromMesosJson } from "./safe-from-mesos-json.js";
export { type ToMesosJsonOptions, toMesosJson } from "./to-mesos-json.js";
