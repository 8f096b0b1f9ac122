// The schema gate (scripts/check-schema.sh, run by `npm test`) must actually catch what it claims
// to: wire/JSON-breaking edits and a gen/ that differs from a fresh `buf generate`. Each test edits
// a throw-away copy of the schema files, never the checkout.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { buf, ROOT } from "../helpers/buf.js";

const PROTO = "proto/mesos/mesos.proto";
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function copyOfRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "mdi-schema-"));
  dirs.push(dir);
  for (const p of [
    "proto",
    "gen",
    "plugin", // buf.gen.yaml runs our codec plugin from here
    "scripts",
    "buf.yaml",
    "buf.gen.yaml",
    "test/fixtures/schema-baseline.binpb",
  ])
    cpSync(resolve(ROOT, p), join(dir, p), { recursive: true });
  symlinkSync(resolve(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, "utf8");
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

function gate(dir: string) {
  const r = spawnSync("bash", ["scripts/check-schema.sh"], { cwd: dir, encoding: "utf8" });
  return { status: r.status, output: r.stdout + r.stderr };
}

describe("schema gate", () => {
  // That the gate passes on the committed schema is proved by `npm test` itself, which runs it
  // (scripts/check-schema.sh) before vitest; these tests prove it fails when it should.
  test.each([
    [
      "renumbering DockerInfo.image",
      "required string image = 1;\n    // Directories",
      "required string image = 3;\n    // Directories",
    ],
    [
      "renaming Volume.host_dir (breaks Mesos JSON)",
      "optional string host_dir = 2;",
      "optional string host_path = 2;",
    ],
    ["making Volume.mode optional", "required Mode mode = 3;", "optional Mode mode = 3;"],
    [
      "changing the shell default",
      "[default = true];\n  // The shell",
      "[default = false];\n  // The shell",
    ],
    ["renumbering Mode.RO", "RO = 2;", "RO = 3;"],
  ])("fails on a breaking edit: %s", (_name, from, to) => {
    const dir = copyOfRepo();
    edit(dir, PROTO, from, to);
    const r = buf(["breaking", "--against", "test/fixtures/schema-baseline.binpb"], { cwd: dir });
    expect(r.status).not.toBe(0);
    expect(r.stdout.toString()).toMatch(/mesos\.proto:\d+:\d+:/);
  });

  test("fails when gen/ was edited by hand", () => {
    const dir = copyOfRepo();
    edit(
      dir,
      "gen/mesos/mesos_pb.ts",
      "export enum ContainerInfo_Type {",
      "export enum ContainerInfo_Type {\n  // edited",
    );
    const r = gate(dir);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("gen/ differs from a fresh 'buf generate'");
  });

  test("fails when the proto is not buf-formatted", () => {
    const dir = copyOfRepo();
    edit(dir, PROTO, "message OfferID {", "message   OfferID {");
    expect(gate(dir).status).not.toBe(0);
  });
});
