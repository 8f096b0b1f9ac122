// Start-up: what each command loads. The v1 schema (three times the seed's descriptors) and the
// conversion code are imported only when an input needs them; --help and `rules` load neither
// schema. Module loads are recorded by a loader hook in a spawned, built bin: the only way to see
// ESM loading as a user's process does it. The time itself is a bench (bench/startup.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, ROOT } from "./run-cli.js";

const work = mkdtempSync(join(tmpdir(), "mesos-dockerinfo-lazy-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const hooks = join(work, "hooks.mjs");
writeFileSync(
  hooks,
  `import { appendFileSync } from "node:fs";
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) {
  appendFileSync(log, url + "\\n");
  return next(url, context);
}
`,
);
const register = join(work, "register.mjs");
writeFileSync(
  register,
  `import { register } from "node:module";
register(${JSON.stringify(pathToFileURL(hooks).href)}, import.meta.url, { data: { log: process.env.MODULE_LOG } });
`,
);

let runs = 0;

/** The module URLs the built bin loads for `args`, relative to the package root. */
function modulesLoadedBy(args: readonly string[]): string[] {
  if (!existsSync(CLI)) throw new Error(`no built CLI at ${CLI}: run \`npm run build\``);
  const log = join(work, `modules-${runs++}.txt`);
  writeFileSync(log, "");
  const r = spawnSync(process.execPath, ["--import", register, CLI, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", MODULE_LOG: log },
    encoding: "utf8",
  });
  expect(r.status, r.stderr).not.toBe(2);
  const root = pathToFileURL(ROOT).href;
  return readFileSync(log, "utf8")
    .split("\n")
    .filter((url) => url.startsWith(root))
    .map((url) => url.slice(root.length + 1));
}

const V1_SCHEMA = /^dist\/(gen\/mesos\/v1\/|src\/v1\/)/;
const ANY_SCHEMA = /^dist\/gen\//;
const CONVERT = /^dist\/src\/convert\//;

describe("lazy loading (built bin)", () => {
  it("check of a seed file loads the seed schema only, and no conversion code", () => {
    const loaded = modulesLoadedBy(["check", "examples/docker-task.json"]);
    expect(loaded).toContain("dist/gen/mesos/mesos_pb.js");
    expect(loaded.filter((m) => V1_SCHEMA.test(m))).toEqual([]);
    expect(loaded.filter((m) => CONVERT.test(m))).toEqual([]);
  });

  it("check of a Mesos 1.11 file loads the v1 schema", () => {
    const loaded = modulesLoadedBy(["check", "examples/v1/docker-task.json"]);
    expect(loaded).toContain("dist/gen/mesos/v1/mesos_pb.js");
    expect(loaded.filter((m) => CONVERT.test(m))).toEqual([]);
  });

  it("convert --to v1 loads the conversion code", () => {
    const out = join(work, "task.pb");
    const loaded = modulesLoadedBy(["convert", "--to", "v1", "examples/docker-task.json", out]);
    expect(loaded.some((m) => CONVERT.test(m))).toBe(true);
  });

  it("--help and rules load no schema", () => {
    for (const args of [["--help"], ["rules"], ["check", "--help"]]) {
      expect(modulesLoadedBy(args).filter((m) => ANY_SCHEMA.test(m))).toEqual([]);
    }
  });
});
