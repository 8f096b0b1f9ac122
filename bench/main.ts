// `npm run bench`: side-by-side benchmark of the library against raw protobuf-es and protobufjs
// (issue 8). Prints Markdown tables (stdout) and writes bench/results.json. Progress goes to stderr.
//
//   npm run bench                      full run (~2 min on 2 cores)
//   npm run bench:ops -- --quick       short run of the operations only (~30 s)
//   npm run bench:ops -- --filter docker   only operations whose id matches the regular expression
//
// Budgets are goals the numbers are read against, never assertions: the exit code is 0 unless
// the bench itself fails.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { messageCases, prepareCase } from "./cases.js";
import { type HarnessOptions, measure, type Operation } from "./harness.js";
import { imageOperationIds, planImageReference } from "./image-reference.js";
import { describeMachine } from "./machine.js";
import { loadProtobufjs } from "./protobufjs.js";
import { RATIOS } from "./ratios.js";
import { renderHeader, renderImages, renderRatios, renderThroughput } from "./render.js";
import {
  FILTERED_OUT,
  failedChecks,
  summarizeImages,
  summarizeMessages,
  summarizeRatios,
} from "./summary.js";

const USAGE = `usage: npm run bench:ops -- [--quick] [--rounds N] [--round-ms MS] [--filter REGEX] [--out FILE]

  --quick         6 short rounds instead of 20 (numbers are noisier)
  --rounds N      recorded rounds (every operation runs once per round)
  --round-ms MS   time per operation and round
  --filter REGEX  only operations whose id matches, e.g. "docker-task/(decode|rawDecode)"
  --clock cpu     time = process CPU time (default; robust on a shared machine) or "wall"
  --out FILE      results JSON (default bench/results.json)`;

// Many short rounds rather than a few long ones: these machines are shared, and a burst of load
// then spoils a few rounds that the median discards instead of one round in three.
const FULL: Omit<HarnessOptions, "onProgress" | "clock"> = {
  rounds: 20,
  roundMs: 60,
  warmupMs: 250,
  batchMs: 2,
};
const QUICK: Omit<HarnessOptions, "onProgress" | "clock"> = {
  rounds: 6,
  roundMs: 25,
  warmupMs: 100,
  batchMs: 1,
};

/** Node flags `npm run bench` passes (see harness.ts for why). */
const V8_FLAGS = ["--expose-gc", "--single-threaded-gc", "--no-concurrent-recompilation"];

/** The package root: the nearest directory above this file whose package.json is ours. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file) && JSON.parse(readFileSync(file, "utf8")).name === "mesos-dockerinfo") {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("bench: cannot find the mesos-dockerinfo package root");
    dir = parent;
  }
}

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`bench: --${name} must be a positive number, got "${text}"`);
  }
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      rounds: { type: "string" },
      "round-ms": { type: "string" },
      filter: { type: "string" },
      clock: { type: "string", default: "cpu" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const base = values.quick ? QUICK : FULL;
  if (values.clock !== "cpu" && values.clock !== "wall") {
    throw new Error(`bench: --clock must be cpu or wall, got "${values.clock}"`);
  }
  const options: HarnessOptions = {
    ...base,
    clock: values.clock,
    rounds: Math.round(positive("rounds", values.rounds, base.rounds)),
    roundMs: positive("round-ms", values["round-ms"], base.roundMs),
    onProgress: (message) => process.stderr.write(`bench: ${message}\n`),
  };
  const filter = values.filter === undefined ? undefined : new RegExp(values.filter);
  const missingFlags = V8_FLAGS.filter((flag) => !process.execArgv.includes(flag));
  if (missingFlags.length > 0) {
    options.onProgress?.(
      `warning: node was started without ${missingFlags.join(" ")}; run through npm run bench ` +
        "for comparable numbers",
    );
  }
  const root = packageRoot();
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;

  const protobufjs = await loadProtobufjs(root);
  if (protobufjs.note)
    options.onProgress?.(`protobufjs static code unavailable: ${protobufjs.note}`);
  const cases = messageCases().map((c) => prepareCase(c, protobufjs.types));
  const wanted = (id: string) => filter === undefined || filter.test(id);
  // The probes start workers: skip them when --filter leaves no image operation (profiling).
  const images = imageOperationIds().some(wanted) ? await planImageReference() : undefined;
  const selected = (ops: Iterable<Operation>) => [...ops].filter((op) => wanted(op.id));
  const operations = [
    ...cases.flatMap((p) => selected(p.operations.values())),
    ...selected(images?.operations ?? []),
  ];
  options.onProgress?.(
    `${operations.length} operations, ${options.rounds} rounds × ${options.roundMs} ms`,
  );
  const samples = measure(operations, options);

  const machine = describeMachine(root);
  const date = new Date().toISOString();
  const messages = summarizeMessages(cases, samples);
  const ratios = summarizeRatios(RATIOS, cases, samples);
  const imageResults = images ? summarizeImages(images, samples) : [];
  const failures = failedChecks(cases);
  const loadAtEnd = loadavg()[0] ?? 0;
  const clock =
    options.clock === "cpu"
      ? "process CPU time (time other processes take from ours is not counted)"
      : "wall time";
  const method =
    `Method: ${options.rounds} rounds; in each round every operation runs for ${options.roundMs} ms ` +
    `(batches of ~${options.batchMs} ms, after ${options.warmupMs} ms of warm-up), all operations ` +
    `side by side in one process; clock: ${clock}; node ${process.execArgv.join(" ")}. ` +
    "ops/s = median of the round medians " +
    "(min–max over rounds); ratios are time ratios taken per round, then the median (min–max). " +
    `Load average: ${loadAtStart.toFixed(1)} at start, ${loadAtEnd.toFixed(1)} at end.`;

  const sections = [
    `## mesos-dockerinfo bench${values.quick ? " (--quick)" : ""}`,
    renderHeader({
      date,
      machine,
      protobufjs: protobufjs.mode === "static" ? "static code from pbjs" : "reflection (loadSync)",
      method,
    }),
    "### Throughput",
    renderThroughput(messages),
    "### Ratios (lower is better; budgets are goals, not assertions)",
    renderRatios(ratios, messages),
  ];
  if (imageResults.length > 0) {
    sections.push(
      "### parseImageReference (linear: ns/byte about the same at 1 KiB and 64 KiB)",
      renderImages(imageResults),
    );
  }
  const unavailable = messages.flatMap((m) =>
    Object.entries(m.operations)
      .filter(([, o]) => o !== undefined && "unavailable" in o)
      .map(([kind, o]) => `${m.id}/${kind}: ${(o as { unavailable: string }).unavailable}`)
      .filter((line) => !line.endsWith("not a TaskInfo") && !line.endsWith(FILTERED_OUT)),
  );
  if (unavailable.length > 0) sections.push(`Not measured:\n- ${unavailable.join("\n- ")}`);
  const checkCount = cases.reduce((n, p) => n + p.checks.length, 0);
  sections.push(
    failures.length === 0
      ? `Cross-checks before timing: all ${checkCount} passed (same bytes, equal messages, canonical messages valid).`
      : `Cross-checks FAILED (${failures.length} of ${checkCount}):\n- ${failures
          .map((f) => `${f.case}: ${f.check}${f.detail ? ` (${f.detail})` : ""}`)
          .join("\n- ")}`,
  );
  console.log(sections.join("\n\n"));

  const out = values.out ?? join(root, "bench", "results.json");
  const results = {
    schemaVersion: 1,
    date,
    machine,
    quick: values.quick,
    filter: values.filter ?? null,
    options: { ...options, onProgress: undefined },
    protobufjs: { mode: protobufjs.mode, note: protobufjs.note ?? null },
    durationSeconds: Math.round((Date.now() - started) / 1000),
    loadAverage: { start: loadAtStart, end: loadAtEnd },
    execArgv: process.execArgv,
    messages,
    ratios,
    imageReference: images
      ? { probes: Object.fromEntries(images.probes), inputs: imageResults }
      : null,
    checks: cases.flatMap((p) => p.checks),
  };
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  options.onProgress?.(`wrote ${out} (${results.durationSeconds} s)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
