// The runtime of generated codecs (gen/**/*_codec.ts import only this file). Not public API:
// users reach generated codecs through src/codec/generated/index.ts.
export {
  type CodecEntry,
  codecOf,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  type GeneratedCodec,
  type GeneratedDecodeOptions,
  prototypeOf,
} from "./codec.js";
export { bigKey, boolKey, hasOwn, intKey, setOwn, writeUnknown } from "./fields.js";
export { encodeProblems, int64Ok } from "./problems.js";
export {
  bool,
  bytes,
  double,
  failDepth,
  failEndGroup,
  failEnum,
  failMismatch,
  failTag,
  fixed32,
  fixed64,
  float,
  int64,
  length,
  MapKeyAt,
  missing,
  need,
  packedEnd,
  Reader,
  readTag,
  sfixed32,
  sfixed64,
  sint32,
  sint64,
  skip,
  string,
  type UnknownRecord,
  uint64,
  unknown,
  varint,
} from "./reader.js";
export { isWellFormed } from "./utf8.js";
export { ABORT, Writer } from "./writer.js";
