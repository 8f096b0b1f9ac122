import type { IssueCode, Severity } from "./rules.js";

export type { IssueCode, Severity } from "./rules.js";

/** A path from the validated root: proto field names and repeated-field indexes. */
export type IssuePath = (string | number)[];

/** One finding about a message. */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  /** e.g. ["container", "docker", "volume", 0, "host_dir"] */
  readonly path: IssuePath;
  /** What is wrong, the offending value, and how to fix it. */
  readonly message: string;
}
