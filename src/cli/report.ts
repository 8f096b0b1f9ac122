// The per-file result of `check`, shared by the reporters (text, json, github).
import { countIssues, type Issue } from "../problems/index.js";
import { EXIT_FAILURE, EXIT_INVALID, EXIT_OK, type ExitCode } from "./exit-codes.js";
import type { LaunchSummary } from "./library.js";
import type { InputFormat } from "./read-input.js";

/**
 * An issue of one input file. For JSON input, `line` and `column` (1-based) point at the value
 * at the issue's path (or the nearest enclosing value that is written, for a missing field), or
 * at the issue's character offset.
 */
export type FileIssue = Issue & { readonly line?: number; readonly column?: number };

/**
 * valid: decoded, no errors (and no warnings under --strict); invalid: decoded, with errors (or
 * warnings under --strict); error: could not be read or decoded (its issues say why).
 */
export type FileStatus = "valid" | "invalid" | "error";

export interface FileReport {
  /** As given on the command line; "-" for stdin. */
  readonly file: string;
  /** Message type, e.g. "TaskInfo". */
  readonly type: string;
  /** The protobuf package the file was read with, "mesos" (seed) or "mesos.v1"; null if unread. */
  readonly schema: string | null;
  /** Why that schema: the field that decided, --schema, or the default. */
  readonly schemaReason: string | null;
  readonly format: InputFormat;
  readonly status: FileStatus;
  readonly launch: LaunchSummary | null;
  readonly issues: readonly FileIssue[];
  readonly argv: readonly string[] | null;
}

export interface Summary {
  readonly files: number;
  readonly valid: number;
  readonly invalid: number;
  /** Files that could not be read or decoded. */
  readonly failed: number;
  readonly errors: number;
  readonly warnings: number;
  readonly strict: boolean;
  readonly exitCode: ExitCode;
}

/** Totals over all files; the exit code is the worst outcome: failure (2) > invalid (1) > ok (0). */
export function summarize(reports: readonly FileReport[], strict: boolean): Summary {
  const count = (status: FileStatus) => reports.filter((r) => r.status === status).length;
  const [valid, invalid, failed] = [count("valid"), count("invalid"), count("error")];
  const { errors, warnings } = countIssues(reports.flatMap((report) => report.issues));
  const exitCode = failed > 0 ? EXIT_FAILURE : invalid > 0 ? EXIT_INVALID : EXIT_OK;
  return { files: reports.length, valid, invalid, failed, errors, warnings, strict, exitCode };
}
