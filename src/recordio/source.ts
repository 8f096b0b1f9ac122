// The byte sources readRecordIO accepts, reduced to one async iterable of chunks. A web
// ReadableStream is read through its own reader (not its async iterator, which older runtimes
// lack), and the reader is cancelled and released when the caller stops early or reading fails,
// so the stream is never left locked and the HTTP body behind it is not left half-read.
import { DecodeError, errorIssue } from "../problems/index.js";
import { describe } from "./options.js";

const WHAT = "cannot read the RecordIO stream";

/** The part of a web `ReadableStream<Uint8Array>` that is used (no DOM typings needed). */
export interface ReadableStreamLike {
  getReader(): ReadableStreamReaderLike;
}

export interface ReadableStreamReaderLike {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
  releaseLock(): void;
}

/**
 * Where RecordIO bytes come from: a web ReadableStream (fetch's `response.body`), any async
 * iterable of chunks (a Node Readable, an async generator), a plain iterable of chunks (an
 * array), or one Uint8Array holding the whole stream.
 */
export type RecordIOSource =
  | ReadableStreamLike
  | AsyncIterable<Uint8Array>
  | Iterable<Uint8Array>
  | Uint8Array;

/** The chunks of `source`, or a DecodeError at once when it is none of the accepted kinds. */
export function chunksOf(source: unknown): AsyncIterable<unknown> | Iterable<unknown> {
  if (source instanceof Uint8Array) return [source];
  if (typeof source === "object" && source !== null) {
    const s = source as Partial<Record<string | symbol, unknown>>;
    if (typeof s.getReader === "function") return readerChunks(source as ReadableStreamLike);
    if (typeof s[Symbol.asyncIterator] === "function") return source as AsyncIterable<unknown>;
    if (typeof s[Symbol.iterator] === "function") return source as Iterable<unknown>;
  }
  const why =
    "expected a ReadableStream, an async iterable or an iterable of Uint8Array chunks, " +
    `or a Uint8Array, got ${describe(source)}`;
  throw new DecodeError(WHAT, [errorIssue("invalid_input", [], why)]);
}

async function* readerChunks(stream: ReadableStreamLike): AsyncGenerator<Uint8Array> {
  let reader: ReadableStreamReaderLike;
  try {
    reader = stream.getReader();
  } catch (error) {
    const why = `the ReadableStream cannot be read (is another reader holding it?): ${String(error)}`;
    throw new DecodeError(WHAT, [errorIssue("invalid_input", [], why)], { cause: error });
  }
  let finished = false;
  try {
    for (let result = await reader.read(); !result.done; result = await reader.read()) {
      yield result.value;
    }
    finished = true;
  } finally {
    // Reached on early return (break), on a framing error and on a failed read: nobody will
    // read the rest, so tell the stream (cancel) and give it back (releaseLock). A cancel that
    // fails (an errored stream) has nothing left to clean up.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
