// Where each issue of a JSON input is in its text: the issue's own character offset when it has
// one (syntax errors, duplicate keys), else the value at its path, else the nearest enclosing
// value that is written (a missing required field points at the object that lacks it).
import { locateJsonPath } from "../codec/index.js";
import type { Issue } from "../problems/index.js";
import { lineAndColumn } from "./line-column.js";
import type { FileIssue } from "./report.js";

export function locateIssue(text: string, issue: Issue): FileIssue {
  if (issue.offset !== undefined && issue.offset <= text.length) {
    const { line, column } = lineAndColumn(text, issue.offset);
    return { ...issue, line, column };
  }
  // The codec finds the value at the path, or the deepest enclosing value that is written.
  const found = locateJsonPath(text, issue.path);
  return found === undefined ? issue : { ...issue, line: found.line, column: found.column };
}
