// The one finding shape of the whole library: validation, decode, Mesos JSON, encode and launch
// all report `Issue`s (zod / valibot style: a closed union of snake_case codes, the path as an
// array, every issue at once).
import type { IssueCode, Severity } from "./codes.js";

/**
 * Where in a message: proto field names (snake_case, as in Mesos JSON and Mesos's own error
 * text), repeated-field indexes and map keys, from the root the caller handed in.
 * e.g. ["container", "docker", "volume", 0, "host_dir"]
 */
export type IssuePath = (string | number)[];

/** One finding about a message, its bytes or its JSON text. */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly path: IssuePath;
  /** What is wrong, the offending value (quoted, cut when long) and how to fix it. */
  readonly message: string;
  /**
   * Where in the input, when the issue comes from bytes or text: a byte offset for binary, a
   * character (UTF-16 code unit) offset for JSON text. Absent for issues about a message.
   */
  readonly offset?: number;
}

/** An issue of severity "error" at a copy of `path`; `offset` only where the input has one. */
export function errorIssue(
  code: IssueCode,
  path: IssuePath,
  message: string,
  offset?: number,
): Issue {
  return offset === undefined
    ? { code, severity: "error", path: [...path], message }
    : { code, severity: "error", path: [...path], message, offset };
}
