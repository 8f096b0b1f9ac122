#!/usr/bin/env node
// Start-up of the CLI: `check` of one file against a bare `node -e ''`, run interleaved (one of
// each per round, so load on a shared machine hits both alike) and summarized as the median of
// the per-round ratios. The budget (issue "What a new user trips on", item 5) is a ratio of 2.
//
//   node bench/startup.mjs [--rounds N] [--cli dist/src/cli/main.js] [--file examples/docker-task.json]
//
// Needs a build (`npm run build`). Prints one line per measurement and the verdict; exit code 0
// whatever the reading (this is a bench, not a test).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BUDGET = 2;

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "30" },
    cli: { type: "string", default: "dist/src/cli/main.js" },
    file: { type: "string", default: "examples/docker-task.json" },
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

function time(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: "ignore" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
  return ms;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const bare = ["-e", ""];
const check = [cli, "check", values.file];
// Warm the file system cache for both before measuring.
for (let i = 0; i < 3; i++) {
  time(bare);
  time(check);
}

const bareMs = [];
const checkMs = [];
const ratios = [];
for (let i = 0; i < rounds; i++) {
  // Alternate which runs first, so neither always gets the warmer slot.
  const [a, b] = i % 2 === 0 ? [time(bare), time(check)] : [time(check), time(bare)].reverse();
  bareMs.push(a);
  checkMs.push(b);
  ratios.push(b / a);
}

const ratio = median(ratios);
const fmt = (ms) => `${ms.toFixed(1)} ms`;
console.log(`node -e '':                  median ${fmt(median(bareMs))} over ${rounds} runs`);
console.log(`check ${values.file}: median ${fmt(median(checkMs))} over ${rounds} runs`);
console.log(
  `start-up ratio (median of per-round ratios): ${ratio.toFixed(2)}x; budget ${BUDGET}x: ${
    ratio <= BUDGET ? "within" : "over"
  }`,
);
