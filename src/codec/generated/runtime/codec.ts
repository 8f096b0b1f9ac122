// The drivers around generated per-message functions: option checks, the shared reader and
// writer, the deferred required-field verdict, and the typed errors. A generated file hands
// one `CodecEntry` per message type to `codecOf`, which returns the public `{ decode, encode }`.
import { create, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import {
  DecodeError,
  EncodeError,
  formatPath,
  type Issue,
  type IssuePath,
} from "../../../problems/index.js";
import { encodeProblems } from "./problems.js";
import { decodeError, Reader, STACK_SAFE_DEPTH } from "./reader.js";
import { ABORT, Writer } from "./writer.js";

/** 4 MiB and 100 levels: the defaults of the reflective decode. */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 100;

export interface GeneratedDecodeOptions {
  /** Longest accepted input in bytes; default 4 MiB. */
  readonly maxBytes?: number;
  /** Deepest accepted nesting of messages and groups, root = 1; default 100. */
  readonly maxDepth?: number;
}

/** What a generated file provides per message type. */
export interface CodecEntry {
  readonly schema: DescMessage;
  /** A fresh message, built as protobuf-es's create() builds it. */
  readonly make: () => object;
  /** Reads a message body into `m` up to `end`. */
  readonly read: (r: Reader, m: object, end: number, depth: number, final: boolean) => void;
  /** Writes `m` (no length prefix); throws ABORT when it cannot be written faithfully. */
  readonly write: (w: Writer, m: unknown) => void;
}

/** The strict codec of one message type. */
export interface GeneratedCodec<Desc extends DescMessage = DescMessage> {
  /**
   * Strict decode (what the reflective `decode` does by default): throws a DecodeError with the
   * same code, path and offset the reflective decode reports.
   */
  decode(bytes: Uint8Array, options?: GeneratedDecodeOptions): MessageShape<Desc>;
  /** toBinary's bytes, or an EncodeError listing every problem. */
  encode(message: MessageShape<Desc>): Uint8Array;
}

/** The prototype protobuf-es gives messages of `schema` (proto2 defaults live on it). */
export function prototypeOf(schema: DescMessage): object | null {
  return Object.getPrototypeOf(create(schema)) as object | null;
}

const reader = new Reader();
const writer = new Writer();

export function codecOf<Desc extends DescMessage>(entry: CodecEntry): GeneratedCodec<Desc> {
  const { schema, make, read, write } = entry;
  return {
    decode(bytes, options) {
      return runDecode(schema, make, read, bytes, options) as MessageShape<Desc>;
    },
    encode(message) {
      return runEncode(schema, write, message);
    },
  };
}

function runDecode(
  schema: DescMessage,
  make: CodecEntry["make"],
  read: CodecEntry["read"],
  bytes: Uint8Array,
  options: GeneratedDecodeOptions | undefined,
): object {
  const what = `cannot decode ${schema.typeName}`;
  if (!(bytes instanceof Uint8Array)) {
    throw new DecodeError(what, [
      { code: "invalid_input", severity: "error", path: [], message: "expected a Uint8Array" },
    ]);
  }
  const maxBytes = limit(options?.maxBytes, DEFAULT_MAX_BYTES, "maxBytes", what);
  const maxDepth = limit(options?.maxDepth, DEFAULT_MAX_DEPTH, "maxDepth", what);
  if (bytes.length > maxBytes) {
    throw new DecodeError(what, [
      {
        code: "input_too_large",
        severity: "error",
        path: [],
        message:
          `the input has ${bytes.length} bytes, more than maxBytes (${maxBytes}); raise ` +
          "maxBytes if such messages are expected",
        offset: maxBytes,
      },
    ]);
  }
  const r = reader.buf.length === 0 && reader.path.length === 0 ? reader : new Reader();
  r.typeName = schema.typeName;
  if (maxDepth < 1) {
    throw decodeError(r, {
      code: "max_depth_exceeded",
      severity: "error",
      path: [],
      message: `maxDepth is ${maxDepth}`,
      offset: 0,
    });
  }
  r.buf = bytes;
  r.pos = 0;
  r.maxDepth = maxDepth;
  r.depthLimit = Math.min(maxDepth, STACK_SAFE_DEPTH);
  r.deferred = undefined;
  try {
    const m = make();
    read(r, m, bytes.length, 1, true);
    const deferred = r.deferred;
    if (deferred !== undefined) judgeMerged(r, schema, m, deferred);
    return m;
  } catch (e) {
    // STACK_SAFE_DEPTH keeps known messages well inside Node's default stack; this is the net
    // for a caller already deep in its own stack: the overflow becomes the typed error too.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw decodeError(r, {
        code: "max_depth_exceeded",
        severity: "error",
        path: [],
        message:
          `messages nest ${r.path.filter((s) => typeof s === "string").length} levels deep at ` +
          `byte ${r.pos}, more than the JavaScript stack can follow`,
        offset: r.pos,
      });
    }
    throw e;
  } finally {
    r.buf = EMPTY; // do not keep the caller's buffer alive
    if (r.path.length > 0) r.path.length = 0; // only after an error: setting length is slow
    r.deferred = undefined;
  }
}

const EMPTY = new Uint8Array(0);

/**
 * A nested message lacked a required field, but singular message fields merge when they occur
 * again: judge the merged message. The offset is kept only when the first missing field of the
 * merged message is the one seen missing in the bytes.
 */
function judgeMerged(r: Reader, schema: DescMessage, m: object, seen: Issue): void {
  const first = encodeProblems(schema, m).find((p) => p.code === "required_field_missing");
  if (first === undefined) return;
  const same = formatPath(first.path) === formatPath(seen.path);
  throw decodeError(
    r,
    same
      ? seen
      : {
          code: "required_field_missing",
          severity: "error",
          path: first.path,
          message: `${first.message}; set it in the sender, or decode with { strict: false }`,
        },
  );
}

function limit(value: number | undefined, fallback: number, name: string, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new DecodeError(what, [
      {
        code: "invalid_option",
        severity: "error",
        path: [],
        message: `${name} must be a non-negative integer, got ${String(value)}`,
      },
    ]);
  }
  return value;
}

function runEncode(schema: DescMessage, write: CodecEntry["write"], message: unknown): Uint8Array {
  // A getter on a hand-built message could call encode again: give such a call its own writer.
  const w = writer.busy ? new Writer() : writer;
  w.busy = true;
  w.pos = 0;
  try {
    write(w, message);
    return w.finish();
  } catch (e) {
    w.pos = 0;
    if (e instanceof RangeError) {
      // Only a message built in code can get here: one nested past the JS stack, or a cycle.
      throw new EncodeError(
        `cannot encode ${schema.typeName}`,
        [
          {
            code: "invalid_value",
            severity: "error",
            path: [],
            message: "the message nests too deeply to be written (or contains itself)",
          },
        ],
        { cause: e },
      );
    }
    if (e !== ABORT) throw e;
    const issues = encodeProblems(schema, message);
    const [first, ...rest] = issues;
    if (first !== undefined) {
      throw new EncodeError(`cannot encode ${schema.typeName}`, [first, ...rest]);
    }
    const path: IssuePath = [];
    throw new EncodeError(
      `cannot encode ${schema.typeName}`,
      [
        {
          code: "invalid_value",
          severity: "error",
          path,
          message:
            e === ABORT
              ? "the message holds a value that cannot be written (e.g. malformed unknown fields)"
              : `the message cannot be encoded: ${(e as Error).message}`,
        },
      ],
      e === ABORT ? undefined : { cause: e },
    );
  } finally {
    w.busy = false;
  }
}
