// `check --reporter json` (alias --json): one JSON document per run, for scripts. JSON.stringify
// escapes C0 controls; DEL, C1, U+2028/2029 and the bidirectional controls it leaves raw are
// written as \uXXXX too (they can only occur inside strings, where the escape means the same), so
// the document is as safe to print to a terminal as the text output.
import type { FileReport, Summary } from "./report.js";

const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `quiet` (--quiet) leaves warnings out of each file's issues; the summary still counts them. */
export function formatJsonDocument(files: readonly FileReport[], summary: Summary, quiet = false) {
  const shown = quiet
    ? files.map((file) => ({ ...file, issues: file.issues.filter((i) => i.severity === "error") }))
    : files;
  const json = JSON.stringify({ files: shown, summary }, null, 2);
  return `${json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}
