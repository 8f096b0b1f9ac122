// The state of one validation run: the issues found so far and the path of the message being
// walked. Walkers push a key (and an index for repeated fields) before they descend and pop it
// after, so the valid path allocates nothing; a path array is copied only when an issue is
// reported.
import type { Issue, IssuePath } from "./issue.js";
import { type IssueCode, RULES } from "./rules.js";

export class Collector {
  readonly issues: Issue[] = [];
  /** The path of the message being walked, from the validated root. */
  readonly path: IssuePath = [];
  /** Number of issues with severity "error" (success is `errors === 0`). */
  errors = 0;

  /**
   * Report an issue at the current path, extended by up to three keys (a field name, or a field
   * name and an index). Fixed parameters instead of a rest array: no allocation unless reported.
   */
  report(
    code: IssueCode,
    message: string,
    k1?: string | number,
    k2?: string | number,
    k3?: string | number,
  ): void {
    const path = this.path.slice();
    if (k1 !== undefined) path.push(k1);
    if (k2 !== undefined) path.push(k2);
    if (k3 !== undefined) path.push(k3);
    const severity = RULES[code].severity;
    if (severity === "error") this.errors++;
    this.issues.push({ code, severity, path, message });
  }

  /** Walk each item of the repeated message field `field`, at `field[i]`. */
  each<T>(field: string, list: readonly T[], walk: (item: T, c: Collector) => void): void {
    for (let i = 0; i < list.length; i++) {
      this.path.push(field, i);
      walk(list[i] as T, this);
      this.path.pop();
      this.path.pop();
    }
  }
}
