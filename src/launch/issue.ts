// The launch layer's issues and errors, in the one problem vocabulary (../problems).
import { type Issue, type IssueCode, type IssuePath, LaunchError } from "../problems/index.js";

/** One launch issue (always an error): `not_docker_launch`, `invalid_option`, `legacy_conflict`. */
export function launchIssue(code: IssueCode, path: IssuePath, message: string): Issue {
  return { code, severity: "error", path, message };
}

/** A LaunchError carrying one launch issue; `what` heads the message (the call that failed). */
export function launchError(what: string, issue: Issue): LaunchError {
  return new LaunchError(what, [issue]);
}

/**
 * The error of `caller` for a task validate() rejects: `.issues` are validate()'s issues
 * themselves (warnings too), so `.code` and `.path` are those of the first validation error.
 */
export function invalidTaskError(
  caller: string,
  task: unknown,
  issues: readonly Issue[],
  reason = "cannot launch",
): LaunchError {
  const what = `${caller}: task ${taskLabel(task)} ${reason}; fix the errors (validate(TaskInfoSchema, task) lists every issue)`;
  const [first, ...rest] = issues;
  // Never empty: a task that failed for a reason validate() does not name gets it said here.
  return new LaunchError(
    what,
    first === undefined
      ? [launchIssue("invalid_input", [], `${caller}: ${reason}`)]
      : [first, ...rest],
  );
}

function taskLabel(task: unknown): string {
  // `task` may be any value (validate() reports a non-message as invalid_input).
  const id = (task as { taskId?: { value?: unknown } } | null | undefined)?.taskId?.value;
  return typeof id === "string" && id !== "" ? JSON.stringify(id) : "(without task_id)";
}
