// dockerRunArgsOf (internal; the CLI): the argv of a task from the Launch resolveLaunch already
// returned must be exactly dockerRunArgs's, and its errors the same, for every launch kind.
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dockerRunArgs, dockerRunArgsOf, resolveLaunch } from "../../src/launch/index.js";
import { LaunchError } from "../../src/problems/index.js";
import { arbitraryLaunchTask } from "./arbitrary-launch-task.js";

/** The argv, or the thrown LaunchError's issues. */
function outcome(run: () => string[]): { argv: string[] } | { issues: unknown } {
  try {
    return { argv: run() };
  } catch (error) {
    if (!(error instanceof LaunchError)) throw error;
    return { issues: error.issues };
  }
}

describe("dockerRunArgsOf", () => {
  test("equals dockerRunArgs on every task resolveLaunch accepts, Docker or not", () => {
    let docker = 0;
    fc.assert(
      fc.property(
        arbitraryLaunchTask(),
        fc.constantFrom({}, { containerName: "c1" }, { mappedDirectory: "relative" }),
        (task, options) => {
          const resolved = resolveLaunch(task);
          fc.pre(resolved.success);
          if (resolved.success && resolved.data.kind.startsWith("docker")) docker++;
          const launch = resolved.success ? resolved.data : undefined;
          if (launch === undefined) return;
          expect(outcome(() => dockerRunArgsOf(task, launch, options))).toEqual(
            outcome(() => dockerRunArgs(task, options)),
          );
        },
      ),
      { numRuns: 300 },
    );
    // The property saw Docker launches, not only refusals.
    expect(docker).toBeGreaterThan(20);
  });
});
