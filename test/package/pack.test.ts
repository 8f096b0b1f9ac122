// The published artifact, as a user gets it: `npm pack` the package, unpack the tarball into fresh
// ESM, CommonJS and TypeScript projects, and create + encode a TaskInfo in each. Needs `dist/`
// (built by `npm test` before vitest runs).
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "../helpers/buf.js";

let work: string;
let tarball: string;
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

function consumer(name: string, pkg: object, files: Record<string, string>): string {
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
  writeFileSync(join(dir, "package.json"), JSON.stringify(pkg));
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
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
  const out = execFileSync(
    "npm",
    ["pack", "--ignore-scripts", "--json", "--pack-destination", work],
    {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  const info = JSON.parse(out)[0] as { filename: string; files: { path: string }[] };
  tarball = join(work, info.filename);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the bin in a checkout", () => {
  test("dist/src/cli/main.js is executable, so `npx mesos-dockerinfo` runs the repo's own CLI", () => {
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

  test("TypeScript consumer (nodenext, strict): types resolve and misuse is a type error", () => {
    const tsconfig = JSON.stringify({
      compilerOptions: {
        strict: true,
        module: "nodenext",
        moduleResolution: "nodenext",
        noEmit: true,
        types: [],
      },
      files: ["main.ts"],
    });
    const good = `import { create, TaskInfoSchema, ContainerInfo_Type, Value_Type, type TaskInfo } from "mesos-dockerinfo";
import { toBinary } from "@bufbuild/protobuf";
const task: TaskInfo = create(TaskInfoSchema, ${TASK_INIT});
const bytes: Uint8Array = toBinary(TaskInfoSchema, task);
export const size: number = bytes.length;
export const image: string | undefined = task.container?.docker?.image;`;
    const dir = consumer("ts", { type: "module" }, { "tsconfig.json": tsconfig, "main.ts": good });
    const tsc = resolve(ROOT, "node_modules/.bin/tsc");
    run(dir, tsc, ["-p", "."]);
    // The same project with a wrongly typed field must not compile: the types are real, not `any`.
    writeFileSync(join(dir, "main.ts"), good.replace('image: "busybox"', "image: 42"));
    const r = spawnSync(tsc, ["-p", "."], { cwd: dir, encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/TS2322/);
  });
});
