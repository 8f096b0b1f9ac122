// Human-readable output of `check`. The layout is the same with and without a terminal; a
// terminal only adds colour (unless NO_COLOR) and status symbols, so scripts that grep the
// plain text see exactly the words a person sees.

import { formatLocation } from "../problems/index.js";
import type { Issue } from "../validation/index.js";
import { displayFile } from "./read-input.js";
import { countIssues, type FileError, type FileReport, type Summary } from "./report.js";
import { shellJoin } from "./shell-quote.js";
import type { Style } from "./style.js";

const INDENT = "  ";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we replace
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f]/g;

/**
 * Text from an input file (names, messages quoting values) made safe for a terminal: control
 * characters become visible \xHH escapes, so a hostile file cannot send escape sequences.
 */
export function terminalSafe(text: string): string {
  return text.replace(
    CONTROL_EXCEPT_NEWLINE,
    (char) => `\\x${(char.codePointAt(0) ?? 0).toString(16).padStart(2, "0")}`,
  );
}

function oneLine(text: string): string {
  return terminalSafe(text).replaceAll("\n", "\\n");
}

/** ["container", "docker", "volume", 0, "host_dir"] → "container.docker.volume[0].host_dir". */
export const formatPath = formatLocation;

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function severityLabel(severity: Issue["severity"], style: Style): string {
  // Padded so paths line up under each other in plain text.
  const word = severity === "error" ? "error  " : "warning";
  const symbol = style.symbols ? (severity === "error" ? "✖ " : "⚠ ") : "";
  return style.paint(severity === "error" ? "red" : "yellow", `${symbol}${word}`);
}

export function formatIssue(issue: Issue, style: Style): string {
  const message = terminalSafe(issue.message).replaceAll("\n", `\n${INDENT}${INDENT}`);
  return `${severityLabel(issue.severity, style)} ${style.paint("bold", oneLine(formatPath(issue.path)))}: ${message} ${style.paint("dim", `[${issue.code}]`)}`;
}

function statusText(report: FileReport, strict: boolean): string {
  const { errors, warnings } = countIssues(report.issues);
  const counts = [
    errors > 0 ? plural(errors, "error") : "",
    warnings > 0 ? plural(warnings, "warning") : "",
  ]
    .filter((part) => part !== "")
    .join(", ");
  if (report.status === "valid") return counts === "" ? "valid" : `valid, ${counts}`;
  return errors === 0 && strict ? `invalid under --strict: ${counts}` : `invalid: ${counts}`;
}

function label(name: string, style: Style): string {
  return style.paint("dim", `${name}:`);
}

/** The block for one decoded file: status line, launch, issues, argv. */
export function formatFileReport(report: FileReport, style: Style, strict: boolean): string {
  const valid = report.status === "valid";
  const symbol = style.symbols ? (valid ? "✔ " : "✖ ") : "";
  const status = style.paint(valid ? "green" : "red", `${symbol}${statusText(report, strict)}`);
  const lines = [
    `${style.paint("bold", oneLine(displayFile(report.file)))} (${report.type}): ${status}`,
  ];
  if (report.launch)
    lines.push(`${INDENT}${label("launch", style)} ${terminalSafe(report.launch.description)}`);
  else if (report.type === "TaskInfo")
    lines.push(
      `${INDENT}${label("launch", style)} none, the task cannot launch until the errors are fixed`,
    );
  for (const issue of report.issues) lines.push(`${INDENT}${formatIssue(issue, style)}`);
  if (report.argv) lines.push(`${INDENT}${label("argv", style)} ${shellJoin(report.argv)}`);
  return `${lines.join("\n")}\n`;
}

/**
 * The stderr line for a file that could not be read or decoded. The message already starts with
 * the code and, for codec errors, names the field path and byte offset.
 */
export function formatFileError(file: string, error: FileError, style: Style): string {
  const symbol = style.symbols ? "✖ " : "";
  return `${style.paint("red", `${symbol}error`)}: ${oneLine(displayFile(file))}: ${terminalSafe(error.message)}\n`;
}

export function formatSummary(summary: Summary, style: Style): string {
  const parts = [`${summary.valid} valid`];
  if (summary.invalid > 0) parts.push(`${summary.invalid} invalid`);
  if (summary.failed > 0) parts.push(`${summary.failed} not readable or decodable`);
  const ok = summary.exitCode === 0;
  const symbol = style.symbols ? (ok ? "✔ " : "✖ ") : "";
  const strict = summary.strict && summary.warnings > 0 ? " (--strict: warnings fail)" : "";
  const text = `${symbol}${plural(summary.files, "file")} checked: ${parts.join(", ")}; ${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}${strict}`;
  return `${style.paint(ok ? "green" : "red", text)}\n`;
}
