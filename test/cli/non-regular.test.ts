// Only regular files are read: a FIFO without a writer would block `check` forever, a device
// never ends. Both are a usage error found by stat before anything is opened; '-' still reads
// stdin as a stream.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runMain } from "./run-cli.js";

const work = mkdtempSync(join(tmpdir(), "mesos-dockerinfo-fifo-"));
const fifo = join(work, "task.json");
const pbFifo = join(work, "task.pb");

beforeAll(() => {
  for (const path of [fifo, pbFifo]) {
    const made = spawnSync("mkfifo", [path]);
    expect(made.status, String(made.stderr)).toBe(0);
  }
  writeFileSync(join(work, "ok.json"), "{}");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.concurrent("non-regular input files", () => {
  it.each([
    ["check a FIFO (no writer)", ["check", fifo], "a FIFO (named pipe)"],
    ["check a binary FIFO", ["check", pbFifo], "a FIFO (named pipe)"],
    ["check a directory", ["check", work], "a directory"],
    ["check a character device", ["check", "/dev/null"], "a character device"],
    ["convert a FIFO", ["convert", fifo, join(work, "out.pb")], "a FIFO (named pipe)"],
  ])("%s: usage error, exit 2, nothing printed on stdout", async (_name, args, kind) => {
    const r = await runMain(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`is ${kind}, not a regular file`);
    expect(r.stderr).toContain("'-' (stdin)");
    expect(r.stderr).toMatch(/Run 'mesos-dockerinfo (check|convert) --help' for usage\./);
  });

  it("a FIFO among regular files stops the run before any file is checked", async () => {
    const r = await runMain(["check", join(ROOT, "examples/docker-task.json"), fifo]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
  });

  it("relative names resolve against io.cwd", async () => {
    const [fifoByName, fileByName] = await Promise.all([
      runMain(["check", "task.json"], { cwd: work }),
      runMain(["check", "--type", "Labels", "ok.json"], { cwd: work }),
    ]);
    expect(fifoByName.status).toBe(2);
    expect(fifoByName.stderr).toContain('"task.json" is a FIFO');
    expect(fileByName.status).toBe(0);
    expect(fileByName.stdout).toMatch(/^ok\.json \(Labels, mesos\): valid$/m);
  });

  it("'-' reads stdin, which may be a pipe", async () => {
    const r = await runMain(["check", "--type", "Labels", "-"], { input: "{}" });
    expect(r.status).toBe(0);
  });
});
