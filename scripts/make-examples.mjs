#!/usr/bin/env node
// Regenerates the binary examples from their JSON twins with the package's own CLI (strict JSON
// decode, then encode), so the .pb files are always exactly what our encoder writes.
// test/cli/examples.test.ts fails when a .pb no longer equals encode(fromMesosJson(json)).
//
//   npm run build && node scripts/make-examples.mjs
//   MESOS_DOCKERINFO_CLI=/tmp/cli-dist/src/cli/main.js node scripts/make-examples.mjs
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cli = resolve(root, process.env.MESOS_DOCKERINFO_CLI ?? "dist/src/cli/main.js");

/** [JSON source, binary target], relative to the repository root. */
const BINARY_EXAMPLES = [["examples/docker-task.json", "examples/docker-task.pb"]];

for (const [json, pb] of BINARY_EXAMPLES) {
  const args = [cli, "convert", "--from", "json", "--to", "binary", json, pb];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    process.exitCode = result.status ?? 1;
    break;
  }
  process.stdout.write(`wrote ${pb} from ${json}\n`);
}
