// The one error class of the validation layer.
import { formatIssues } from "./format.js";
import type { Issue } from "./issue.js";

/** Thrown by assertValid: `.issues` holds every issue (errors and warnings), in field order. */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  readonly issues: Issue[];

  /** `typeName` (e.g. "mesos.TaskInfo") names the validated message in the first line. */
  constructor(issues: Issue[], typeName?: string) {
    super(summary(issues, typeName));
    this.issues = issues;
  }
}

// "mesos.TaskInfo is invalid (2 errors, 1 warning):" followed by one indented line per issue.
function summary(issues: readonly Issue[], typeName: string | undefined): string {
  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors++;
  const warnings = issues.length - errors;
  const counts = [plural(errors, "error")];
  if (warnings > 0) counts.push(plural(warnings, "warning"));
  const head = `${typeName ?? "message"} is invalid (${counts.join(", ")})`;
  if (issues.length === 0) return head;
  return `${head}:\n${formatIssues(issues).replace(/^/gm, "  ")}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
