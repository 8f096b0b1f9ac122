// The RecordIO framing state machine (Mesos docs/recordio.md: `record = record-size LF
// record-data`, `record-size = 1*DIGIT`): fed chunks in stream order, it hands out one frame at
// a time. Chunk boundaries never matter: a partial header or body is kept across chunks.
//
// Memory: a record's data is copied out of each chunk as it arrives, into a buffer that grows by
// doubling up to the announced size. A record delivered one byte at a time thus costs O(n) byte
// copies (under 3n: each byte once, plus the doublings), not O(n^2), and holds at most twice
// what has arrived (4 KiB at least, never more than the announced size, itself capped). A list
// of views into the chunks would instead keep every chunk alive: with one-byte chunks, some 100
// bytes of objects per data byte, far past the cap. No record shares memory with the chunks
// (Node pools small Buffers; a view would change under the caller).
import { DecodeError, errorIssue, type IssueCode } from "../problems/index.js";
import { describe } from "./options.js";

/** One record with where it was found. */
export interface Frame {
  /** The record's bytes (a fresh copy). */
  readonly bytes: Uint8Array;
  /** 0-based position of the record in the stream, empty records included. */
  readonly index: number;
  /** Stream byte offset of the record's length header. */
  readonly offset: number;
  /** Stream byte offset of the record's first data byte. */
  readonly dataOffset: number;
}

const LF = 0x0a;
const ZERO = 0x30;
const NINE = 0x39;
/**
 * The longest header accepted, leading zeros included: a uint64 has at most 20 decimal digits,
 * and mesos-go refuses a longer size field. Without it, a stream of zeros would never end a header.
 */
const MAX_HEADER_DIGITS = 20;
/** The smallest buffer allocated for a record that arrives in pieces. */
const MIN_GROWTH = 4096;
const EMPTY = new Uint8Array(0);

class FrameDecoder {
  readonly #maxRecordBytes: number;
  /** Stream offset of #chunk[0]. */
  #chunkOffset = 0;
  #chunk: Uint8Array = new Uint8Array(0);
  /** Next unread position in #chunk. */
  #at = 0;
  #index = 0;
  /** True while reading a length header, false while reading a record's data. */
  #inHeader = true;
  #headerOffset = 0;
  /** The header's digits so far (at most 20 characters, kept for messages). */
  #digits = "";
  #size = 0;
  #dataOffset = 0;
  /** The record's data so far, in its first #received bytes; grows up to #size. */
  #data: Uint8Array = EMPTY;
  #received = 0;

  constructor(maxRecordBytes: number) {
    this.#maxRecordBytes = maxRecordBytes;
  }

  /** Stream bytes fed so far. */
  get position(): number {
    return this.#chunkOffset + this.#chunk.length;
  }

  /** Hand over the next chunk; call `take` until it returns undefined before feeding another. */
  feed(chunk: unknown): void {
    if (!(chunk instanceof Uint8Array)) {
      throw this.#error(
        "invalid_input",
        this.position,
        `the source produced ${describe(chunk)} instead of a Uint8Array chunk (a Node stream ` +
          "with setEncoding, or an object-mode stream?); RecordIO is read as bytes",
      );
    }
    this.#chunkOffset = this.position;
    this.#chunk = chunk;
    this.#at = 0;
  }

  /** The next complete frame in the chunks fed so far, or undefined when more bytes are needed. */
  take(): Frame | undefined {
    while (this.#at < this.#chunk.length) {
      if (this.#inHeader) {
        this.#readHeader();
        // A 0-length record is complete as soon as its header is: Mesos's own decoder yields it
        // as an empty record, and so do we (the caller decides whether to skip it).
        if (!this.#inHeader && this.#size === 0) return this.#finish(new Uint8Array(0));
      } else {
        const frame = this.#readData();
        if (frame !== undefined) return frame;
      }
    }
    return undefined;
  }

  /** The stream has ended: throws `truncated` when it ended inside a header or a record. */
  end(): void {
    if (this.#inHeader && this.#digits === "") return;
    const what = this.#inHeader
      ? `inside the length header of record ${this.#index} (header at offset ` +
        `${this.#headerOffset}, "${this.#digits}" and no LF)`
      : `after ${this.#received} of the ${this.#size} bytes record ${this.#index} announced ` +
        `(header at offset ${this.#headerOffset}, data from offset ${this.#dataOffset})`;
    throw this.#error(
      "truncated",
      this.position,
      `the stream ends ${what}; it was cut in transit or closed mid-record`,
    );
  }

  #readHeader(): void {
    const chunk = this.#chunk;
    while (this.#at < chunk.length) {
      const byte = chunk[this.#at] as number;
      const offset = this.#chunkOffset + this.#at;
      this.#at++;
      if (byte === LF) {
        if (this.#digits === "") {
          throw this.#badLength(offset, "is empty (an LF where digits belong)");
        }
        this.#inHeader = false;
        this.#size = Number(this.#digits);
        this.#dataOffset = offset + 1;
        return;
      }
      if (byte < ZERO || byte > NINE) {
        throw this.#badLength(
          offset,
          `holds ${byteName(byte)}; a header is 1 to ${MAX_HEADER_DIGITS} decimal digits 0-9 ` +
            "and an LF (no sign, space or CR)",
        );
      }
      if (this.#digits === "") this.#headerOffset = offset;
      if (this.#digits.length === MAX_HEADER_DIGITS) {
        throw this.#badLength(
          offset,
          `has more than ${MAX_HEADER_DIGITS} digits (a uint64 has at most 20)`,
        );
      }
      this.#digits += String.fromCharCode(byte);
      // Checked on every digit, so a header announcing 2^60 bytes is refused after a few of its
      // digits, before its LF and long before any of its data is buffered. Leading zeros keep
      // the value small and are bounded by MAX_HEADER_DIGITS. Number() is exact up to 2^53 and
      // rounds monotonically beyond, so the comparison with a safe-integer cap holds.
      if (Number(this.#digits) > this.#maxRecordBytes) {
        throw this.#error(
          "recordio_record_too_large",
          this.#headerOffset,
          `the length header of record ${this.#index} starts "${this.#digits}": more than ` +
            `maxRecordBytes (${this.#maxRecordBytes}) bytes; raise maxRecordBytes if such ` +
            "records are expected",
        );
      }
    }
  }

  #readData(): Frame | undefined {
    const chunk = this.#chunk;
    const take = Math.min(this.#size - this.#received, chunk.length - this.#at);
    const needed = this.#received + take;
    if (needed > this.#data.length) {
      // Exactly the announced size when the rest is here (a record within one chunk is
      // allocated once); otherwise double, so that many small chunks cost few reallocations.
      const capacity = Math.min(this.#size, Math.max(needed, 2 * this.#data.length, MIN_GROWTH));
      const grown = new Uint8Array(capacity);
      grown.set(this.#data.subarray(0, this.#received));
      this.#data = grown;
    }
    this.#data.set(chunk.subarray(this.#at, this.#at + take), this.#received);
    this.#received = needed;
    this.#at += take;
    // Growth stops at #size, so a complete record fills #data exactly.
    return this.#received < this.#size ? undefined : this.#finish(this.#data);
  }

  #finish(bytes: Uint8Array): Frame {
    const frame: Frame = {
      bytes,
      index: this.#index,
      offset: this.#headerOffset,
      dataOffset: this.#dataOffset,
    };
    this.#index++;
    this.#inHeader = true;
    this.#digits = "";
    this.#size = 0;
    this.#data = EMPTY;
    this.#received = 0;
    return frame;
  }

  /** `why` continues "the length header of record N ...". */
  #badLength(offset: number, why: string): DecodeError {
    return this.#error(
      "recordio_invalid_length",
      offset,
      `the length header of record ${this.#index} ${why}; the framing is lost from here`,
    );
  }

  /** The error of the current record (its index is the issue's path) at stream `offset`. */
  #error(code: IssueCode, offset: number, message: string): DecodeError {
    return new DecodeError("cannot read the RecordIO stream", [
      errorIssue(code, [this.#index], message, offset),
    ]);
  }
}

function byteName(byte: number): string {
  const hex = `0x${byte.toString(16).padStart(2, "0")}`;
  if (byte > 0x20 && byte < 0x7f) return `${JSON.stringify(String.fromCharCode(byte))} (${hex})`;
  if (byte === 0x20) return `a space (${hex})`;
  if (byte === 0x0d) return `a CR (${hex})`;
  return `the byte ${hex}`;
}

/**
 * The frames under readRecordIO and readEvents, one at a time: a framing error surfaces right
 * after the records before it, and a refused header stops reading at once (the for-await's
 * return closes the source).
 */
export async function* readFrames(
  chunks: AsyncIterable<unknown> | Iterable<unknown>,
  maxRecordBytes: number,
): AsyncGenerator<Frame, void, undefined> {
  const decoder = new FrameDecoder(maxRecordBytes);
  for await (const chunk of chunks) {
    decoder.feed(chunk);
    for (let frame = decoder.take(); frame !== undefined; frame = decoder.take()) yield frame;
  }
  decoder.end();
}
