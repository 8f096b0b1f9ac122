// The property runner of our own suite. The same test files run in two modes:
// - CI (`npx vitest run`): each property runs a modest, fixed number of times;
// - fuzz (`npm run fuzz`, scripts/fuzz.mjs): FUZZ_RUNS sets the number of runs (deep), FUZZ_SEED
//   and FUZZ_PATH replay a failure, and FUZZ_REPORT names a JSON-lines file that receives one
//   record per property (runs, time, seed, and the replay path of a failure).
import { appendFileSync } from "node:fs";
import * as fc from "fast-check";
import { it } from "vitest";

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n))
    throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return n;
}

const FUZZ_RUNS = envInt("FUZZ_RUNS");
const FUZZ_SEED = envInt("FUZZ_SEED");
const FUZZ_PATH = process.env.FUZZ_PATH || undefined;
const FUZZ_REPORT = process.env.FUZZ_REPORT || undefined;

/** True when running under `npm run fuzz`. */
export const DEEP = FUZZ_RUNS !== undefined;

export interface RunOptions {
  /** Runs in CI. */
  readonly runs: number;
  /**
   * Each run is this many units of work (e.g. a batch of 50 messages): at depth the property runs
   * FUZZ_RUNS / perRun times, so FUZZ_RUNS counts the same unit for every property.
   */
  readonly perRun?: number;
  /**
   * false: report the first failure without shrinking (for properties whose every run spawns a
   * process, where shrinking would take minutes; their failure message names the culprit).
   */
  readonly shrink?: boolean;
  /** At depth, at most this many runs (a property whose input space is small). */
  readonly maxRuns?: number;
}

function parameters<Ts>(options: RunOptions): fc.Parameters<Ts> {
  const deep = Math.max(1, Math.ceil((FUZZ_RUNS ?? 0) / (options.perRun ?? 1)));
  const numRuns = FUZZ_RUNS === undefined ? options.runs : Math.min(deep, options.maxRuns ?? deep);
  return {
    numRuns,
    ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }),
    ...(FUZZ_PATH === undefined ? {} : { path: FUZZ_PATH }),
    ...(options.shrink === false ? { endOnFailure: true } : {}),
  };
}

function record<Ts>(
  name: string,
  details: fc.RunDetails<Ts>,
  ms: number,
  options: RunOptions,
): void {
  if (FUZZ_REPORT === undefined) return;
  const line = {
    name,
    // Units of work (messages of a batch, not batches), so runs/s compare across properties.
    runs: details.numRuns * (options.perRun ?? 1),
    ms,
    failed: details.failed,
    seed: details.seed,
    path: details.counterexamplePath ?? undefined,
  };
  appendFileSync(FUZZ_REPORT, `${JSON.stringify(line)}\n`);
}

function failure<Ts>(name: string, details: fc.RunDetails<Ts>, message: string | undefined): Error {
  const cause = details.errorInstance;
  const got = cause instanceof Error ? `\nGot: ${cause.message}` : "";
  // "--seed=-12": a separate "-12" would read as an option.
  const replay =
    `\nReplay: npm run fuzz -- --filter ${JSON.stringify(name)} --seed=${details.seed}` +
    (details.counterexamplePath === null ? "" : ` --path=${details.counterexamplePath}`);
  return new Error(`${message ?? `property ${name} failed`}${got}${replay}`);
}

/** A synchronous property as a vitest test. */
export function property<Ts>(name: string, prop: fc.IProperty<Ts>, options: RunOptions): void {
  it(name, () => {
    const start = performance.now();
    const details = fc.check(prop, parameters<Ts>(options));
    record(name, details, performance.now() - start, options);
    if (details.failed) throw failure(name, details, fc.defaultReportMessage(details));
  });
}

/** An asynchronous property as a vitest test. */
export function asyncProperty<Ts>(
  name: string,
  prop: fc.IAsyncProperty<Ts>,
  options: RunOptions,
): void {
  it(name, async () => {
    const start = performance.now();
    const details = await fc.check(prop, parameters<Ts>(options));
    record(name, details, performance.now() - start, options);
    if (details.failed) throw failure(name, details, await fc.asyncDefaultReportMessage(details));
  });
}
