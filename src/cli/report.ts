// The per-file result of `check`, shared by the text and JSON formatters.
import type { Issue } from "../problems/index.js";
import { EXIT_FAILURE, EXIT_INVALID, EXIT_OK, type ExitCode } from "./exit-codes.js";
import type { LaunchSummary } from "./inspect.js";
import type { InputFormat } from "./read-input.js";

/** Why a file produced no verdict: it could not be read or decoded. */
export interface FileError {
  readonly code: string;
  readonly message: string;
  /** Field path inside the message, where the decoder knows it. */
  readonly path?: readonly (string | number)[];
  /** Byte offset into binary input, where the decoder knows it. */
  readonly offset?: number;
}

export type FileStatus = "valid" | "invalid" | "error";

export interface FileReport {
  /** As given on the command line; "-" for stdin. */
  readonly file: string;
  /** Message type, e.g. "TaskInfo". */
  readonly type: string;
  readonly format: InputFormat;
  readonly status: FileStatus;
  readonly launch: LaunchSummary | null;
  readonly issues: readonly Issue[];
  readonly argv: readonly string[] | null;
  readonly error?: FileError;
}

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
}

export function countIssues(issues: readonly Issue[]): Counts {
  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors++;
  return { errors, warnings: issues.length - errors };
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
  let valid = 0;
  let invalid = 0;
  let failed = 0;
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    if (report.status === "valid") valid++;
    else if (report.status === "invalid") invalid++;
    else failed++;
    const counts = countIssues(report.issues);
    errors += counts.errors;
    warnings += counts.warnings;
  }
  const exitCode = failed > 0 ? EXIT_FAILURE : invalid > 0 ? EXIT_INVALID : EXIT_OK;
  return { files: reports.length, valid, invalid, failed, errors, warnings, strict, exitCode };
}
