// invalidTaskInfo(): near misses — a valid task with exactly one defect, and the one error
// validation must report for it (code and path). It draws from every ERROR rule that a TaskInfo
// message can break; the test suite checks that claim against the rule table.
import * as fc from "fast-check";
import type { IssueCode } from "../validation/index.js";
import { commandDefects } from "./defects-command.js";
import { containerDefects } from "./defects-container.js";
import { taskDefects } from "./defects-task.js";
import type { NearMiss } from "./near-miss.js";

export type { ExpectedIssue, NearMiss } from "./near-miss.js";

/**
 * Error codes `invalidTaskInfo` cannot produce, with the reason. Every other error code of the
 * rule table has at least one near miss.
 */
export const INVALID_TASK_INFO_EXCLUSIONS: Readonly<Partial<Record<IssueCode, string>>> = {
  invalid_input:
    "reported only when input cannot be decoded into a message (Standard Schema) or is not a message at all; a TaskInfo message never carries it",
  unpaired_surrogate:
    "a structural check on every string, covered by the validation tables; not drawn as a near miss yet",
  string_contains_nul:
    "new in wave 2 and covered by the validation tables; not drawn as a near miss yet",
};

let byCode: Map<IssueCode, fc.Arbitrary<NearMiss>> | undefined;

// Built on first use: importing the testing module stays cheap.
function defectsByCode(): Map<IssueCode, fc.Arbitrary<NearMiss>> {
  if (byCode !== undefined) return byCode;
  const grouped = new Map<IssueCode, fc.Arbitrary<NearMiss>[]>();
  for (const d of [...taskDefects(), ...commandDefects(), ...containerDefects()]) {
    grouped.set(d.code, [...(grouped.get(d.code) ?? []), d.arbitrary]);
  }
  // Each way to break a rule equally likely within its code.
  byCode = new Map([...grouped].map(([code, ways]) => [code, fc.oneof(...ways)]));
  return byCode;
}

/**
 * The error codes `invalidTaskInfo` can produce: every error code of the rule table except those
 * in `INVALID_TASK_INFO_EXCLUSIONS`.
 *
 * @example
 * ```ts
 * import { invalidTaskInfo, invalidTaskInfoCodes } from "mesos-dockerinfo/testing";
 *
 * // One property per rule: each code is exercised, whatever the run count.
 * for (const code of invalidTaskInfoCodes()) {
 *   fc.assert(fc.property(invalidTaskInfo({ code }), ({ task, expected }) => check(task, expected)), { numRuns: 50 });
 * }
 * ```
 */
export function invalidTaskInfoCodes(): IssueCode[] {
  return [...defectsByCode().keys()];
}

/** Options of {@link invalidTaskInfo}. */
export interface InvalidTaskInfoOptions {
  /** Only near misses that raise this code (or one of these codes). Default: every code. */
  readonly code?: IssueCode | readonly IssueCode[];
}

/**
 * Near misses: `{ task, expected: { code, path } }` where `task` is a valid {@link taskInfo} with
 * exactly one defect, and `expected` is the one error validation must report for it (warnings may
 * accompany it, e.g. a path that is not clean). Every code is equally likely; within a code, every
 * way to break it (e.g. `required_field_missing` on each required field, unknown enum values both
 * assigned directly and decoded into `$unknown`). `invalidTaskInfoCodes()` lists the codes, and
 * `INVALID_TASK_INFO_EXCLUSIONS` the error codes left out, with the reason.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { TaskInfoSchema, validate } from "mesos-dockerinfo";
 * import { invalidTaskInfo } from "mesos-dockerinfo/testing";
 *
 * fc.assert(
 *   fc.property(invalidTaskInfo(), ({ task, expected }) => {
 *     const errors = validate(TaskInfoSchema, task).issues.filter((i) => i.severity === "error");
 *     return errors.length === 1 && errors[0].code === expected.code &&
 *       JSON.stringify(errors[0].path) === JSON.stringify(expected.path);
 *   }),
 * );
 * ```
 */
export function invalidTaskInfo(options: InvalidTaskInfoOptions = {}): fc.Arbitrary<NearMiss> {
  const all = defectsByCode();
  const wanted: readonly IssueCode[] =
    options.code === undefined
      ? [...all.keys()]
      : typeof options.code === "string"
        ? [options.code]
        : options.code;
  const arbitraries = wanted.map((code) => {
    const arb = all.get(code);
    if (arb === undefined) {
      const reason = INVALID_TASK_INFO_EXCLUSIONS[code];
      throw new TypeError(
        `invalidTaskInfo: no near miss raises ${JSON.stringify(code)}${reason === undefined ? " (it is a warning or not a TaskInfo rule)" : `: ${reason}`}`,
      );
    }
    return arb;
  });
  const [first, ...rest] = arbitraries;
  if (first === undefined) throw new TypeError("invalidTaskInfo: options.code is an empty list");
  return rest.length === 0 ? first : fc.oneof(first, ...rest);
}
