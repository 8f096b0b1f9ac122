// The state of one validation run, shared by the structural walk and the domain rules: the issues
// found so far and the path of the message being checked. The walk pushes a field name (and an
// index or map key) before it descends and pops it after, so a valid message allocates nothing;
// a path array is copied only when an issue is reported.
import { CODES, type Issue, type IssueCode, type IssuePath } from "../problems/index.js";

export class Collector {
  readonly issues: Issue[] = [];
  /** The path of the message being checked, from the validated root. */
  readonly path: IssuePath = [];
  /** Number of issues with severity "error" (success is `errors === 0`). */
  errors = 0;

  /**
   * Report an issue at the current path, extended by up to five keys (field names and
   * indexes). Fixed parameters instead of a rest array: no allocation unless something is
   * reported.
   */
  report(
    code: IssueCode,
    message: string,
    k1?: string | number,
    k2?: string | number,
    k3?: string | number,
    k4?: string | number,
    k5?: string | number,
  ): void {
    const path = this.path.slice();
    if (k1 !== undefined) path.push(k1);
    if (k2 !== undefined) path.push(k2);
    if (k3 !== undefined) path.push(k3);
    if (k4 !== undefined) path.push(k4);
    if (k5 !== undefined) path.push(k5);
    const severity = CODES[code].severity;
    if (severity === "error") this.errors++;
    this.issues.push({ code, severity, path, message });
  }
}
