// Human-readable output of `check` (`--reporter text`, the default). The layout is the same with
// and without a terminal; a terminal only adds colour (unless NO_COLOR) and status symbols, so
// scripts that grep the plain text see exactly the words a person sees. Every value from an
// input (file names, paths, messages quoting values, the launch description) goes through
// escapeLine: one printed line per line of this layout, whatever the input holds.
import { shellCommand } from "../launch/index.js";
import { countIssues, formatLocation, plural } from "../problems/index.js";
import { escapeLine } from "./escape.js";
import { displayFile } from "./read-input.js";
import type { FileIssue, FileReport, Summary } from "./report.js";
import type { Style } from "./style.js";

const INDENT = "  ";

/** `file:line:col` for an issue located in JSON text, else the file name alone. */
function issueWhere(file: string, issue: FileIssue): string {
  const name = displayFile(file);
  return issue.line === undefined ? name : `${name}:${issue.line}:${issue.column ?? 1}`;
}

const TONES = { ok: ["green", "✔ "], error: ["red", "✖ "], warning: ["yellow", "⚠ "] } as const;

/** `text` in the tone's colour, after its symbol on a terminal (✔ ok, ✖ error, ⚠ warning). */
function toned(style: Style, tone: keyof typeof TONES, text: string): string {
  const [color, symbol] = TONES[tone];
  return style.paint(color, `${style.symbols ? symbol : ""}${text}`);
}

/** `error   file.json:7:16 container.docker.image: <message> [image_empty]`. */
function formatIssue(file: string, issue: FileIssue, style: Style): string {
  const where = escapeLine(issueWhere(file, issue));
  const path = style.paint("bold", escapeLine(formatLocation(issue.path)));
  const offset =
    issue.offset !== undefined && issue.line === undefined ? ` (byte offset ${issue.offset})` : "";
  // Padded so paths line up under each other in plain text.
  const label = toned(style, issue.severity, issue.severity === "error" ? "error  " : "warning");
  return `${label} ${where} ${path}${offset}: ${escapeLine(issue.message)} ${style.paint("dim", `[${issue.code}]`)}`;
}

function statusText(report: FileReport, strict: boolean): string {
  const { errors, warnings } = countIssues(report.issues);
  const parts = errors > 0 ? [plural(errors, "error")] : [];
  if (warnings > 0) parts.push(plural(warnings, "warning"));
  const counts = parts.join(", ");
  if (report.status === "valid") return counts === "" ? "valid" : `valid, ${counts}`;
  return errors === 0 && strict ? `invalid under --strict: ${counts}` : `invalid: ${counts}`;
}

function label(name: string, style: Style): string {
  return style.paint("dim", `${name}:`);
}

/**
 * The block for one decoded file: status line, launch, issues, argv. `quiet` (--quiet) keeps the
 * status line and the errors only.
 */
export function formatFileReport(report: FileReport, style: Style, strict: boolean, quiet = false) {
  const tone = report.status === "valid" ? "ok" : "error";
  const status = toned(style, tone, statusText(report, strict));
  // "TaskInfo, mesos.v1": which message of which schema the file was read as.
  const read = report.schema === null ? report.type : `${report.type}, ${report.schema}`;
  const lines = [
    `${style.paint("bold", escapeLine(displayFile(report.file)))} (${escapeLine(read)}): ${status}`,
  ];
  if (!quiet) {
    if (report.launch)
      lines.push(`${INDENT}${label("launch", style)} ${escapeLine(report.launch.description)}`);
    else if (report.type === "TaskInfo")
      lines.push(
        `${INDENT}${label("launch", style)} none, the task cannot launch until the errors are fixed`,
      );
  }
  for (const issue of report.issues) {
    if (quiet && issue.severity !== "error") continue;
    lines.push(`${INDENT}${formatIssue(report.file, issue, style)}`);
  }
  if (report.argv && !quiet)
    lines.push(
      `${INDENT}${label("argv", style)} ${shellCommand(report.argv, { escapeControls: true })}`,
    );
  return `${lines.join("\n")}\n`;
}

/**
 * The stderr line for each issue of a file that could not be read or decoded:
 * `error: <file>: <code> at <path>, byte offset <n>: <message>` (binary), with `<file>:<line>:<col>`
 * for JSON text, and without "at" for an issue about the whole input.
 */
export function formatFileError(file: string, issue: FileIssue, style: Style): string {
  // convert also tells a conversion's warnings this way (without an offset).
  const warning = issue.severity === "warning";
  const at = issue.path.length > 0 ? ` at ${formatLocation(issue.path)}` : "";
  const offset =
    !warning && issue.offset !== undefined && issue.line === undefined
      ? `, byte offset ${issue.offset}`
      : "";
  return `${toned(style, issue.severity, issue.severity)}: ${escapeLine(issueWhere(file, issue))}: ${escapeLine(`${issue.code}${at}${offset}: ${issue.message}`)}\n`;
}

export function formatSummary(summary: Summary, style: Style): string {
  const parts = [`${summary.valid} valid`];
  if (summary.invalid > 0) parts.push(`${summary.invalid} invalid`);
  if (summary.failed > 0) parts.push(`${summary.failed} not readable or decodable`);
  const strict = summary.strict && summary.warnings > 0 ? " (--strict: warnings fail)" : "";
  const text = `${plural(summary.files, "file")} checked: ${parts.join(", ")}; ${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}${strict}`;
  return `${toned(style, summary.exitCode === 0 ? "ok" : "error", text)}\n`;
}
