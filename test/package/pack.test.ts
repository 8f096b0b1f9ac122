// The published artifact, as a user gets it: `npm pack` the package (with its prepack/postpack
// scripts, as `npm publish` runs them), unpack the tarball into fresh ESM, CommonJS and TypeScript
// projects (nodenext, bundler, node16-CJS, node10), and create + encode a TaskInfo in each; and
// install it with npm, offline, beside a consumer's own @bufbuild/protobuf. Needs `dist/` (built
// by `npm test` before vitest runs).
import { execFile, execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, posix, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "../helpers/buf.js";

let work: string;
let tarball: string;
// The checkout's package.json before and after `npm pack`, and the packed one.
let manifestBefore: string;
let manifestAfter: string;
let packed: PackedManifest;
// Every path in the tarball, without the leading "package/".
let files: string[];

interface PackedManifest {
  scripts?: Record<string, string>;
  engines?: { node?: string };
  repository?: { url?: string };
  bugs?: { url?: string };
  homepage?: string;
  keywords?: string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  typesVersions?: Record<string, Record<string, string[]>>;
}
// The encoding of the task every consumer builds, written out by hand:
// name=1 "a" | task_id=2 {value "j"} | slave_id=3 {value "s"} |
// resources=4 {name "cpus", type SCALAR=0, scalar {value 2.0}} | container=9 {type DOCKER, docker=100 {image "busybox"}}
const EXPECTED_HEX = [
  "0a0161",
  "12030a016a",
  "1a030a0173",
  "2213",
  "0a0463707573",
  "1000",
  "1a09",
  "09",
  "0000000000000040",
  "4a0e",
  "0801",
  "a20609",
  "0a07",
  Buffer.from("busybox").toString("hex"),
].join("");

function consumer(name: string, pkg: object, sources: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(join(dir, "node_modules", "@bufbuild"), { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", join(dir, "node_modules")]);
  execFileSync("mv", [
    join(dir, "node_modules", "package"),
    join(dir, "node_modules", "mesos-dockerinfo"),
  ]);
  // The one runtime dependency, as npm would install it.
  symlinkSync(
    resolve(ROOT, "node_modules/@bufbuild/protobuf"),
    join(dir, "node_modules/@bufbuild/protobuf"),
  );
  // The optional peer of mesos-dockerinfo/testing.
  symlinkSync(resolve(ROOT, "node_modules/fast-check"), join(dir, "node_modules/fast-check"));
  writeFileSync(join(dir, "package.json"), JSON.stringify(pkg));
  for (const [f, text] of Object.entries(sources)) writeFileSync(join(dir, f), text);
  return dir;
}

function run(dir: string, cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { cwd: dir, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout.trim();
}

const TASK_INIT = `{
  name: "a",
  taskId: { value: "j" },
  slaveId: { value: "s" },
  resources: [{ name: "cpus", type: Value_Type.SCALAR, scalar: { value: 2 } }],
  container: { type: ContainerInfo_Type.DOCKER, docker: { image: "busybox" } },
}`;

beforeAll(() => {
  expect(existsSync(resolve(ROOT, "dist/src/index.js")), "run `npm run build` first").toBe(true);
  work = mkdtempSync(join(tmpdir(), "mdi-pack-"));
  manifestBefore = readFileSync(resolve(ROOT, "package.json"), "utf8");
  // Scripts on: prepack strips the install scripts from the packed package.json, postpack puts
  // the checkout's back (prepare is then absent when npm looks, so nothing is rebuilt here).
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", work], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  manifestAfter = readFileSync(resolve(ROOT, "package.json"), "utf8");
  const info = JSON.parse(out)[0] as { filename: string; files: { path: string }[] };
  tarball = join(work, info.filename);
  const listing = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" });
  files = listing
    .split("\n")
    .filter((f) => f !== "")
    .map((f) => f.replace(/^package\//, ""));
  packed = JSON.parse(
    execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }),
  ) as PackedManifest;
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the bin in a checkout", () => {
  test("the bin (dist/cli/mesos-dockerinfo.cjs) is executable, so `npx mesos-dockerinfo` runs the repo's own CLI", () => {
    const r = spawnSync("npx", ["--no-install", "mesos-dockerinfo", "--version"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toContain(
      JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")).version,
    );
  });
});

describe("packed tarball", () => {
  test("contains dist, gen output and the proto, but no tests or sources of tooling", () => {
    const list = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
    expect(list).toContain("package/dist/src/index.js");
    expect(list).toContain("package/dist/src/index.d.ts");
    expect(list).toContain("package/dist/gen/mesos/mesos_pb.js");
    expect(list).toContain("package/proto/mesos/mesos.proto");
    expect(list.some((f) => f.startsWith("package/test/"))).toBe(false);
    expect(list.some((f) => f.startsWith("package/node_modules/"))).toBe(false);
  });

  test("ESM consumer: import, create, encode", () => {
    const dir = consumer(
      "esm",
      { type: "module" },
      {
        "main.js": `import { create, TaskInfoSchema, ContainerInfo_Type, Value_Type } from "mesos-dockerinfo";
import { toBinary } from "@bufbuild/protobuf";
const task = create(TaskInfoSchema, ${TASK_INIT});
console.log(Buffer.from(toBinary(TaskInfoSchema, task)).toString("hex"));`,
      },
    );
    expect(run(dir, process.execPath, ["main.js"])).toBe(EXPECTED_HEX);
  });

  test("CommonJS consumer: require, create, encode", () => {
    const dir = consumer(
      "cjs",
      { type: "commonjs" },
      {
        "main.js": `const { create, TaskInfoSchema, ContainerInfo_Type, Value_Type } = require("mesos-dockerinfo");
const { toBinary } = require("@bufbuild/protobuf");
const task = create(TaskInfoSchema, ${TASK_INIT});
console.log(Buffer.from(toBinary(TaskInfoSchema, task)).toString("hex"));`,
      },
    );
    expect(run(dir, process.execPath, ["main.js"])).toBe(EXPECTED_HEX);
  });
});

describe("packed tarball: what a new user trips on", () => {
  test("npm pack leaves the checkout's package.json byte for byte as it was, prepare included", () => {
    expect(manifestAfter).toBe(manifestBefore);
    expect(JSON.parse(manifestAfter).scripts.prepare).toBe("npm run build");
  });

  test("the packed package.json has no script npm would run on a consumer's install", () => {
    const scripts = packed.scripts ?? {};
    for (const name of ["preinstall", "install", "postinstall", "preprepare", "prepare"]) {
      expect(scripts, name).not.toHaveProperty(name);
    }
  });

  test("LICENSE is the Apache-2.0 text; repository, bugs, homepage and keywords are set", () => {
    expect(files).toContain("LICENSE");
    const license = execFileSync("tar", ["-xzOf", tarball, "package/LICENSE"], {
      encoding: "utf8",
    });
    expect(license).toMatch(/^Apache License\s+Version 2\.0, January 2004/);
    expect(license).toContain("END OF TERMS AND CONDITIONS");
    const home = "https://github.com/mesos-dockerinfo/mesos-dockerinfo";
    expect(packed.repository?.url).toBe(`git+${home}.git`);
    expect(packed.bugs?.url).toBe(`${home}/issues`);
    expect(packed.homepage?.startsWith(home)).toBe(true);
    expect(packed.keywords).toEqual(expect.arrayContaining(["mesos", "docker", "protobuf"]));
  });

  test("no source map or sourceMappingURL points at a file the tarball lacks (maps are not shipped)", () => {
    const present = new Set(files);
    const maps = files.filter((f) => f.endsWith(".map"));
    for (const map of maps) {
      const text = execFileSync("tar", ["-xzOf", tarball, `package/${map}`], { encoding: "utf8" });
      const { sources = [], sourceRoot = "" } = JSON.parse(text) as {
        sources?: string[];
        sourceRoot?: string;
      };
      for (const source of sources) {
        expect(present, `${map} -> ${source}`).toContain(
          posix.normalize(posix.join(posix.dirname(map), sourceRoot, source)),
        );
      }
    }
    // The decision: no maps at all (the package ships no src/), and no comment asks for one.
    expect(maps).toEqual([]);
    const dir = join(work, "unpacked");
    mkdirSync(dir, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", dir]);
    for (const f of files.filter((f) => /\.(js|d\.ts)$/.test(f))) {
      expect(readFileSync(join(dir, "package", f), "utf8"), f).not.toMatch(/sourceMappingURL/);
    }
  });

  test("engines admits exactly the Node versions where both import and require(esm) work", () => {
    // npm's own semver, so the range is read the way npm reads it: the npm running `npm test`
    // (npm_execpath is its bin/npm-cli.js), else the global one (`npm root -g`, an npm start-up).
    const npmCli = process.env.npm_execpath;
    const npmPackage = npmCli?.endsWith("npm-cli.js")
      ? resolve(npmCli, "../../package.json")
      : join(execFileSync("npm", ["root", "-g"], { encoding: "utf8" }).trim(), "npm/package.json");
    const semver = createRequire(npmPackage)("semver") as {
      satisfies(version: string, range: string): boolean;
    };
    const range = packed.engines?.node ?? "";
    // require(esm) without a flag: 20.19.0, 22.12.0 and 23.0.0 (Node release notes).
    const admitted = ["20.19.0", "20.20.2", "22.12.0", "22.20.0", "23.0.0", "24.4.0", "26.0.0"];
    const refused = ["18.20.0", "20.18.3", "21.7.3", "22.0.0", "22.11.0"];
    for (const v of admitted) expect(semver.satisfies(v, range), v).toBe(true);
    for (const v of refused) expect(semver.satisfies(v, range), v).toBe(false);
    expect(semver.satisfies(process.versions.node, range)).toBe(true);
  });

  test("@bufbuild/protobuf is a peer (one copy, the consumer's), not a dependency", () => {
    expect(packed.dependencies ?? {}).not.toHaveProperty("@bufbuild/protobuf");
    // protoc-gen-es 2.13.0 wrote gen/: its runtime must be at least 2.13.
    expect(packed.peerDependencies?.["@bufbuild/protobuf"]).toBe("^2.13.0");
    const generated = readFileSync(resolve(ROOT, "gen/mesos/mesos_pb.ts"), "utf8");
    expect(generated).toMatch(/@generated by protoc-gen-es v2\.13\.0/);
  });

  test("CommonJS consumer: require of the root and of /testing", () => {
    const dir = consumer(
      "cjs-testing",
      { type: "commonjs" },
      {
        "main.js": `const { TaskInfoSchema, validate } = require("mesos-dockerinfo");
const { taskInfo } = require("mesos-dockerinfo/testing");
const fc = require("fast-check");
const tasks = fc.sample(taskInfo(), { numRuns: 5, seed: 1 });
console.log(tasks.every((t) => validate(TaskInfoSchema, t).success));`,
      },
    );
    expect(run(dir, process.execPath, ["main.js"])).toBe("true");
  });

  // One project per moduleResolution TypeScript users still run; each imports the root and
  // /testing. One tsc run per project compiles a good file and a copy with a wrongly typed field:
  // every error must be in the bad copy (the types are real, not `any`).
  const TS_SOURCE = `import { create, TaskInfoSchema, ContainerInfo_Type, Value_Type, type TaskInfo } from "mesos-dockerinfo";
import { taskInfo } from "mesos-dockerinfo/testing";
import { TaskInfoSchema as V1TaskInfoSchema } from "mesos-dockerinfo/v1";
import { toBinary } from "@bufbuild/protobuf";
const task: TaskInfo = create(TaskInfoSchema, ${TASK_INIT});
export const size: number = toBinary(TaskInfoSchema, task).length;
export const image: string | undefined = task.container?.docker?.image;
export const arbitrary = taskInfo();
export const v1TypeName: "mesos.v1.TaskInfo" = V1TaskInfoSchema.typeName;`;
  const TS_PROJECTS: [string, "module" | "commonjs", Record<string, unknown>][] = [
    ["nodenext, ES module", "module", { module: "nodenext", moduleResolution: "nodenext" }],
    ["node16, CommonJS file", "commonjs", { module: "node16", moduleResolution: "node16" }],
    // fast-check 4's own declarations import pure-rand subpaths node10 cannot resolve, so node10
    // projects need skipLibCheck (the README says so); our declarations resolve either way.
    [
      "node10 (CommonJS)",
      "commonjs",
      { module: "commonjs", moduleResolution: "node10", skipLibCheck: true },
    ],
    ["bundler", "module", { module: "esnext", moduleResolution: "bundler" }],
  ];
  // skipDefaultLibCheck skips checking TypeScript's own lib.*.d.ts (a third of each run's time),
  // which says nothing about our package; every other declaration file, ours, protobuf-es's and
  // fast-check's, is still checked (no skipLibCheck, except where node10 needs it, above).
  const CONSUMER_OPTIONS = {
    strict: true,
    target: "ES2022",
    noEmit: true,
    types: [],
    skipDefaultLibCheck: true,
  };
  // The projects compile concurrently (tsc is single-threaded; the machine has two cores).
  test.concurrent.each(TS_PROJECTS)(
    "TypeScript consumer (%s): root, /testing and /v1 resolve",
    async (name, type, options) => {
      const tsconfig = JSON.stringify({
        compilerOptions: { ...CONSUMER_OPTIONS, ...options },
        files: ["main.ts", "bad.ts"],
      });
      const dir = consumer(
        `ts-${name.replace(/\W+/g, "-")}`,
        { type },
        {
          "tsconfig.json": tsconfig,
          "main.ts": TS_SOURCE,
          "bad.ts": TS_SOURCE.replace('image: "busybox"', "image: 42"),
        },
      );
      const r = await tscIn(dir);
      const errors = r.stdout.split("\n").filter((line) => /error TS\d+/.test(line));
      expect(errors.length).toBeGreaterThan(0);
      for (const line of errors) expect(line).toMatch(/^bad\.ts\(\d+,\d+\): error TS2322:/);
      expect(r.status).not.toBe(0);
    },
  );
});

/** `tsc -p .` in `dir`, asynchronously, so several projects compile at once. */
function tscIn(dir: string): Promise<{ status: number | null; stdout: string }> {
  return new Promise((done, fail) => {
    execFile(resolve(ROOT, "node_modules/.bin/tsc"), ["-p", "."], { cwd: dir }, (error, stdout) => {
      const status = error === null ? 0 : typeof error.code === "number" ? error.code : null;
      if (status === null && error !== null) fail(error);
      else done({ status, stdout });
    });
  });
}

// A real `npm install` of the tarball, offline (from npm's cache), into a project that already
// depends on another compatible @bufbuild/protobuf: 2.13.0, the oldest the peer range admits,
// named by its registry tarball URL so no registry metadata is needed offline.
describe("npm install beside a consumer's own @bufbuild/protobuf 2.13.0", () => {
  const PROTOBUF_2_13 = "https://registry.npmjs.org/@bufbuild/protobuf/-/protobuf-2.13.0.tgz";
  let dir: string;
  let install: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    dir = join(work, "npm-install");
    mkdirSync(dir);
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "consumer", private: true, type: "module" }),
    );
    install = spawnSync(
      "npm",
      ["install", "--offline", "--no-audit", "--no-fund", PROTOBUF_2_13, tarball],
      { cwd: dir, encoding: "utf8" },
    );
  });

  test("installs, with no install-script warning", () => {
    expect(install.stderr).toBe("");
    expect(install.status).toBe(0);
  });

  test("one copy of @bufbuild/protobuf: the consumer's 2.13.0", () => {
    const copies = execFileSync(
      "find",
      [join(dir, "node_modules"), "-path", "*/@bufbuild/protobuf/package.json"],
      { encoding: "utf8" },
    )
      .split("\n")
      .filter((line) => line !== "");
    expect(copies).toEqual([join(dir, "node_modules/@bufbuild/protobuf/package.json")]);
    const version = JSON.parse(readFileSync(copies[0] ?? "", "utf8")).version;
    expect(version).toBe("2.13.0");
  });

  test("our declarations type-check against that runtime's (nodenext, no skipLibCheck)", () => {
    writeFileSync(
      join(dir, "typed.ts"),
      `import { create, encode, validate, TaskInfoSchema, type TaskInfo } from "mesos-dockerinfo";
const task: TaskInfo = create(TaskInfoSchema, { name: "a" });
export const ok: boolean = validate(TaskInfoSchema, task).success;
export const bytes: Uint8Array = encode(TaskInfoSchema, task);`,
    );
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          target: "ES2022",
          module: "nodenext",
          moduleResolution: "nodenext",
          noEmit: true,
          types: [],
          // TypeScript's own lib files only; ours and protobuf-es 2.13.0's are checked.
          skipDefaultLibCheck: true,
        },
        files: ["typed.ts"],
      }),
    );
    expect(run(dir, resolve(ROOT, "node_modules/.bin/tsc"), ["-p", "."])).toBe("");
  });

  test("the library runs on that runtime: create, encode, and the CLI's check", () => {
    writeFileSync(
      join(dir, "main.js"),
      `import { create, encode, TaskInfoSchema, ContainerInfo_Type, Value_Type } from "mesos-dockerinfo";
const task = create(TaskInfoSchema, ${TASK_INIT});
console.log(Buffer.from(encode(TaskInfoSchema, task)).toString("hex"));`,
    );
    expect(run(dir, process.execPath, ["main.js"])).toBe(EXPECTED_HEX);
    const bin = join(dir, "node_modules/.bin/mesos-dockerinfo");
    const examples = resolve(ROOT, "examples");
    const out = run(dir, bin, ["check", join(examples, "docker-task.json")]);
    expect(out).toMatch(/docker-task\.json \(TaskInfo, mesos\): valid/);
  });
});
