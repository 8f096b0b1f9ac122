// The measuring loop: tinybench runs every operation in rounds, all operations once per round, so
// operations compared in a ratio are measured side by side (seconds apart, never minutes) and a
// ratio can be taken per round. Each tinybench sample is a batch of calls timed as one, because a
// single decode (~1–5 µs) is too close to the timer's own cost to be timed alone.
//
// The default clock is the process's CPU time, not wall time: on a shared 2-core machine other
// processes preempt ours, and wall time then measures their load (measured here under load 5:
// wall p75/p50 = 2–4, CPU p75/p50 = 1.1–1.2). Process CPU time counts every thread, so
// `npm run bench` runs V8 with --single-threaded-gc --no-concurrent-recompilation: GC and
// compilation then happen on the measured thread and are charged to the operation that caused
// them, not to whichever operation a background thread happens to overlap. The tinybench time
// budget is still charged in wall time, so a busy machine does not stretch the run.
import { Bench, hrtimeNow } from "tinybench";

export type Clock = "cpu" | "wall";

// With node --expose-gc (as `npm run bench` runs it), two young-generation collections before
// each operation's slot, untimed. Without them, the garbage of one operation is collected, and
// charged, in the slot of whichever operation runs next: toBinary leaves off-heap ArrayBuffers
// behind, and `encode`, which always runs right after `toBinary`, paid for them. The second
// collection finishes the ArrayBuffer sweeping the first one started. Full collections were
// tried and rejected: with them, some operations (protobufjs decode, decode + resolveLaunch) ran
// 4–8× slower for a whole run, a V8 state effect that had nothing to do with their code.
const gc = (globalThis as { gc?: (options: { type: "minor" }) => void }).gc;

function collectGarbage(): void {
  gc?.({ type: "minor" });
  gc?.({ type: "minor" });
}

/** Process CPU time in ms (µs resolution, enough for ~2 ms batches). */
function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e3;
}

export interface Operation {
  /** Unique id, e.g. "docker-task/decode". */
  readonly id: string;
  readonly fn: () => unknown;
}

export interface HarnessOptions {
  /** Recorded rounds; every operation runs once per round. */
  readonly rounds: number;
  /** tinybench time budget per operation and round, in ms. */
  readonly roundMs: number;
  /** Untimed calls per operation before the first round, in ms (JIT tier-up). */
  readonly warmupMs: number;
  /** Target duration of one timed batch, in ms. */
  readonly batchMs: number;
  readonly clock: Clock;
  readonly onProgress?: (message: string) => void;
}

/** Per operation id: the median ns per call of each round, in round order. */
export type RoundSamples = Map<string, number[]>;

// Every result is stored here so the JIT cannot prove a measured call dead and drop it.
let sink: unknown;

export function lastResult(): unknown {
  return sink;
}

function runFor(fn: () => unknown, ms: number): number {
  let calls = 0;
  const end = hrtimeNow() + ms;
  do {
    for (let i = 0; i < 16; i++) sink = fn();
    calls += 16;
  } while (hrtimeNow() < end);
  return calls;
}

/** Calls per batch so that one batch takes about `batchMs` (at least one call). */
function batchSize(fn: () => unknown, batchMs: number): number {
  for (let k = 1; ; k *= 2) {
    const t0 = hrtimeNow();
    for (let i = 0; i < k; i++) sink = fn();
    const dt = hrtimeNow() - t0;
    if (dt >= batchMs / 4 || k >= 1 << 22) return Math.max(1, Math.round((k * batchMs) / dt));
  }
}

function batched(fn: () => unknown, calls: number, clock: Clock) {
  const now = clock === "cpu" ? cpuNow : hrtimeNow;
  return () => {
    const w0 = hrtimeNow();
    const t0 = now();
    for (let i = 0; i < calls; i++) sink = fn();
    const dt = now() - t0;
    // tinybench records the per-call mean of the batch and charges the batch's wall time to its
    // budget.
    return { overriddenDuration: dt / calls, overriddenIterationCost: hrtimeNow() - w0 };
  };
}

export function measure(operations: readonly Operation[], options: HarnessOptions): RoundSamples {
  const progress = options.onProgress ?? (() => {});
  const tasks = operations.map((op) => {
    runFor(op.fn, options.warmupMs);
    return { id: op.id, run: batched(op.fn, batchSize(op.fn, options.batchMs), options.clock) };
  });
  progress(`warm-up done (${tasks.length} operations)`);
  const samples: RoundSamples = new Map(operations.map((op) => [op.id, []]));
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({
      time: options.roundMs,
      iterations: 5,
      warmup: false,
      now: hrtimeNow,
      throws: true,
    });
    // Rotate the order each round so no operation always runs right after the same neighbour.
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[(i + round) % tasks.length] as (typeof tasks)[number];
      bench.add(task.id, task.run, { beforeAll: collectGarbage });
    }
    for (const task of bench.runSync()) {
      const result = task.result;
      if (!("latency" in result)) throw new Error(`${task.name}: tinybench state ${result.state}`);
      samples.get(task.name)?.push(result.latency.p50 * 1e6);
    }
    progress(`round ${round + 1}/${options.rounds}`);
  }
  return samples;
}
