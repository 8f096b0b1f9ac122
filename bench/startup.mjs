#!/usr/bin/env node
// Start-up of the CLI: `check` of one file against a bare `node -e ''`, run interleaved (one of
// each per round, so load on a shared machine hits both alike) and summarized as the median of
// the per-round ratios. The budget (issue 16, "What a new user trips on", item 5) is a ratio of 2.
//
// Two readings: wall-clock time (what a user waits; the verdict), of plain runs, and CPU time
// (user + system, read in the child at exit through a one-line preload given to both commands
// alike, in separate runs), which waiting for a busy CPU does not inflate, so it stays comparable
// on a loaded machine. The preload costs a bare start ~10 ms, so it is kept out of the wall runs.
//
//   node bench/startup.mjs [--rounds N] [--cli PATH] [--file FILE]... [--unbundled] [--cold]
//
// By default it measures the shipped bin (package.json "bin": dist/cli/mesos-dockerinfo.cjs, the
// rolldown bundle scripts/bundle-cli.mjs builds) on two files: a seed task
// (examples/docker-task.json), which loads only the seed chunk, and a Mesos 1.11 task
// (examples/v1-docker-task.json), which also loads the v1 chunk on demand (dynamic import()); the
// budget is about the first. --unbundled adds the same runs of tsc's module tree
// (dist/src/cli/main.js, ~110 of our modules and ~65 of protobuf-es for a seed check), the
// alternative the bundle replaced.
//
// The bin keeps V8's compiled code between runs (Node >= 22.1: module.enableCompileCache; older
// Node: src/cli/compile-cache.ts, for its own chunks), so from the second run on V8 compiles
// little; the warm-up rounds below write that cache, and the readings are of warm runs, as a user
// who runs the bin more than once sees them. --cold measures without it
// (NODE_DISABLE_COMPILE_CACHE=1 for both commands): every run compiles everything, as a first run.
// The bundle hydrates the schemas without descriptor.proto (src/schema/embedded-file.ts); most of
// what a check costs above a bare start is protobuf-es building the schema's descriptors
// (createFileRegistry), compiling the validation plans, and the check itself. The CHANGELOG has
// the readings.
//
// Needs a build (`npm run build`). Prints the readings and the verdict; exit code 0 whatever the
// reading (this is a bench, not a test).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BUDGET = 2;
// The bin npm links, read from package.json so the bench follows what ships.
const BIN = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).bin["mesos-dockerinfo"];
const UNBUNDLED = "dist/src/cli/main.js";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "30" },
    cli: { type: "string", default: BIN },
    file: {
      type: "string",
      multiple: true,
      default: ["examples/docker-task.json", "examples/v1-docker-task.json"],
    },
    unbundled: { type: "boolean", default: false },
    cold: { type: "boolean", default: false },
  },
});
const rounds = Number(values.rounds);
const cli = resolve(ROOT, values.cli);
if (!existsSync(cli)) {
  console.error(`no built CLI at ${cli}: run \`npm run build\` first`);
  process.exit(2);
}

// A clean environment: no colour variables, no NODE_OPTIONS that would load extra modules.
const env = {
  PATH: process.env.PATH ?? "",
  NO_COLOR: "1",
  ...(values.cold ? { NODE_DISABLE_COMPILE_CACHE: "1" } : {}),
};

// The preload: CommonJS, no imports, so it adds the same few microseconds to both commands.
const work = mkdtempSync(join(tmpdir(), "mesos-dockerinfo-startup-"));
const preload = join(work, "cpu.cjs");
writeFileSync(
  preload,
  'process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\ncpu-us:"+(u.user+u.system)+"\\n")});\n',
);
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

/**
 * One run of `args`: wall-clock milliseconds of a plain run, and CPU milliseconds of a second run
 * with the preload. Two runs, because the preload is not free: it makes Node start its CommonJS
 * loader for a bare `node -e ''` too (~10 ms wall here), which would shrink the wall ratio. The
 * CPU reading keeps that bias (both commands pay it alike); the verdict is the wall ratio.
 */
function time(args) {
  return { wall: run(args, false).wall, cpu: run(["--require", preload, ...args], true).cpu };
}

function run(args, readCpu) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  // 0 valid, 1 invalid: both are a finished check; anything else is a failure to measure.
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const cpu = readCpu ? Number(/cpu-us:(\d+)/.exec(r.stderr)?.[1]) / 1000 : Number.NaN;
  return { wall, cpu };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const candidates = [[values.cli === BIN ? "bin" : "cli", cli]];
if (values.unbundled) candidates.push(["unbundled", resolve(ROOT, UNBUNDLED)]);

for (const [name, path] of candidates) {
  for (const file of values.file) measure(name, path, file);
}

function measure(name, path, file) {
  const bare = ["-e", ""];
  const check = [path, "check", file];
  // Warm the file system cache for both before measuring.
  for (let i = 0; i < 3; i++) {
    time(bare);
    time(check);
  }

  const runs = { bare: [], check: [] };
  for (let i = 0; i < rounds; i++) {
    // Alternate which runs first, so neither always gets the warmer slot.
    if (i % 2 === 0) {
      runs.bare.push(time(bare));
      runs.check.push(time(check));
    } else {
      runs.check.push(time(check));
      runs.bare.push(time(bare));
    }
  }

  const fmt = (ms) => `${ms.toFixed(1)} ms`;
  console.log(
    `${name}${values.cold ? " (cold: no compile cache)" : ""}: check ${file} vs node -e '': ${rounds} interleaved rounds, load average ${loadavg()[0].toFixed(1)}`,
  );
  for (const kind of ["wall", "cpu"]) {
    const bareMs = runs.bare.map((run) => run[kind]);
    const checkMs = runs.check.map((run) => run[kind]);
    const ratio = median(checkMs.map((ms, i) => ms / bareMs[i]));
    console.log(
      `  ${kind.padEnd(4)}: node -e '' ${fmt(median(bareMs))}, check ${fmt(median(checkMs))}; ratio ${ratio.toFixed(2)}x${kind === "wall" ? ` (budget ${BUDGET}x: ${ratio <= BUDGET ? "within" : "over"})` : " (both with the preload)"}`,
    );
  }
}
