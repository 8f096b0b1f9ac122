// Where each issue of a JSON input is in its text: the issue's own character offset when it has
// one (syntax errors, duplicate keys), else the value at its path, else the nearest enclosing
// value that is written (a missing required field points at the object that lacks it).
import { locateJsonPath } from "../codec/index.js";
import { failWith, type Issue } from "../problems/index.js";
import { forCommandLine } from "./flag-messages.js";
import { InputError } from "./read-input.js";
import type { FileIssue } from "./report.js";

function locateIssue(text: string, issue: Issue): FileIssue {
  if (issue.offset !== undefined && issue.offset <= text.length) {
    // 1-based, in UTF-16 code units, as editors and GitHub annotations count them for the BMP.
    const lines = text.slice(0, issue.offset).split("\n");
    return { ...issue, line: lines.length, column: (lines.at(-1) as string).length + 1 };
  }
  // The codec finds the value at the path, or the deepest enclosing value that is written.
  const found = locateJsonPath(text, issue.path);
  return found === undefined ? issue : { ...issue, line: found.line, column: found.column };
}

/** `issues` located in the input's text; binary input (or none read) has no lines. */
export function locateIssues(input: string | Uint8Array | undefined, issues: readonly Issue[]) {
  return typeof input === "string" ? issues.map((issue) => locateIssue(input, issue)) : [...issues];
}

/**
 * The issues of an input that could not be read or decoded: an InputError's, or a library
 * error's in the CLI's words, located in the input's text. Anything else is a bug: rethrown.
 */
export function failureIssues(error: unknown, input: string | Uint8Array | undefined): FileIssue[] {
  if (error instanceof InputError) return [error.issue];
  return locateIssues(input, failWith(error).issues.map(forCommandLine));
}
