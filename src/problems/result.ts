// The one result shape of every non-throwing call (validate, safeDecode, safeEncode,
// safeFromMesosJson, safeDockerRunArgs, ...): zod's safeParse shape, with `data` as the one name
// for the value and `issues` for the findings, warnings included on both sides.
import { MesosDockerInfoError } from "./errors.js";
import type { Issue } from "./issue.js";

export interface Success<T> {
  readonly success: true;
  readonly data: T;
  /** Warnings only (an error makes the result a failure); often empty. */
  readonly issues: Issue[];
}

export interface Failure {
  readonly success: false;
  /** Every issue found, errors and warnings, in the order found (field order for messages). */
  readonly issues: Issue[];
}

export type Result<T> = Success<T> | Failure;

export function succeed<T>(data: T, issues: Issue[] = []): Success<T> {
  return { success: true, data, issues };
}

export function fail(issues: Issue[]): Failure {
  return { success: false, issues };
}

/**
 * `run()` as a Result: its value, or the Failure of the library error it threw (every `safe…`
 * function is this around its throwing twin); anything else is a bug and is rethrown.
 */
export function attempt<T>(run: () => T): Result<T> {
  try {
    return succeed(run());
  } catch (error) {
    return failWith(error);
  }
}

/** The Failure for a caught library error (its issues), rethrowing anything else. */
export function failWith(error: unknown): Failure {
  if (error instanceof MesosDockerInfoError) return { success: false, issues: [...error.issues] };
  throw error;
}
