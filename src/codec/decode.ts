// Strict binary decode: one cheap pre-pass over the bytes (strict-scan.ts), then a single
// protobuf-es fromBinary that builds the message. Nothing is decoded twice.
import { type DescMessage, fromBinary, type MessageShape } from "@bufbuild/protobuf";
import { assertValid } from "../validation/index.js";
import { missingRequired } from "./encode-check.js";
import { DecodeError, type DecodeErrorCode, formatPath } from "./errors.js";
import {
  CHECK_ALL,
  CHECK_STRUCTURE,
  scanBinary,
  scannedUnknownFields,
  takeDeferredRequired,
} from "./strict-scan.js";
import { unalias } from "./unalias.js";
import { moveUnknownEnumValues } from "./unknown-enums.js";
import { wirePlan } from "./wire-plan.js";

/** 4 MiB: Mesos messages are small; a larger input is far more likely an attack or a mistake. */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
/** Nesting levels of messages and groups, root included (protobuf-es's default as well). */
export const DEFAULT_MAX_DEPTH = 100;

export interface DecodeOptions {
  /**
   * true (default): reject everything protobuf-es would let through or misread — a wire type
   * that does not match a known field, truncated data, invalid tags and varints, invalid UTF-8
   * in string fields, unknown closed-enum values (singular, repeated and packed), missing
   * required fields (judged after merging repeated occurrences of a message field, as protobuf
   * merges concatenated encodings). false: protobuf-es behaviour (no required-field check,
   * lenient strings, wire-type mismatches misread), except that unknown values of repeated
   * closed enums go to the unknown fields as the protobuf spec says instead of staying in the
   * array. `maxBytes` and `maxDepth` hold in both modes, and every failure is a DecodeError.
   */
  readonly strict?: boolean;
  /** Longest accepted input in bytes; default 4 MiB. Checked before anything is read. */
  readonly maxBytes?: number;
  /** Deepest accepted nesting of messages and groups, root = 1; default 100. */
  readonly maxDepth?: number;
  /**
   * Also run every validation rule (`assertValid`) on the decoded message and throw its
   * `ValidationError` when a rule with severity "error" fails.
   */
  readonly validate?: boolean;
}

/**
 * Decode protobuf binary into a message of `schema`, or throw a `DecodeError` (with `code`,
 * field `path` and byte `offset`). See `DecodeOptions` for what strict mode checks.
 *
 * The decoded message never shares memory with `bytes`: protobuf-es returns `bytes` fields and
 * unknown fields as views into the input, so reusing or mutating a network buffer afterwards
 * (Node's pooled Buffers, stream chunks) would silently change the message. In strict mode,
 * where the scan has counted them, those values (and only those) are copied after parsing, as
 * plain Uint8Arrays (see unalias.ts); with `strict: false` the input is copied before parsing.
 */
export function decode<Desc extends DescMessage>(
  schema: Desc,
  bytes: Uint8Array,
  options?: DecodeOptions,
): MessageShape<Desc> {
  const message = decodeBinary(schema, bytes, options);
  if (options?.validate === true) assertValid(schema, message);
  return message;
}

function decodeBinary<Desc extends DescMessage>(
  schema: Desc,
  bytes: Uint8Array,
  options: DecodeOptions | undefined,
): MessageShape<Desc> {
  if (!(bytes instanceof Uint8Array)) {
    throw new DecodeError("invalid_input", `expected a Uint8Array, got ${describe(bytes)}`);
  }
  const maxBytes = limit(options?.maxBytes, DEFAULT_MAX_BYTES, "maxBytes");
  const maxDepth = limit(options?.maxDepth, DEFAULT_MAX_DEPTH, "maxDepth");
  if (bytes.length > maxBytes) {
    throw new DecodeError(
      "input_too_large",
      `the input has ${bytes.length} bytes, more than maxBytes (${maxBytes}); raise maxBytes if ` +
        "such messages are expected",
      [],
      maxBytes,
    );
  }
  if (options?.strict === false) {
    // Without the scan nobody knows whether or where the message will hold views into the
    // input, and one copy of the input measured cheaper than a walk over the whole message.
    const message = parse(schema, new Uint8Array(bytes), maxDepth, false);
    moveUnknownEnumValues(schema, message);
    return message;
  }
  const aliasing = scanBinary(wirePlan(schema), bytes, maxDepth, CHECK_ALL);
  const unknownFields = scannedUnknownFields();
  const deferred = takeDeferredRequired();
  const message = parse(schema, bytes, maxDepth, true);
  if (aliasing > 0) unalias(schema, message, bytes.buffer, aliasing, unknownFields > 0);
  if (deferred !== undefined) checkMergedRequired(schema, message, deferred);
  return message;
}

/**
 * A nested message lacked a required field, but the message field occurred more than once and
 * protobuf merges the occurrences (concatenated encodings are a merge): decide on the result.
 */
function checkMergedRequired(schema: DescMessage, message: unknown, seen: DecodeError): void {
  const first = missingRequired(schema, message)[0];
  if (first === undefined) return;
  const same = formatPath(first.path) === formatPath(seen.path);
  throw new DecodeError(
    "required_field_missing",
    same ? seen.detail : `${first.message}; set it in the sender, or decode with { strict: false }`,
    first.path,
    same ? seen.offset : undefined,
  );
}

/** fromBinary's options for the default depth, made once (fromBinary copies them per call). */
const DEFAULT_READ_OPTIONS = Object.freeze({ recursionLimit: DEFAULT_MAX_DEPTH });

/**
 * protobuf-es's fromBinary, every failure a DecodeError. `scanned`: the strict scan passed, so
 * a failure cannot be located by scanning again (it is one the scan does not look for).
 */
function parse<Desc extends DescMessage>(
  schema: Desc,
  bytes: Uint8Array,
  maxDepth: number,
  scanned: boolean,
): MessageShape<Desc> {
  try {
    const options =
      maxDepth === DEFAULT_MAX_DEPTH ? DEFAULT_READ_OPTIONS : { recursionLimit: maxDepth };
    return fromBinary(schema, bytes, options);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const located = scanned ? undefined : locate(schema, bytes, maxDepth);
    if (located !== undefined) {
      throw new DecodeError(
        located.code,
        `${located.detail} (protobuf-es: ${reason})`,
        located.path,
        located.offset,
        { cause: e },
      );
    }
    throw new DecodeError(
      codeOf(reason),
      `protobuf-es could not parse the input: ${reason}`,
      [],
      undefined,
      { cause: e },
    );
  }
}

/** Find where non-strict parsing failed: the structural checks of the strict scan. */
function locate(schema: DescMessage, bytes: Uint8Array, maxDepth: number): DecodeError | undefined {
  try {
    scanBinary(wirePlan(schema), bytes, maxDepth, CHECK_STRUCTURE);
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
  // The structure is sound, so protobuf-es misread a field sent with another wire type.
  return undefined;
}

function codeOf(reason: string): DecodeErrorCode {
  if (/premature EOF|outside the bounds/.test(reason)) return "truncated";
  if (/illegal tag/.test(reason)) return "invalid_tag";
  if (/invalid varint/.test(reason)) return "invalid_varint";
  if (/recursion depth/.test(reason)) return "max_depth_exceeded";
  if (/end group/.test(reason)) return "invalid_end_group";
  if (/utf-8/i.test(reason)) return "invalid_utf8";
  return "invalid_wire_format";
}

function limit(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return (value as object).constructor?.name ?? "object";
  return typeof value;
}
