// Start-up: what each command loads. The v1 schema (three times the seed's descriptors), its
// support (src/mesos-v1: rules, launch resolver, codecs) and the conversion code are imported only
// when an input needs them; --help and `rules` load neither schema. Module loads are recorded by a
// loader hook (ES modules) or from the CommonJS module cache (the bundle is CommonJS) in a spawned
// process: the only way to see loading as a user's process does it.
// Two builds: tsc's module tree (dist/src/cli/main.js, one file per module, so a failure names
// the module and its importer) and the shipped bin (package.json "bin": the rolldown bundle of
// scripts/bundle-cli.mjs, whose chunks are named for what they hold). The time itself is a bench
// (bench/startup.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, ROOT } from "./run-cli.js";

// The shipped bin, as npm links it.
const BIN = join(
  ROOT,
  (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> })
    .bin["mesos-dockerinfo"] ?? "",
);

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

// CommonJS: every module in require.cache at exit, with the module that required it first.
const record = join(work, "record.cjs");
writeFileSync(
  record,
  `process.on("exit", () => {
  const lines = [];
  for (const m of Object.values(require.cache)) {
    lines.push(m.filename + "\\t");
    for (const child of m.children) lines.push(child.filename + "\\t" + m.filename);
  }
  require("node:fs").writeFileSync(process.env.MODULE_LOG, lines.join("\\n"));
});
`,
);

let runs = 0;

interface Load {
  /** The module, relative to the package root. */
  readonly module: string;
  /** The module that imported it first (relative too). */
  readonly importer: string;
}

/** The package's own modules `cli` loads for `args`, in load order. */
function modulesLoadedBy(args: readonly string[], cli = CLI): Load[] {
  return run(args, cli).loads;
}

/** Runs `cli` with `args`: its exit status, stdout and the package's own modules it loaded. */
function run(
  args: readonly string[],
  cli = CLI,
): { status: number | null; stdout: string; loads: Load[] } {
  if (!existsSync(cli)) throw new Error(`no built CLI at ${cli}: run \`npm run build\``);
  const log = join(work, `modules-${runs++}.txt`);
  writeFileSync(log, "");
  const preload = cli.endsWith(".cjs") ? ["--require", record] : ["--import", register];
  const r = spawnSync(process.execPath, [...preload, cli, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", MODULE_LOG: log },
    encoding: "utf8",
  });
  expect(r.status, r.stderr).not.toBe(2);
  const loads = new Map<string, string>();
  for (const line of readFileSync(log, "utf8").split("\n")) {
    const [module = "", parent = ""] = line.split("\t").map(local);
    if (module === "" || loads.has(module)) continue;
    loads.set(module, parent);
  }
  return {
    status: r.status,
    stdout: r.stdout,
    loads: [...loads].map(([module, importer]) => ({ module, importer })),
  };
}

/** A module URL or path relative to the package root ("" for anything outside it). */
function local(location: string): string {
  const path = location.startsWith("file:") ? fileURLToPath(location) : location;
  const inside = relative(ROOT, path);
  return path === "" || inside.startsWith("..") || isAbsolute(inside)
    ? ""
    : inside.split(sep).join("/");
}

/** `module (imported by importer)` for each load matching `pattern`: what a failure names. */
function matching(loads: readonly Load[], pattern: RegExp): string[] {
  return loads
    .filter((load) => pattern.test(load.module))
    .map((load) => `${load.module} (imported by ${load.importer})`);
}

const names = (loads: readonly Load[]) => loads.map((load) => load.module);

// The generated key lists (gen/**/*_keys.js: plain strings, no descriptor) are the one part of
// gen/mesos/v1 every JSON check reads: schema detection compares an input's keys with them.
const V1_SCHEMA = /^dist\/(gen\/mesos\/v1\/(?!.*_keys\.js$)|src\/v1\/|src\/mesos-v1\/)/;
const ANY_SCHEMA = /^dist\/gen\//;
const CONVERT = /^dist\/src\/convert\//;
const V1_CODECS = /^dist\/(gen\/mesos\/v1\/.*_codec\.js|src\/mesos-v1\/codecs\/)/;
const V1_BINARY = "test/fixtures/v1/docker-task.binpb";

describe("lazy loading (built bin)", () => {
  it("check of a seed file loads the seed schema, and no conversion code", () => {
    const loaded = modulesLoadedBy(["check", "examples/docker-task.json"]);
    expect(names(loaded)).toContain("dist/gen/mesos/mesos_pb.js");
    expect(matching(loaded, V1_SCHEMA)).toEqual([]);
    expect(matching(loaded, CONVERT)).toEqual([]);
  });

  it("check of a Mesos 1.11 file loads the v1 schema and its support", () => {
    const loaded = modulesLoadedBy(["check", "examples/v1-docker-task.json"]);
    expect(names(loaded)).toContain("dist/gen/mesos/v1/mesos_pb.js");
    expect(names(loaded)).toContain("dist/src/mesos-v1/index.js");
    expect(matching(loaded, V1_SCHEMA).length).toBeGreaterThan(0);
    expect(matching(loaded, CONVERT)).toEqual([]);
    // The 13k lines of generated v1 codecs are for speed only: the CLI never loads them.
    expect(matching(loaded, V1_CODECS)).toEqual([]);
  });

  it("check of a Mesos 1.11 binary file reads it without the generated v1 codecs", () => {
    const loaded = modulesLoadedBy(["check", "--type", "TaskInfo", V1_BINARY]);
    expect(names(loaded)).toContain("dist/src/mesos-v1/index.js");
    expect(matching(loaded, V1_CODECS)).toEqual([]);
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

// The bundle's chunks (scripts/bundle-cli.mjs names them): the seed schema and the verbs, the
// Mesos 1.11 schema and support, the conversion code.
const SEED_CHUNK = "dist/cli/chunks/library.cjs";
const V1_CHUNK = /^dist\/cli\/chunks\/library-v1\.cjs$/;
const CONVERT_CHUNK = /^dist\/cli\/chunks\/library-convert\.cjs$/;
const LIBRARY_CHUNKS = /^dist\/cli\/chunks\/library/;
// What a check of JSON does not run, so does not parse either: the binary codec, the writers.
const BINARY_CHUNK = /^dist\/cli\/chunks\/library-binary\.cjs$/;
const WRITE_CHUNK = /^dist\/cli\/chunks\/library-write\.cjs$/;

describe("lazy loading (shipped bin)", () => {
  it("is a bundle: it loads no module of the tsc build", () => {
    const loaded = modulesLoadedBy(["check", "examples/docker-task.json"], BIN);
    expect(names(loaded)[0]).toBe(BIN.slice(ROOT.length + 1));
    expect(matching(loaded, /^dist\/(src|gen)\//)).toEqual([]);
  });

  it("check of a seed file loads the seed chunk, not the Mesos 1.11 or conversion chunks", () => {
    const { status, stdout, loads } = run(["check", "examples/docker-task.json"], BIN);
    expect(status).toBe(0);
    expect(stdout).toContain("docker-task.json (TaskInfo, mesos): valid");
    expect(names(loads)).toContain(SEED_CHUNK);
    expect(matching(loads, V1_CHUNK)).toEqual([]);
    expect(matching(loads, CONVERT_CHUNK)).toEqual([]);
    expect(matching(loads, BINARY_CHUNK)).toEqual([]);
    expect(matching(loads, WRITE_CHUNK)).toEqual([]);
  });

  /** The start of each generated file's embedded base64 descriptor. */
  const EMBEDDED = ["gen/mesos/mesos_pb.ts", "gen/mesos/v1/mesos_pb.ts"].map((path) => {
    const b64 = /fileDesc\("([A-Za-z0-9+/=]{40})/.exec(readFileSync(join(ROOT, path), "utf8"))?.[1];
    if (b64 === undefined) throw new Error(`${path}: no embedded descriptor`);
    return b64;
  });

  it("hydrates the schemas without descriptor.proto (src/schema/embedded-file.ts, not protobuf-es's boot)", () => {
    // protoc-gen-es's fileDesc would first build descriptor.proto's own descriptors, which
    // carry its file name; the bundle points the generated files at a fileDesc that does not.
    const chunks = readdirSync(join(ROOT, "dist/cli/chunks"));
    expect(chunks).toContain("library.cjs");
    for (const chunk of chunks) {
      const text = readFileSync(join(ROOT, "dist/cli/chunks", chunk), "utf8");
      expect(text.includes("google/protobuf/descriptor.proto"), chunk).toBe(false);
      // The schemas travel as JSON text, not as protoc-gen-es's base64.
      for (const b64 of EMBEDDED) expect(text.includes(b64), chunk).toBe(false);
    }
    const library = readFileSync(join(ROOT, "dist/cli/chunks/library.cjs"), "utf8");
    expect(library).toContain('"name":"mesos/mesos.proto"');
    // And the schemas it hydrates are whole: a v1 task checks through the same path.
    const { status, stdout } = run(["check", "examples/v1-docker-task.json"], BIN);
    expect(status).toBe(0);
    expect(stdout).toContain("(TaskInfo, mesos.v1): valid");
  });

  it("check of a binary seed file loads the binary codec chunk, not the writers", () => {
    const { status, stdout, loads } = run(["check", "examples/docker-task.pb"], BIN);
    expect(status).toBe(0);
    expect(stdout).toContain("docker-task.pb (TaskInfo, mesos): valid");
    expect(matching(loads, BINARY_CHUNK).length).toBe(1);
    expect(matching(loads, WRITE_CHUNK)).toEqual([]);
  });

  it("check of a Mesos 1.11 file loads the v1 chunk, and its rules and launch resolver apply", () => {
    // Valid, with a launch path: the v1 support registered itself through the bundle (a bundler
    // that took src/mesos-v1 for side-effect free would leave v1 tasks unresolvable).
    const { status, stdout, loads } = run(["check", "examples/v1-docker-task.json"], BIN);
    expect(status).toBe(0);
    expect(stdout).toContain("v1-docker-task.json (TaskInfo, mesos.v1): valid");
    expect(stdout).toContain("launch: Docker task");
    expect(matching(loads, V1_CHUNK).length).toBe(1);
    expect(matching(loads, CONVERT_CHUNK)).toEqual([]);
  });

  it("check of a Mesos 1.11 binary file gives what its JSON gives (the reflective codec reads it)", () => {
    const json = run(["check", "--reporter", "json", "test/fixtures/v1/docker-task.json"], BIN);
    const binary = run(["check", "--reporter", "json", "--type", "TaskInfo", V1_BINARY], BIN);
    expect(binary.status).toBe(json.status);
    const report = (stdout: string) => {
      const file = JSON.parse(stdout).files[0];
      return { schema: file.schema, status: file.status, launch: file.launch, argv: file.argv };
    };
    expect(report(binary.stdout)).toEqual(report(json.stdout));
    expect(report(binary.stdout).schema).toBe("mesos.v1");
  });

  it("convert --to v1 loads the conversion chunk", () => {
    const out = join(work, "bin-task.pb");
    const loaded = modulesLoadedBy(
      ["convert", "--to", "v1", "examples/docker-task.json", out],
      BIN,
    );
    expect(matching(loaded, CONVERT_CHUNK).length).toBe(1);
    expect(matching(loaded, WRITE_CHUNK).length).toBe(1);
  });

  it("--help and rules load no library chunk", () => {
    for (const args of [["--help"], ["rules"], ["check", "--help"]]) {
      expect(matching(modulesLoadedBy(args, BIN), LIBRARY_CHUNKS)).toEqual([]);
    }
  });
});

describe("the library build", () => {
  it("the package root loads the Mesos 1.11 support: a v1 task resolves", () => {
    // Spawned, since this test file's own process has the support loaded (vitest setupFiles).
    const script = `import { readFileSync } from "node:fs";
import { fromMesosJson, resolveLaunch } from "./dist/src/index.js";
import { TaskInfoSchema } from "./dist/src/v1/index.js";
const task = fromMesosJson(TaskInfoSchema, readFileSync("examples/v1-docker-task.json", "utf8"));
const result = resolveLaunch(task);
console.log(JSON.stringify(result.success ? result.data.kind : result.issues));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "" },
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toBe("docker-task");
  });

  it("the package root registers the generated Mesos 1.11 codecs (src/mesos-v1/codecs)", () => {
    const script = `import "./dist/src/index.js";
import { generatedSchemas } from "./dist/src/codec/generated/index.js";
console.log(JSON.stringify(generatedSchemas().map((d) => d.typeName)));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "" },
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    const names: string[] = JSON.parse(r.stdout);
    expect(names).toContain("mesos.TaskInfo");
    expect(names).toContain("mesos.v1.TaskInfo");
    expect(names).toContain("mesos.v1.scheduler.Call");
  });
});
