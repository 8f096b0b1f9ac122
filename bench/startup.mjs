#!/usr/bin/env node
// Start-up of the CLI: `check` of one file against a bare `node -e ''`, run interleaved (one of
// each per round, so load on a shared machine hits both alike) and summarized as the median of
// the per-round ratios. The budget (issue "What a new user trips on", item 5) is a ratio of 2.
//
// Two readings: wall-clock time (what a user waits) and CPU time (user + system, read in the
// child at exit through a one-line preload given to both commands alike), which waiting for a
// busy CPU does not inflate, so it stays comparable on a loaded machine.
//
//   node bench/startup.mjs [--rounds N] [--cli dist/src/cli/main.js] [--file FILE]... [--bundle]
//
// By default two files are checked: a seed task (examples/docker-task.json), which must not load
// the Mesos 1.11 schema once it is lazily bound (not yet: see test/cli/lazy-loading.test.ts), and a Mesos 1.11 task (examples/v1-docker-task.json), which loads
// it on demand (dynamic import()); the budget is about the first.
//
// --bundle also measures the same CLI bundled into one file (plus one chunk per lazily loaded
// command) with rolldown, minified, in a temporary directory: the alternative to shipping ~140
// modules, for deciding whether to ship a bundle. rolldown is not a dependency of this package
// (it comes with vitest's vite); without it the option says so and measures the build as is.
//
// Needs a build (`npm run build`). Prints the readings and the verdict; exit code 0 whatever the
// reading (this is a bench, not a test).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BUDGET = 2;

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "30" },
    cli: { type: "string", default: "dist/src/cli/main.js" },
    file: {
      type: "string",
      multiple: true,
      default: ["examples/docker-task.json", "examples/v1-docker-task.json"],
    },
    bundle: { type: "boolean", default: false },
  },
});
const rounds = Number(values.rounds);
const cli = resolve(ROOT, values.cli);
if (!existsSync(cli)) {
  console.error(`no built CLI at ${cli}: run \`npm run build\` first`);
  process.exit(2);
}

// A clean environment: no colour variables, no NODE_OPTIONS that would load extra modules.
const env = { PATH: process.env.PATH ?? "", NO_COLOR: "1" };

// The preload: CommonJS, no imports, so it adds the same few microseconds to both commands.
const work = mkdtempSync(join(tmpdir(), "mesos-dockerinfo-startup-"));
const preload = join(work, "cpu.cjs");
writeFileSync(
  preload,
  'process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\ncpu-us:"+(u.user+u.system)+"\\n")});\n',
);
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

/** One run: wall-clock and CPU milliseconds. */
function time(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--require", preload, ...args], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  // 0 valid, 1 invalid: both are a finished check (the v1 example is invalid until the
  // Mesos 1.11 launch paths land); anything else is a failure to measure.
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const cpu = Number(/cpu-us:(\d+)/.exec(r.stderr)?.[1]) / 1000;
  return { wall, cpu };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The CLI bundled by rolldown into `work`, or undefined when rolldown cannot be loaded. */
async function bundle() {
  let rolldown;
  try {
    rolldown = await import("rolldown");
  } catch {
    console.log("--bundle: rolldown cannot be loaded here; measuring the build as is only");
    return undefined;
  }
  const dir = join(work, "bundle");
  await rolldown.build({
    input: cli,
    output: { dir, format: "esm", minify: true },
    platform: "node",
    logLevel: "silent",
  });
  return join(dir, "main.js");
}

const candidates = [["build", cli]];
if (values.bundle) {
  const bundled = await bundle();
  if (bundled !== undefined) candidates.push(["bundle", bundled]);
}

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
    `${name}: check ${file} vs node -e '': ${rounds} interleaved rounds, load average ${loadavg()[0].toFixed(1)}`,
  );
  for (const kind of ["wall", "cpu"]) {
    const bareMs = runs.bare.map((run) => run[kind]);
    const checkMs = runs.check.map((run) => run[kind]);
    const ratio = median(checkMs.map((ms, i) => ms / bareMs[i]));
    console.log(
      `  ${kind.padEnd(4)}: node -e '' ${fmt(median(bareMs))}, check ${fmt(median(checkMs))}; ratio ${ratio.toFixed(2)}x (budget ${BUDGET}x: ${ratio <= BUDGET ? "within" : "over"})`,
    );
  }
}
