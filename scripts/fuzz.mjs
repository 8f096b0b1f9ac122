#!/usr/bin/env node
// npm run fuzz -- [--runs N] [--seed N] [--path P] [--filter NAME] [FILE...]
//
// Runs the property suite of test/testing at depth: FUZZ_RUNS=N makes every property run N
// times (properties whose runs are batches count messages), through vitest with
// vitest.fuzz.config.ts. Each property appends a record to a report file; afterwards this script
// prints runs per second per property and, for every failure, its seed and path with the command
// that replays it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

const USAGE = `Usage: npm run fuzz -- [options] [test file filter...]

Runs every property of test/testing N times and reports runs per second.

Options:
  -r, --runs N       runs per property (default 10000)
  -s, --seed N       fast-check seed, to replay a failure (write negative seeds as --seed=-N)
  -p, --path P       fast-check path of a failing run, to replay it (needs --filter)
  -t, --filter NAME  only properties whose name contains NAME
  -h, --help         this help

Every failure prints its seed and path and the command that replays it.`;

function fail(message) {
  process.stderr.write(`fuzz: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: "string", short: "r", default: "10000" },
      seed: { type: "string", short: "s" },
      path: { type: "string", short: "p" },
      filter: { type: "string", short: "t" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (error) {
  fail(error.message);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const runs = Number(values.runs);
if (!Number.isSafeInteger(runs) || runs < 1)
  fail(`--runs must be a positive integer, got ${values.runs}`);
if (values.seed !== undefined && !Number.isSafeInteger(Number(values.seed))) {
  fail(`--seed must be an integer, got ${values.seed}`);
}
if (values.path !== undefined && !/^\d+(:\d+)*$/.test(values.path)) {
  fail(`--path must look like 12:0:3 (as printed by a failure), got ${values.path}`);
}
if (values.path !== undefined && (values.filter === undefined || values.seed === undefined)) {
  fail("--path replays one failure: give it with the --filter and --seed printed beside it");
}

const dir = mkdtempSync(join(tmpdir(), "mesos-dockerinfo-fuzz-"));
const report = join(dir, "report.jsonl");
const env = { ...process.env, FUZZ_RUNS: String(runs), FUZZ_REPORT: report };
if (values.seed !== undefined) env.FUZZ_SEED = values.seed;
if (values.path !== undefined) env.FUZZ_PATH = values.path;

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const args = ["run", "--config", "vitest.fuzz.config.ts", ...positionals];
if (values.filter !== undefined) args.push("--testNamePattern", escapeRegExp(values.filter));

process.stdout.write(
  `fuzz: ${runs} runs per property${values.seed === undefined ? "" : `, seed ${values.seed}`}${values.path === undefined ? "" : `, path ${values.path}`}\n`,
);
const vitest = join(ROOT, "node_modules", ".bin", "vitest");
const result = spawnSync(vitest, args, { cwd: ROOT, env, stdio: "inherit" });
if (result.error) {
  rmSync(dir, { recursive: true, force: true });
  fail(`cannot run vitest: ${result.error.message}`);
}

let records = [];
try {
  records = readFileSync(report, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line));
} catch {
  // No property ran (e.g. the filter matched nothing, or a file failed to load).
}
rmSync(dir, { recursive: true, force: true });

if (records.length === 0) {
  process.stdout.write("\nfuzz: no property reported a result\n");
} else {
  const width = Math.min(72, Math.max(8, ...records.map((r) => r.name.length)));
  const pad = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
  const lines = [
    `${pad("property", width)}  ${"runs".padStart(9)}  ${"seconds".padStart(8)}  ${"runs/s".padStart(9)}  result`,
  ];
  for (const r of records) {
    const seconds = r.ms / 1000;
    const rate = seconds > 0 ? Math.round(r.runs / seconds) : r.runs;
    lines.push(
      `${pad(r.name, width)}  ${String(r.runs).padStart(9)}  ${seconds.toFixed(2).padStart(8)}  ${String(rate).padStart(9)}  ${r.failed ? "FAILED" : "ok"}`,
    );
  }
  lines.push("(runs of batched properties count messages, not batches)");
  process.stdout.write(`\n${lines.join("\n")}\n`);
  const failures = records.filter((r) => r.failed);
  for (const r of failures) {
    const path = r.path === undefined ? "" : ` --path=${r.path}`;
    process.stdout.write(
      `\nFAILED ${r.name}\n  seed ${r.seed}${r.path === undefined ? "" : `, path ${r.path}`}\n  replay: npm run fuzz -- --filter ${JSON.stringify(r.name)} --seed=${r.seed}${path}\n`,
    );
  }
}
process.exit(result.status ?? 1);
