// Option checks shared by readRecordIO and readEvents. They run when the call is made, not on
// the first record: a limit that is NaN or negative would otherwise be no limit at all, and the
// caller should learn of it before any byte is read.
import { DecodeError, errorIssue, type Issue, quote } from "../problems/index.js";

/** 4 MiB, mesos-go's default frame cap; mesos-go#349 needed 8 MiB on a large cluster. */
export const DEFAULT_MAX_RECORD_BYTES = 4 * 1024 * 1024;

export interface ReadRecordIOOptions {
  /**
   * Longest accepted record, in bytes; default 4 MiB. Checked on the length header, digit by
   * digit, before any byte of the record is buffered.
   */
  readonly maxRecordBytes?: number;
}

/** The options object itself: undefined or an object. */
export function optionsObject(options: unknown): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw optionError([], `the options must be an object, got ${describe(options)}`);
  }
  return options as Record<string, unknown>;
}

/** A non-negative safe integer option, or its default when absent. */
export function countOption(options: Record<string, unknown>, name: string, fallback: number) {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw optionError(
      [name],
      `${name} must be a non-negative integer of at most 2^53 - 1, got ${describe(value)}`,
    );
  }
  return value;
}

/** A boolean option, or undefined when absent. */
export function flagOption(options: Record<string, unknown>, name: string): boolean | undefined {
  const value = options[name];
  if (value === undefined || typeof value === "boolean") return value;
  throw optionError([name], `${name} must be true or false, got ${describe(value)}`);
}

export function optionError(path: Issue["path"], message: string): DecodeError {
  return new DecodeError("invalid options", [errorIssue("invalid_option", path, message)]);
}

/** A short description of any value, for messages: strings quoted, numbers as written. */
export function describe(value: unknown): string {
  if (typeof value === "string") return `the string ${quote(value)}`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  if (typeof value === "object") return (value as object).constructor?.name ?? "an object";
  return typeof value;
}
