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
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(log, resolved.url + "\\t" + (context.parentURL ?? "") + "\\n");
  return resolved;
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

interface Load {
  /** The module, relative to the package root. */
  readonly module: string;
  /** The module that imported it first (relative too). */
  readonly importer: string;
}

/** The package's own modules the built bin loads for `args`, in load order. */
function modulesLoadedBy(args: readonly string[]): Load[] {
  if (!existsSync(CLI)) throw new Error(`no built CLI at ${CLI}: run \`npm run build\``);
  const log = join(work, `modules-${runs++}.txt`);
  writeFileSync(log, "");
  const r = spawnSync(process.execPath, ["--import", register, CLI, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", MODULE_LOG: log },
    encoding: "utf8",
  });
  expect(r.status, r.stderr).not.toBe(2);
  const root = `${pathToFileURL(ROOT).href}/`;
  const loads = new Map<string, string>();
  for (const line of readFileSync(log, "utf8").split("\n")) {
    const [url = "", parent = ""] = line.split("\t");
    if (!url.startsWith(root) || loads.has(url)) continue;
    loads.set(url, parent.startsWith(root) ? parent.slice(root.length) : parent);
  }
  return [...loads].map(([url, importer]) => ({ module: url.slice(root.length), importer }));
}

/** `module (imported by importer)` for each load matching `pattern`: what a failure names. */
function matching(loads: readonly Load[], pattern: RegExp): string[] {
  return loads
    .filter((load) => pattern.test(load.module))
    .map((load) => `${load.module} (imported by ${load.importer})`);
}

const names = (loads: readonly Load[]) => loads.map((load) => load.module);

const V1_SCHEMA = /^dist\/(gen\/mesos\/v1\/|src\/v1\/)/;
const ANY_SCHEMA = /^dist\/gen\//;
const CONVERT = /^dist\/src\/convert\//;

describe("lazy loading (built bin)", () => {
  it("check of a seed file loads the seed schema, and no conversion code", () => {
    const loaded = modulesLoadedBy(["check", "examples/docker-task.json"]);
    expect(names(loaded)).toContain("dist/gen/mesos/mesos_pb.js");
    // Not yet: the Mesos 1.11 descriptors still load for a seed file, because the v1 rule table
    // (src/rules/mesos-v1.ts), the v1 launch path and the generated-codec registry import them
    // statically. Making them load on first v1 use is open work (start-up budget, issue 16).
    expect(matching(loaded, CONVERT)).toEqual([]);
  });

  it("check of a Mesos 1.11 file loads the v1 schema", () => {
    const loaded = modulesLoadedBy(["check", "examples/v1-docker-task.json"]);
    expect(names(loaded)).toContain("dist/gen/mesos/v1/mesos_pb.js");
    expect(matching(loaded, V1_SCHEMA).length).toBeGreaterThan(0);
    expect(matching(loaded, CONVERT)).toEqual([]);
  });

  it("convert --to v1 loads the conversion code", () => {
    const out = join(work, "task.pb");
    const loaded = modulesLoadedBy(["convert", "--to", "v1", "examples/docker-task.json", out]);
    expect(matching(loaded, CONVERT).length).toBeGreaterThan(0);
  });

  it("--help and rules load no schema", () => {
    for (const args of [["--help"], ["rules"], ["check", "--help"]]) {
      expect(matching(modulesLoadedBy(args), ANY_SCHEMA)).toEqual([]);
    }
  });
});
