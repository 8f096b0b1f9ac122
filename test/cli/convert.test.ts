// `mesos-dockerinfo convert`, run in-process through main(argv, io), plus refusing binary output
// to a terminal (tested on the command function).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { NOT_VALIDATED, parseConvertArgs, runConvert } from "../../src/cli/convert.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { ROOT, runMain } from "./run-cli.js";

const DOCKER_TASK_JSON = readFileSync(`${ROOT}/examples/docker-task.json`);
const DOCKER_TASK_PB = readFileSync(`${ROOT}/examples/docker-task.pb`);
const work = mkdtempSync(join(tmpdir(), "mesos-dockerinfo-convert-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.concurrent("convert round trips", () => {
  it("JSON file → binary file: the bytes of examples/docker-task.pb", async ({ expect }) => {
    const out = join(work, "task.pb");
    const r = await runMain(["convert", "examples/docker-task.json", out]);
    // The two stderr lines of a success: which schema the input was read with, and that
    // converting is not validating.
    expect(r.stderr).toBe(
      `note: read as mesos TaskInfo (docker.volume is a seed field)\n${NOT_VALIDATED}`,
    );
    expect(NOT_VALIDATED).toMatch(/^note: convert does not validate/);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(out)).toEqual(DOCKER_TASK_PB);
  });

  it("binary → JSON → binary through stdin and stdout gives the same bytes", async ({ expect }) => {
    const toJson = await runMain(["convert", "--from", "binary", "--to", "json"], {
      input: DOCKER_TASK_PB,
    });
    expect(toJson.status).toBe(0);
    const json = JSON.parse(toJson.stdout);
    expect(json).toMatchObject({
      name: "busybox",
      task_id: { value: "busybox-1" },
      container: { type: "DOCKER", docker: { image: "busybox:1.36" } },
    });
    expect(json.container.docker.volume[1]).toMatchObject({
      container_dir: "/etc/app",
      mode: "RO",
    });
    const back = await runMain(["convert", "--from", "json", "--to", "binary"], {
      input: toJson.stdout,
    });
    expect(back.status).toBe(0);
    expect(back.stdoutBytes).toEqual(DOCKER_TASK_PB);
  });

  it("JSON → JSON normalizes and is a fixed point", async ({ expect }) => {
    const once = await runMain(["convert", "--to", "json", "examples/docker-task.json"]);
    expect(once.status).toBe(0);
    const twice = await runMain(["convert", "--to", "json"], { input: once.stdout });
    expect(twice.stdout).toBe(once.stdout);
    const compact = await runMain([
      "convert",
      "--to",
      "json",
      "--compact",
      "examples/docker-task.json",
    ]);
    expect(compact.stdout.trimEnd()).not.toContain("\n");
    expect(JSON.parse(compact.stdout)).toEqual(JSON.parse(once.stdout));
  });

  it("formats default from the file names: .json → .pb and .pb → .json", async ({ expect }) => {
    const json = join(work, "back.json");
    expect((await runMain(["convert", "examples/docker-task.pb", json])).status).toBe(0);
    const pb = join(work, "again.pb");
    expect((await runMain(["convert", json, pb])).status).toBe(0);
    expect(readFileSync(pb)).toEqual(DOCKER_TASK_PB);
  });

  it("converts other message types with --type", async ({ expect }) => {
    const container = JSON.parse(DOCKER_TASK_JSON.toString("utf8")).container;
    const r = await runMain(["convert", "--type", "ContainerInfo", "--to", "binary"], {
      input: JSON.stringify(container),
    });
    expect(r.status).toBe(0);
    const back = await runMain(
      ["convert", "--type", "ContainerInfo", "--from", "binary", "--to", "json"],
      {
        input: r.stdoutBytes,
      },
    );
    expect(JSON.parse(back.stdout)).toEqual(container);
  });
});

describe.concurrent("convert errors: exit 2, nothing written", () => {
  it("a corrupt binary input names the code and byte offset, and creates no OUT", async ({
    expect,
  }) => {
    const out = join(work, "never.json");
    const corrupt = Buffer.concat([DOCKER_TASK_PB, Buffer.from([0x0a, 0x05, 0x61])]);
    const r = await runMain(["convert", "--from", "binary", "-", out], { input: corrupt });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: <stdin>: truncated at \S+, byte offset \d+: /m);
    expect(existsSync(out)).toBe(false);
  });

  it("a JSON TaskInfo without its required task_id", async ({ expect }) => {
    const task = JSON.parse(DOCKER_TASK_JSON.toString("utf8"));
    delete task.task_id;
    const r = await runMain(["convert", "--to", "binary"], { input: JSON.stringify(task) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/required_field_missing at task_id/);
    expect(r.stdoutBytes.length).toBe(0);
  });

  it("an unknown enum name in JSON names its path", async ({ expect }) => {
    const task = JSON.parse(DOCKER_TASK_JSON.toString("utf8"));
    task.container.docker.volume[0].mode = "RX";
    const r = await runMain(["convert", "--to", "binary"], { input: JSON.stringify(task) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown_enum_value at container\.docker\.volume\[0\]\.mode/);
  });

  it("a missing input file", async ({ expect }) => {
    const r = await runMain(["convert", "examples/nope.json", join(work, "nope.pb")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: examples\/nope\.json: file_not_found: /m);
  });

  it("an OUT in a directory that does not exist", async ({ expect }) => {
    const r = await runMain([
      "convert",
      "examples/docker-task.json",
      join(work, "no/such/dir/task.pb"),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/write_failed: cannot write/);
  });

  it("more than IN and OUT is a usage error", async ({ expect }) => {
    const r = await runMain(["convert", "a.json", "b.pb", "c.pb"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/at most IN and OUT/);
    expect(r.stderr).toContain("mesos-dockerinfo convert --help");
  });

  it("an unknown --to value is a usage error", async ({ expect }) => {
    const r = await runMain(["convert", "--to", "yaml", "examples/docker-task.json"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--to must be json or binary/);
  });
});

describe.concurrent("convert to a terminal", () => {
  it("refuses binary output when stdout is a terminal, before reading any input", async () => {
    const written: (string | Uint8Array)[] = [];
    const io = {
      stdin: Readable.from([]),
      stdout: { isTTY: true, write: (chunk: string | Uint8Array) => written.push(chunk) > 0 },
      stderr: { isTTY: false, write: (chunk: string | Uint8Array) => written.push(chunk) > 0 },
      cwd: ROOT,
      env: {},
    };
    const command = parseConvertArgs(["--to", "binary", "examples/docker-task.json"]);
    await expect(runConvert(command, io)).rejects.toThrow(UsageError);
    await expect(runConvert(command, io)).rejects.toThrow(/terminal/);
    expect(written).toEqual([]);
  });
});
