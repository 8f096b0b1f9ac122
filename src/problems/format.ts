// Rendering of paths, values and issues, shared by every message the library writes. Values are
// quoted in JSON string syntax and cut, so one bad 4 MiB string cannot flood a log.
import type { Issue } from "./issue.js";

const MAX_QUOTED = 80;

/**
 * Quote a value for a message: JSON string syntax (control characters escaped), cut to 80
 * characters with an ellipsis and the full length when longer.
 */
export function quote(value: string): string {
  if (value.length <= MAX_QUOTED) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, MAX_QUOTED - 1))}… (${value.length} characters)`;
}

/**
 * A path the way it reads in Mesos JSON: `container.docker.volume[0].host_dir`. The root (an
 * empty path) renders as an empty string.
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? key : `.${key}`;
  }
  return out;
}

/** formatPath for messages and logs, where an empty string would read as nothing: "(root)". */
export function formatLocation(path: readonly (string | number)[]): string {
  return path.length === 0 ? "(root)" : formatPath(path);
}

/**
 * One line per issue:
 * `error container.docker.volume[0].host_dir: <message> [host_dir_not_absolute]`, with
 * `, offset N` after the path when the issue carries an input offset.
 */
export function formatIssues(issues: readonly Issue[]): string {
  const line = (issue: Issue) => {
    const at = issue.offset === undefined ? "" : ` (offset ${issue.offset})`;
    return `${issue.severity} ${formatLocation(issue.path)}${at}: ${issue.message} [${issue.code}]`;
  };
  return issues.map(line).join("\n");
}

/** "1 error", "2 warnings". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** How many of `issues` are errors, and how many warnings. */
export function countIssues(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors++;
  return { errors, warnings: issues.length - errors };
}
