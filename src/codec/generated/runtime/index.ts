// The runtime of generated codecs (gen/**/*_codec.ts import only this file). Not public API:
// src/codec reaches generated codecs through src/codec/generated/index.ts.
export {
  type CodecEntry,
  codecOf,
  type GeneratedCodec,
  prototypeOf,
  type ReadLimits,
  type ReadResult,
} from "./codec.js";
export { bigKey, boolKey, hasOwn, intKey, setOwn, writeUnknown } from "./fields.js";
export { int64Ok } from "./int64.js";
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
  incomplete,
  int64,
  keySegment,
  length,
  need,
  packedEnd,
  Reader,
  readTag,
  recentString,
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
