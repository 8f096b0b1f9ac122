// The options decode and fromMesosJson share, their defaults, and one check of them: a limit that
// is NaN, negative or fractional is refused with `invalid_option` (a silently ignored limit is no
// limit), the same way in every entry point.
import { decodeError } from "./errors.js";

/** 4 MiB: Mesos messages are small; a larger input is far more likely an attack or a mistake. */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
/** Nesting levels of messages, groups and map entries (JSON: objects and arrays), root = 1. */
export const DEFAULT_MAX_DEPTH = 100;
/**
 * Unknown fields kept per input. Each costs an object and a copy of its bytes (~200 bytes of
 * heap), so 2 MB of one-byte unknown fields would take hundreds of MiB; real Mesos messages from
 * a newer schema carry a handful.
 */
export const DEFAULT_MAX_UNKNOWN_FIELDS = 10_000;

export interface LimitOptions {
  /** Longest accepted input (bytes; JSON text: UTF-16 code units); default 4 MiB. */
  readonly maxBytes?: number;
  /** Deepest accepted nesting, root = 1; default 100. Any depth beyond is `max_depth_exceeded`. */
  readonly maxDepth?: number;
  /**
   * true (default): every proto2 required field must be set, at any depth. false skips only this
   * check (everything else stays strict), so that validation can list missing required fields
   * together with every other issue.
   */
  readonly required?: boolean;
  /** @deprecated `strict: false` is `required: false` (the only check it still skips). */
  readonly strict?: boolean;
}

export interface Limits {
  readonly maxBytes: number;
  readonly maxDepth: number;
  readonly maxUnknownFields: number;
  readonly required: boolean;
}

/** The limits of `options`, or a DecodeError `invalid_option` naming the bad one. */
export function limitsOf(
  typeName: string,
  options: (LimitOptions & { readonly maxUnknownFields?: number }) | undefined,
): Limits {
  return {
    maxBytes: limit(typeName, "maxBytes", options?.maxBytes, DEFAULT_MAX_BYTES),
    maxDepth: limit(typeName, "maxDepth", options?.maxDepth, DEFAULT_MAX_DEPTH),
    maxUnknownFields: limit(
      typeName,
      "maxUnknownFields",
      options?.maxUnknownFields,
      DEFAULT_MAX_UNKNOWN_FIELDS,
    ),
    required: checksRequired(options),
  };
}

/**
 * Whether a decode with `options` checks required fields (`strict: false` is the deprecated
 * spelling of `required: false`). Internal: decodeLaunch trusts a message only when it did.
 */
export function checksRequired(options: LimitOptions | undefined): boolean {
  return options?.required !== false && options?.strict !== false;
}

function limit(typeName: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  throw decodeError(
    typeName,
    "invalid_option",
    [],
    `${name} must be a non-negative integer, got ${typeof value === "number" ? String(value) : typeof value}`,
  );
}

/** `input_too_large` when `length` is over maxBytes (checked before anything is read). */
export function checkSize(typeName: string, length: number, limits: Limits, unit: string): void {
  if (length <= limits.maxBytes) return;
  throw decodeError(
    typeName,
    "input_too_large",
    [],
    `the input has ${length} ${unit}, more than maxBytes (${limits.maxBytes}); raise maxBytes if such messages are expected`,
    limits.maxBytes,
  );
}
