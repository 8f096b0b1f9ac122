// The state of one conversion: the issues found so far, in the order met (field order).
import type { Issue, IssueCode, IssuePath } from "../problems/index.js";
import { CODES } from "../problems/index.js";

export class Collector {
  readonly issues: Issue[] = [];

  add(code: IssueCode, path: IssuePath, message: string): void {
    this.issues.push({ code, severity: CODES[code].severity, path: [...path], message });
  }

  get failed(): boolean {
    return this.issues.some((issue) => issue.severity === "error");
  }
}
