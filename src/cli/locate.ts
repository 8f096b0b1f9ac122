// Where each issue of a JSON input is in its text: the issue's own character offset when it has
// one (syntax errors, duplicate keys), else the value at its path, else the nearest enclosing
// value that is written (a missing required field points at the object that lacks it).
import type { Issue } from "../problems/index.js";
import { lineAndColumn } from "./line-column.js";
import { locateJsonPath } from "./locate-json-path.js";
import type { FileIssue } from "./report.js";

export function locateIssue(text: string, issue: Issue): FileIssue {
  if (issue.offset !== undefined && issue.offset <= text.length) {
    const { line, column } = lineAndColumn(text, issue.offset);
    return { ...issue, line, column };
  }
  for (let length = issue.path.length; length >= 0; length--) {
    const found = locateJsonPath(text, issue.path.slice(0, length));
    if (found !== undefined) return { ...issue, line: found.line, column: found.column };
  }
  return issue;
}
