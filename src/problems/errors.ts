// One error base class carrying `.issues`; one subclass per verb family so callers can tell
// where a failure came from with `instanceof`, and catch them all with MesosDockerInfoError.
// `code`, `path` and `offset` are those of the first error issue, for one-line handling.

import type { IssueCode } from "./codes.js";
import { countIssues, formatIssues, plural } from "./format.js";
import type { Issue, IssuePath } from "./issue.js";

export class MesosDockerInfoError extends Error {
  override readonly name: string = "MesosDockerInfoError";
  /** Every issue (errors and warnings), in the order found; never empty. */
  readonly issues: readonly Issue[];
  /** The first error's code. */
  readonly code: IssueCode;
  /** The first error's path. */
  readonly path: IssuePath;
  /** The first error's input offset, where it has one. */
  readonly offset: number | undefined;

  /** `what` heads the message, e.g. "mesos.TaskInfo is invalid" or "cannot decode mesos.TaskInfo". */
  constructor(what: string, issues: readonly [Issue, ...Issue[]], options?: { cause?: unknown }) {
    super(`${what} (${counts(issues)}):\n${formatIssues(issues).replace(/^/gm, "  ")}`, options);
    const first = issues.find((i) => i.severity === "error") ?? issues[0];
    this.issues = issues;
    this.code = first.code;
    this.path = first.path;
    this.offset = first.offset;
  }
}

/** Thrown by assertValid (validation errors). */
export class ValidationError extends MesosDockerInfoError {
  override readonly name = "ValidationError";
}

/** Thrown by decode / fromMesosJson: bytes or JSON that cannot become a message. */
export class DecodeError extends MesosDockerInfoError {
  override readonly name = "DecodeError";
}

/** Thrown by encode / toMesosJson: a message that cannot be written. */
export class EncodeError extends MesosDockerInfoError {
  override readonly name = "EncodeError";
}

/** Thrown by dockerRunArgs / migrateLegacyContainer and the conversions. */
export class LaunchError extends MesosDockerInfoError {
  override readonly name = "LaunchError";
}

/** True for any error this library throws (every one carries `.issues`). */
export function isMesosDockerInfoError(error: unknown): error is MesosDockerInfoError {
  return error instanceof MesosDockerInfoError;
}

function counts(issues: readonly Issue[]): string {
  const { errors, warnings } = countIssues(issues);
  const text = plural(errors, "error");
  return warnings > 0 ? `${text}, ${plural(warnings, "warning")}` : text;
}
