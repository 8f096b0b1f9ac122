// `check --reporter github`: one GitHub Actions workflow command per issue, which the runner
// turns into an annotation on the file and line:
//   ::error file=task.json,line=7,col=16::container.docker.image: image is empty ... [image_empty]
// Escaping follows GitHub's workflow-command rules (docs.github.com, "Workflow commands for GitHub
// Actions"; actions/toolkit core/src/command.ts): in the message `%`, CR and LF are written
// %25, %0D, %0A; in a property value also `:` and `,` (%3A, %2C). Values are passed through
// escapeLine first, so no control character reaches the log either.
import { formatLocation } from "../problems/index.js";
import { escapeLine } from "./escape.js";
import { STDIO } from "./read-input.js";
import type { FileIssue, FileReport } from "./report.js";

export function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/** One workflow command for an issue of `file` ("-" gets no file property: stdin has no file). */
export function githubCommand(file: string, issue: FileIssue): string {
  const properties: string[] = [];
  if (file !== STDIO) properties.push(`file=${escapeProperty(escapeLine(file))}`);
  if (issue.line !== undefined) {
    properties.push(`line=${issue.line}`, `col=${issue.column ?? 1}`);
  }
  const path = issue.path.length > 0 ? `${formatLocation(issue.path)}: ` : "";
  const message = escapeData(escapeLine(`${path}${issue.message} [${issue.code}]`));
  const head = properties.length > 0 ? ` ${properties.join(",")}` : "";
  return `::${issue.severity}${head}::${message}`;
}

/** Every issue of every file, one command a line; `quiet` leaves warnings out. */
export function formatGithub(reports: readonly FileReport[], quiet: boolean): string {
  const shown = (issue: FileIssue) => !quiet || issue.severity === "error";
  return reports
    .flatMap((r) => r.issues.filter(shown).map((issue) => `${githubCommand(r.file, issue)}\n`))
    .join("");
}
