// readRecordIO: the records of a RecordIO stream (Mesos docs/recordio.md; reference: Mesos
// 3rdparty/stout/include/stout/recordio.hpp and mesos-go api/v1/lib/recordio).
import { readFrames } from "./frame-decoder.js";
import {
  countOption,
  DEFAULT_MAX_RECORD_BYTES,
  optionsObject,
  type ReadRecordIOOptions,
} from "./options.js";
import { chunksOf, type RecordIOSource } from "./source.js";

/**
 * Read the records of a RecordIO stream (`<decimal byte count>\n<bytes>` repeated), as Mesos
 * frames v1 scheduler, executor and operator event streams.
 *
 * - Lengths count bytes; how the bytes are cut into chunks never matters.
 * - Each record is a fresh Uint8Array that shares no memory with the source's chunks.
 * - A 0-length record (`0\n`) is yielded as an empty Uint8Array, as Mesos's own decoder does
 *   (mesos-go skips it); Mesos never sends one, so seeing one is worth noticing.
 * - A header is refused as soon as its digits exceed `maxRecordBytes` (default 4 MiB), before
 *   any data is buffered.
 * - Bad framing throws a `DecodeError`, whose issue has the record index as its path and the
 *   stream byte offset of the problem: `recordio_invalid_length` (empty header, a byte other
 *   than 0-9, more than 20 digits), `recordio_record_too_large`, `truncated` (the stream ends
 *   inside a header or a record), `invalid_input` (the source or a chunk is not bytes).
 *   Errors of the source itself (a failed HTTP body) propagate unchanged.
 * - Options and the source's kind are checked when called: a bad one throws at once.
 *
 * Stopping early (`break`, `return`) closes the source: a Node stream is destroyed, a web
 * ReadableStream's reader is cancelled and released.
 */
export function readRecordIO(
  source: RecordIOSource,
  options?: ReadRecordIOOptions,
): AsyncGenerator<Uint8Array, void, undefined> {
  const maxRecordBytes = countOption(
    optionsObject(options),
    "maxRecordBytes",
    DEFAULT_MAX_RECORD_BYTES,
  );
  return records(chunksOf(source), maxRecordBytes);
}

async function* records(
  chunks: AsyncIterable<unknown> | Iterable<unknown>,
  maxRecordBytes: number,
): AsyncGenerator<Uint8Array, void, undefined> {
  for await (const frame of readFrames(chunks, maxRecordBytes)) yield frame.bytes;
}
