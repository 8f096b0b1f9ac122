// Public API of src/recordio: RecordIO framing (Mesos docs/recordio.md) and typed event streams
// on top of it; re-exported from the package root.
export { DEFAULT_MAX_RECORD_BYTES, type ReadRecordIOOptions } from "./options.js";
export { type ReadEventsOptions, readEvents } from "./read-events.js";
export { readRecordIO } from "./read-recordio.js";
export type {
  ReadableStreamLike,
  ReadableStreamReaderLike,
  RecordIOSource,
} from "./source.js";
export { writeRecordIO, writeRecordIOText } from "./write-recordio.js";
