// Typed errors of the codec. Every failure of decode / fromMesosJson is a DecodeError and every
// failure of encode / toMesosJson an EncodeError: callers never see protobuf-es's plain Error,
// RangeError or TypeError. Codes are snake_case (zod/valibot style), paths use proto field names
// and repeated-field indexes (e.g. ["container", "docker", "volume", 0, "mode"]).
import { formatLocation } from "../problems/index.js";

/** A location inside a message: proto field names, repeated indexes and map keys. */
export type FieldPath = (string | number)[];

/** Why bytes or JSON could not be turned into a message. */
export type DecodeErrorCode =
  /** The input is longer than `maxBytes`. */
  | "input_too_large"
  /** The input is not a Uint8Array (binary) or not a JSON object / JSON text (JSON). */
  | "invalid_input"
  /** The data ends inside a tag, a value, a length-delimited payload or a group. */
  | "truncated"
  /** A varint is longer than 10 bytes or overflows 64 bits. */
  | "invalid_varint"
  /** A tag with field number 0, a field number above 2^29 - 1, or wire type 6 or 7. */
  | "invalid_tag"
  /** An end-group tag without a matching start-group tag. */
  | "invalid_end_group"
  /** A known field arrives with a wire type that its declared type cannot have. */
  | "wire_type_mismatch"
  /** A string field holds bytes that are not valid UTF-8. */
  | "invalid_utf8"
  /** A closed enum field holds a number (binary) or a name (JSON) the schema does not define. */
  | "unknown_enum_value"
  /** A proto2 required field is not set. */
  | "required_field_missing"
  /** Messages (or groups, or JSON objects) are nested deeper than `maxDepth`. */
  | "max_depth_exceeded"
  /** JSON text that is not JSON. */
  | "invalid_json"
  /** The same JSON key, or the same field under its two spellings, appears twice in one object. */
  | "duplicate_key"
  /** A JSON key that names no field of the message. */
  | "unknown_field"
  /** A JSON value of the wrong kind for its field (e.g. a number for an enum, an array for a message). */
  | "invalid_value"
  /** A number outside the range of its field's type (e.g. 2^31 for an int32). */
  | "out_of_range"
  /** A bare JSON number past 2^53 - 1 for a 64-bit integer field: JSON.parse would round it. */
  | "unsafe_integer"
  /** A bytes field whose JSON string is not base64. */
  | "invalid_base64"
  /** A JSON string with an unpaired UTF-16 surrogate, which no UTF-8 encoding can carry. */
  | "unpaired_surrogate"
  /** protobuf-es rejected the bytes for a reason with no finer code (non-strict mode only). */
  | "invalid_wire_format";

/** Why a message could not be encoded. */
export type EncodeErrorCode =
  /** A proto2 required field is not set. */
  | "required_field_missing"
  /** A value of the wrong JavaScript type or not an integer where one is needed. */
  | "invalid_value"
  /** A number outside the range of its field's type. */
  | "out_of_range"
  /** A closed enum field holds a number the schema does not define. */
  | "unknown_enum_value"
  /** A string holds an unpaired UTF-16 surrogate, which UTF-8 cannot carry (it would become U+FFFD). */
  | "unpaired_surrogate"
  /** The message is not of the schema's type. */
  | "wrong_message_type";

// One path renderer for the whole library (validation's), with "(root)" for the empty path.
export { formatLocation as formatPath } from "../problems/index.js";

function where(path: readonly (string | number)[], offset: number | undefined): string {
  const at = `at ${formatLocation(path)}`;
  return offset === undefined ? at : `${at}, byte offset ${offset}`;
}

/**
 * Bytes or JSON that cannot be decoded. `code` says why, `path` where in the message (proto field
 * names and indexes, as far as known), `offset` where in the input (a byte offset for binary, a
 * character offset for JSON text); the message names all three and how to fix the input.
 */
export class DecodeError extends Error {
  override readonly name = "DecodeError";
  readonly code: DecodeErrorCode;
  readonly path: FieldPath;
  readonly offset: number | undefined;
  /** The explanation alone, without the code and location prefix. */
  readonly detail: string;

  constructor(
    code: DecodeErrorCode,
    detail: string,
    path: FieldPath = [],
    offset?: number,
    options?: { cause?: unknown },
  ) {
    super(`${code} ${where(path, offset)}: ${detail}`, options);
    this.code = code;
    this.path = path;
    this.offset = offset;
    this.detail = detail;
  }
}

/** One reason a message cannot be encoded. */
export interface EncodeProblem {
  readonly code: EncodeErrorCode;
  readonly path: FieldPath;
  readonly message: string;
}

/**
 * A message that cannot be encoded. `code` and `path` are those of the first problem (in field
 * order); `problems` lists all of them, e.g. every missing required field.
 */
export class EncodeError extends Error {
  override readonly name = "EncodeError";
  readonly code: EncodeErrorCode;
  readonly path: FieldPath;
  /** Always undefined: encode errors concern a message, not input bytes. */
  readonly offset?: number;
  readonly problems: readonly EncodeProblem[];

  constructor(
    problems: readonly [EncodeProblem, ...EncodeProblem[]],
    options?: { cause?: unknown },
  ) {
    const lines = problems.map((p) => `${p.code} at ${formatLocation(p.path)}: ${p.message}`);
    const head =
      problems.length === 1
        ? (lines[0] as string)
        : `${problems.length} problems:${lines.map((l) => `\n  - ${l}`).join("")}`;
    super(head, options);
    this.code = problems[0].code;
    this.path = problems[0].path;
    this.problems = problems;
  }
}
