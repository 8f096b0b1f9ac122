// The one error class of the launch layer. Thrown by dockerRunArgs and migrateLegacyContainer;
// their safe* twins return it instead.
import { formatIssues } from "../validation/format.js";
import type { Issue } from "../validation/issue.js";

/**
 * - `invalid_task`: validate() reports errors for the TaskInfo (they are in `.issues`);
 * - `not_docker_launch`: the task is valid but launches without Docker (command or custom executor);
 * - `invalid_option`: an option of dockerRunArgs cannot be written into a `docker run` command;
 * - `legacy_conflict`: migrateLegacyContainer would have to drop data to migrate.
 */
export type LaunchErrorCode =
  | "invalid_task"
  | "not_docker_launch"
  | "invalid_option"
  | "legacy_conflict";

/** All launch error codes. */
export const LAUNCH_ERROR_CODES: readonly LaunchErrorCode[] = [
  "invalid_task",
  "not_docker_launch",
  "invalid_option",
  "legacy_conflict",
];

export class LaunchError extends Error {
  override readonly name = "LaunchError";
  readonly code: LaunchErrorCode;
  /** Where the problem is: TaskInfo field names and indexes, or ["options", <option>]. */
  readonly path: (string | number)[];
  /** For `invalid_task`: every issue validate() reported (errors and warnings); else empty. */
  readonly issues: readonly Issue[];

  constructor(
    code: LaunchErrorCode,
    message: string,
    details: { path?: (string | number)[]; issues?: readonly Issue[] } = {},
  ) {
    super(message);
    this.code = code;
    this.path = details.path ?? [];
    this.issues = details.issues ?? [];
  }
}

/**
 * The `invalid_task` error of `caller` for a task that validate() rejects: every error on its own
 * line with its path and code; all issues (warnings too) in `.issues`; `.path` is the first error's.
 */
export function invalidTaskError(
  caller: string,
  task: unknown,
  issues: readonly Issue[],
  reason = "cannot launch",
): LaunchError {
  const errors = issues.filter((issue) => issue.severity === "error");
  const count = `${errors.length} validation error${errors.length === 1 ? "" : "s"}`;
  const lines = formatIssues(errors).replaceAll(/^/gm, "  - ");
  return new LaunchError(
    "invalid_task",
    `${caller}: task ${taskLabel(task)} ${reason}: ${count}:\n${lines}\nFix them (validate(TaskInfoSchema, task) lists every issue) and try again.`,
    { path: errors[0]?.path ?? [], issues },
  );
}

function taskLabel(task: unknown): string {
  // `task` may be any value (validate() reports a non-message as input_invalid).
  const id = (task as { taskId?: { value?: unknown } } | null | undefined)?.taskId?.value;
  return typeof id === "string" && id !== "" ? JSON.stringify(id) : "(without task_id)";
}
