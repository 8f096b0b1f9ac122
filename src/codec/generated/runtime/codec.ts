// The drivers around generated per-message functions: the shared reader and writer, and the
// two ways out of the fast path. A generated file hands one `CodecEntry` per message type to
// `codecOf`, which returns `{ read, write }`; src/codec/decode.ts and encode.ts put the policy
// around them (option checks, the required-field verdict, validation, the reflective fallback
// and the wording of errors), so that both paths share it.
import { create, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import { DecodeError } from "../../../problems/index.js";
import { fail, Reader, STACK_SAFE_DEPTH, TOO_DEEP } from "./reader.js";
import { Writer } from "./writer.js";

/** What a generated file provides per message type. */
export interface CodecEntry {
  readonly schema: DescMessage;
  /** A fresh message, built as protobuf-es's create() builds it. */
  readonly make: () => object;
  /**
   * Reads a message body into `m` up to `end`; `start` is the offset of the tag that opened it
   * (the root: 0), noted when the message ends without a required field.
   */
  readonly read: (r: Reader, m: object, end: number, depth: number, start: number) => void;
  /** Writes `m` (no length prefix); throws ABORT when it cannot be written faithfully. */
  readonly write: (w: Writer, m: unknown) => void;
}

/** The limits a generated read enforces (checked by the caller: non-negative integers). */
export interface ReadLimits {
  readonly maxDepth: number;
  readonly maxUnknownFields: number;
}

/** A decoded message, and the messages in it that ended without a required field. */
export interface ReadResult<T> {
  readonly message: T;
  /**
   * Messages that lacked a required field when they ended, with the offset of their (last) tag;
   * undefined when none did, so the required-field verdict has nothing to look at.
   */
  readonly starts: WeakMap<object, number | undefined> | undefined;
}

/** The strict codec of one message type. */
export interface GeneratedCodec<Desc extends DescMessage = DescMessage> {
  readonly schema: Desc;
  /**
   * The strict read of the reflective reader (same value, or a DecodeError with the same code,
   * path and offset), without the required-field verdict. Undefined when known messages nest
   * deeper than generated code follows safely (STACK_SAFE_DEPTH, or the caller's stack runs
   * out first): read such input with the iterative reflective reader.
   */
  read(bytes: Uint8Array, limits: ReadLimits): ReadResult<MessageShape<Desc>> | undefined;
  /**
   * toBinary's bytes, or undefined when the message cannot be written faithfully (a missing
   * required field, a value of the wrong type or range, an unpaired surrogate, ...): the
   * reflective encode then says why.
   */
  write(message: MessageShape<Desc>): Uint8Array | undefined;
}

/** The prototype protobuf-es gives messages of `schema` (proto2 defaults live on it). */
export function prototypeOf(schema: DescMessage): object | null {
  return Object.getPrototypeOf(create(schema)) as object | null;
}

const reader = new Reader();
const writer = new Writer();
const EMPTY = new Uint8Array(0);

export function codecOf<Desc extends DescMessage>(entry: CodecEntry): GeneratedCodec<Desc> {
  const { make, read, write } = entry;
  const schema = entry.schema as Desc;
  return {
    schema,
    read(bytes, limits) {
      return runRead(schema, make, read, bytes, limits) as
        | ReadResult<MessageShape<Desc>>
        | undefined;
    },
    write(message) {
      return runWrite(write, message);
    },
  };
}

function runRead(
  schema: DescMessage,
  make: CodecEntry["make"],
  read: CodecEntry["read"],
  bytes: Uint8Array,
  limits: ReadLimits,
): ReadResult<object> | undefined {
  // A decode started from a getter or a callback during another one gets its own reader.
  const r = reader.buf.length === 0 && reader.path.length === 0 ? reader : new Reader();
  r.typeName = schema.typeName;
  r.buf = bytes;
  r.maxDepth = limits.maxDepth;
  r.depthLimit = Math.min(limits.maxDepth, STACK_SAFE_DEPTH);
  r.maxUnknownFields = limits.maxUnknownFields;
  try {
    try {
      return pass(r, make, read, bytes, limits, false);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      // The fast pass kept no path; the same input read again fails at the same place, now
      // with the path of the error.
      return pass(r, make, read, bytes, limits, true);
    }
  } catch (e) {
    if (e === TOO_DEEP) return undefined;
    // STACK_SAFE_DEPTH keeps known messages well inside Node's default stack; a caller already
    // deep in its own stack may still run out first: the iterative reader takes over.
    if (e instanceof RangeError && /call stack/i.test(e.message)) return undefined;
    throw e;
  } finally {
    r.buf = EMPTY; // do not keep the caller's buffer alive
    if (r.path.length > 0) r.path.length = 0; // only after an error: setting length is slow
    r.starts = undefined;
    r.track = false;
  }
}

// One read of the whole input from the start.
function pass(
  r: Reader,
  make: CodecEntry["make"],
  read: CodecEntry["read"],
  bytes: Uint8Array,
  limits: ReadLimits,
  track: boolean,
): ReadResult<object> {
  r.pos = 0;
  r.unknownCount = 0;
  r.starts = undefined;
  r.track = track;
  if (r.path.length > 0) r.path.length = 0;
  if (limits.maxDepth < 1) {
    fail(
      r,
      "max_depth_exceeded",
      0,
      `maxDepth is ${limits.maxDepth}: not even the root fits`,
      undefined,
      -1,
    );
  }
  const m = make();
  read(r, m, bytes.length, 1, 0);
  return { message: m, starts: r.starts };
}

function runWrite(write: CodecEntry["write"], message: unknown): Uint8Array | undefined {
  // A getter on a hand-built message could call encode again: give such a call its own writer.
  const w = writer.busy ? new Writer() : writer;
  w.busy = true;
  w.pos = 0;
  try {
    write(w, message);
    return w.finish();
  } catch {
    // ABORT (something toBinary would not write faithfully), a RangeError (nesting past the JS
    // stack, or a cycle) or a throwing getter: the reflective encode judges the message.
    w.pos = 0;
    return undefined;
  } finally {
    w.busy = false;
  }
}
