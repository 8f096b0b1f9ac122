// Near misses for the Mesos 1.11 rules: per rule, a defect (defects.ts) breaks a valid v1TaskInfo
// in exactly one way and names the issue it must raise; invalidV1TaskInfo draws from them the way
// invalidTaskInfo does for the seed.
import * as fc from "fast-check";
import type { IssueCode, IssuePath } from "../../problems/index.js";
import type { TaskInfo } from "../../v1/index.js";
import type { NearMiss } from "../near-miss.js";
import { V1_DEFECTS } from "./defects.js";
import { v1TaskInfo } from "./task-info.js";

/** One way to break a valid v1 task: `apply` mutates it (a fresh copy) and says where. */
export interface V1Defect {
  readonly code: IssueCode;
  /** Mutates `task` and returns the path of the issue it must raise. */
  apply(task: TaskInfo, random: number): IssuePath;
}

/** A v1 task with exactly one defect, and the issue validation must report. */
export type V1NearMiss = NearMiss<TaskInfo>;

/**
 * Near misses for the v1 rules: a {@link v1TaskInfo} with one of `defects` applied.
 * @throws TypeError when `defects` is empty.
 */
export function invalidV1TaskInfo(
  defects: readonly V1Defect[] = V1_DEFECTS,
): fc.Arbitrary<V1NearMiss> {
  if (defects.length === 0) {
    throw new TypeError(
      "invalidV1TaskInfo: no v1 defects given (pass some, or leave the default V1_DEFECTS)",
    );
  }
  return fc
    .tuple(v1TaskInfo(), fc.constantFrom(...defects), fc.nat())
    .map(([task, defect, random]) => {
      const path = defect.apply(task, random);
      return { task, expected: { code: defect.code, path } };
    });
}
