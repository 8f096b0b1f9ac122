// `mesos-dockerinfo check`, run in-process through main(argv, io) (see run-cli.ts).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ANSI, ROOT, runMain } from "./run-cli.js";

const EXAMPLES = readdirSync(`${ROOT}/examples`)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => `examples/${name}`);
const INVALID = "examples/invalid/invalid-volumes.json";
const DOCKER_TASK_PB = readFileSync(`${ROOT}/examples/docker-task.pb`);

/** The lines of one file's block in text output (from its status line to the blank line). */
function argvLine(lines: readonly string[]): string | undefined {
  return lines.find((line) => line.startsWith("  argv: "));
}

function block(stdout: string, file: string): string[] {
  const lines = stdout.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`${file} (`));
  expect(start, `no block for ${file} in:\n${stdout}`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf("", start);
  return lines.slice(start, end);
}

describe.concurrent("check on the shipped examples (the README's main job)", () => {
  // One run over all valid examples, as the README runs it; each test reads its file's block.
  const mainJob = runMain(["check", ...EXAMPLES]);
  const exampleBlock = async (file: string) => block((await mainJob).stdout, file);

  it("finds the five valid examples (four seed, one Mesos 1.11) and exits 0", async ({
    expect,
  }) => {
    expect(EXAMPLES).toEqual([
      "examples/command-task.json",
      "examples/docker-executor.json",
      "examples/docker-task.json",
      "examples/legacy-docker-task.json",
      "examples/v1-docker-task.json",
    ]);
    const r = await mainJob;
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    for (const file of EXAMPLES)
      expect(block(r.stdout, file)[0]).toMatch(
        file.includes("v1-")
          ? /^\S+ \(TaskInfo, mesos\.v1\): valid/
          : /^\S+ \(TaskInfo, mesos\): valid/,
      );
    expect(r.stdout).toMatch(/^5 files checked: 5 valid; 0 errors, 1 warning$/m);
  });

  it("command-task.json: a CommandExecutor launch, no docker argv", async ({ expect }) => {
    const lines = await exampleBlock("examples/command-task.json");
    expect(lines[0]).toBe("examples/command-task.json (TaskInfo, mesos): valid");
    expect(lines[1]).toMatch(/^ {2}launch: Command task: .*CommandExecutor.*echo hello && sleep 1/);
    expect(lines.some((line) => line.includes("argv:"))).toBe(false);
  });

  it("docker-task.json: the busybox image with an RW and an RO volume, and its docker run argv", async ({
    expect,
  }) => {
    const lines = await exampleBlock("examples/docker-task.json");
    expect(lines[0]).toBe("examples/docker-task.json (TaskInfo, mesos): valid");
    expect(lines[1]).toMatch(/^ {2}launch: Docker task: runs image busybox:1\.36/);
    const argv = argvLine(lines);
    expect(argv).toBeDefined();
    expect(argv).toMatch(/^ {2}argv: docker .*\brun\b/);
    expect(argv).toContain("-v /var/data:/data:rw");
    expect(argv).toContain("-v /etc/app:/etc/app:ro");
    expect(argv).toContain("-e MODE=demo");
    // Shell-quoted for display: the command value is one argument.
    expect(argv).toMatch(/ busybox:1\.36 -c 'ls \/data && cat \/etc\/hostname'$/);
  });

  it("docker-executor.json: the executor's image run as a Mesos executor", async ({ expect }) => {
    const lines = await exampleBlock("examples/docker-executor.json");
    expect(lines[1]).toMatch(
      /^ {2}launch: Docker executor: .*registry\.example\.com:5000\/team\/executor@sha256:/,
    );
    expect(argvLine(lines)).toContain("registry.example.com:5000/team/executor@sha256:");
  });

  it("legacy-docker-task.json: recognised as a legacy Docker task, with a deprecation warning", async ({
    expect,
  }) => {
    const lines = await exampleBlock("examples/legacy-docker-task.json");
    expect(lines[0]).toBe("examples/legacy-docker-task.json (TaskInfo, mesos): valid, 1 warning");
    expect(lines[1]).toMatch(/^ {2}launch: Legacy Docker task/);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}warning examples\/legacy-docker-task\.json:\d+:\d+ command\.container: .*\[legacy_container_deprecated\]$/,
      ),
    );
    expect(argvLine(lines)).toMatch(/ busybox -c 'echo hello'$/);
  });

  it("invalid-volumes.json: every defect with severity, path and code; exit 1", async ({
    expect,
  }) => {
    const r = await runMain(["check", INVALID]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    const lines = block(r.stdout, INVALID);
    expect(lines[0]).toMatch(
      /^examples\/invalid\/invalid-volumes\.json \(TaskInfo, mesos\): invalid: \d+ errors/,
    );
    expect(lines[1]).toMatch(/^ {2}launch: none/);
    const expected: [string, string, string][] = [
      ["error", "container.docker.image", "image_empty"],
      ["error", "container.docker.volume[0].host_dir", "host_dir_not_absolute"],
      ["error", "container.docker.volume[1].container_dir", "duplicate_container_dir"],
      ["error", "container.docker.volume[2].container_dir", "container_dir_not_absolute"],
      ["error", "container.docker.volume[3]", "read_only_anonymous_volume"],
    ];
    for (const [severity, path, code] of expected) {
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^ {2}${severity} +${escapeRegExp(INVALID)}:\\d+:\\d+ ${escapeRegExp(path)}\\S*: .*\\[${code}\\]$`,
          ),
        ),
      );
    }
    expect(lines.some((line) => line.includes("argv:"))).toBe(false);
    expect(r.stdout).toMatch(/^1 file checked: 0 valid, 1 invalid; \d+ errors, \d+ warnings?$/m);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe.concurrent("check input forms", () => {
  it("reads JSON from stdin with '-'", async ({ expect }) => {
    const r = await runMain(["check", "-"], {
      input: readFileSync(`${ROOT}/examples/docker-task.json`),
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^<stdin> \(TaskInfo, mesos\): valid$/m);
  });

  it("reads binary from stdin with --format binary, with the same argv as the JSON file", async ({
    expect,
  }) => {
    const fromStdin = await runMain(["check", "--format", "binary", "-"], {
      input: DOCKER_TASK_PB,
    });
    const fromJson = await runMain(["check", "examples/docker-task.json"]);
    expect(fromStdin.status).toBe(0);
    const argv = (out: string) => argvLine(out.split("\n"));
    expect(argv(fromStdin.stdout)).toBe(argv(fromJson.stdout));
  });

  it("decodes .pb files as binary by their extension", async ({ expect }) => {
    const r = await runMain(["check", "examples/docker-task.pb"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^examples\/docker-task\.pb \(TaskInfo, mesos\): valid$/m);
  });

  it("--type selects another message type", async ({ expect }) => {
    const executor = JSON.parse(
      readFileSync(`${ROOT}/examples/docker-executor.json`, "utf8"),
    ).executor;
    const r = await runMain(["check", "--type", "ExecutorInfo", "-"], {
      input: JSON.stringify(executor),
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^<stdin> \(ExecutorInfo, mesos\.v1\): valid$/m);
    // Only a TaskInfo has a launch path.
    expect(r.stdout).not.toContain("launch:");
  });

  it("--type with a nested message validates that message alone", async ({ expect }) => {
    const volume = { container_dir: "data", mode: "RO" };
    const r = await runMain(["check", "--type", "Volume", "-"], { input: JSON.stringify(volume) });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^<stdin> \(ContainerInfo\.DockerInfo\.Volume, mesos\): invalid/m);
    expect(r.stdout).toMatch(
      /^ {2}error +<stdin>:1:\d+ container_dir: .*\[container_dir_not_absolute\]$/m,
    );
  });
});

describe.concurrent("check docker run options", () => {
  it("--sandbox-directory and --container-name go into the argv", async ({ expect }) => {
    const r = await runMain([
      "check",
      "--sandbox-directory",
      "/srv/sandbox",
      "--container-name",
      "t1",
      "examples/docker-task.json",
    ]);
    expect(r.status).toBe(0);
    const argv = argvLine(r.stdout.split("\n"));
    expect(argv).toContain(" -v /srv/sandbox:/mnt/mesos/sandbox ");
    expect(argv).toContain(" --name t1 busybox:1.36 ");
  });

  it("a value docker run cannot take is a usage error naming the flag", async ({ expect }) => {
    const r = await runMain([
      "check",
      "--container-name",
      "bad name!",
      "examples/docker-task.json",
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^mesos-dockerinfo: --container-name "bad name!" /);
    expect(r.stderr).toContain("mesos-dockerinfo check --help");
  });
});

describe.concurrent("check --json", () => {
  it("prints one document with files, launch, issues, argv and a summary", async ({ expect }) => {
    const r = await runMain([
      "check",
      "--json",
      "examples/docker-task.json",
      INVALID,
      "examples/legacy-docker-task.json",
    ]);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.files).toHaveLength(3);
    const [docker, invalid, legacy] = doc.files;
    expect(docker).toMatchObject({
      file: "examples/docker-task.json",
      type: "TaskInfo",
      format: "json",
      status: "valid",
      launch: { kind: "docker-task", legacy: false, image: { familiar: "busybox:1.36" } },
      issues: [],
    });
    expect(docker.launch.description).toMatch(/^Docker task/);
    expect(docker.argv).toEqual(
      expect.arrayContaining(["-v", "/var/data:/data:rw", "busybox:1.36"]),
    );
    expect(docker.argv.slice(-3)).toEqual(["busybox:1.36", "-c", "ls /data && cat /etc/hostname"]);
    expect(docker).not.toHaveProperty("error");

    expect(invalid).toMatchObject({ status: "invalid", launch: null, argv: null });
    expect(invalid.issues).toContainEqual(
      expect.objectContaining({
        code: "host_dir_not_absolute",
        severity: "error",
        path: ["container", "docker", "volume", 0, "host_dir"],
      }),
    );
    expect(legacy).toMatchObject({
      status: "valid",
      launch: { kind: "docker-task", legacy: true },
    });
    expect(legacy.issues).toEqual([
      expect.objectContaining({ code: "legacy_container_deprecated", severity: "warning" }),
    ]);
    expect(doc.summary).toMatchObject({ files: 3, valid: 2, invalid: 1, failed: 0, exitCode: 1 });
    expect(doc.summary.errors).toBe(
      invalid.issues.filter((i: { severity: string }) => i.severity === "error").length,
    );
  });

  it("puts read and decode errors in the document and on stderr; exit 2", async ({ expect }) => {
    const r = await runMain([
      "check",
      "--json",
      "examples/command-task.json",
      "examples/no-such-file.json",
    ]);
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0].status).toBe("valid");
    expect(doc.files[1]).toMatchObject({
      file: "examples/no-such-file.json",
      status: "error",
      issues: [{ code: "file_not_found", severity: "error", path: [] }],
    });
    expect(doc.summary).toMatchObject({ files: 2, valid: 1, failed: 1, exitCode: 2 });
    expect(r.stderr).toContain("examples/no-such-file.json");
  });
});

describe.concurrent("check exit codes", () => {
  it("--strict makes warnings fail (exit 1) and says so", async ({ expect }) => {
    const r = await runMain(["check", "--strict", "examples/legacy-docker-task.json"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^examples\/legacy-docker-task\.json \(TaskInfo, mesos\): invalid under --strict: 1 warning$/m,
    );
    expect(r.stdout).toMatch(/\(--strict: warnings fail\)$/m);
    const clean = await runMain(["check", "--strict", "examples/docker-task.json"]);
    expect(clean.status).toBe(0);
  });

  it("a missing file: exit 2, stderr names the file, the other files are still checked", async ({
    expect,
  }) => {
    const r = await runMain(["check", "examples/missing.json", "examples/command-task.json"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: examples\/missing\.json: file_not_found: no such file$/m);
    expect(r.stdout).toMatch(/^examples\/command-task\.json \(TaskInfo, mesos\): valid$/m);
    expect(r.stdout).toMatch(/^2 files checked: 1 valid, 1 not readable or decodable;/m);
  });

  it("undecodable input wins over invalid input: exit 2", async ({ expect }) => {
    const r = await runMain(["check", INVALID, "examples/missing.json"]);
    expect(r.status).toBe(2);
  });

  it("a corrupt binary file: exit 2 with the code, path and byte offset", async ({ expect }) => {
    const truncated = DOCKER_TASK_PB.subarray(0, DOCKER_TASK_PB.length - 3);
    const r = await runMain(["check", "--format", "binary", "-"], { input: truncated });
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain("(TaskInfo, mesos): valid");
    expect(r.stderr).toMatch(/^error: <stdin>: truncated at \S+, byte offset \d+: /m);
  });

  it("a JSON key the schema does not know: exit 2 naming the path", async ({ expect }) => {
    const task = JSON.parse(readFileSync(`${ROOT}/examples/docker-task.json`, "utf8"));
    task.container.docker.volumes = [];
    const r = await runMain(["check", "-"], { input: JSON.stringify(task) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown_field at container\.docker\.volumes/);
    expect(r.stderr).toContain("--ignore-unknown-fields");
    // ...unless unknown keys are explicitly allowed.
    const lenient = await runMain(["check", "--ignore-unknown-fields", "-"], {
      input: JSON.stringify(task),
    });
    expect(lenient.status).toBe(0);
  });

  it("binary bytes read as JSON get a hint to use --format binary", async ({ expect }) => {
    // Not UTF-8 (the doubles of the resources), and valid UTF-8 that cannot start JSON text.
    const utf8Binary = Uint8Array.from([
      0x0a, 0x03, 0x61, 0x62, 0x63, 0x12, 0x03, 0x0a, 0x01, 0x61,
    ]);
    const [notUtf8, notJson] = await Promise.all([
      runMain(["check", "-"], { input: DOCKER_TASK_PB }),
      runMain(["check", "-"], { input: utf8Binary }),
    ]);
    expect(notUtf8.status).toBe(2);
    expect(notUtf8.stderr).toMatch(/^error: <stdin>: invalid_utf8: .*--format binary$/m);
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/^error: <stdin>: invalid_json: .*--format binary$/m);
  });

  it("a file over --max-bytes: exit 2 before decoding", async ({ expect }) => {
    const r = await runMain(["check", "--max-bytes", "64", "examples/docker-task.json"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/too_large: .*--max-bytes/);
  });

  it("a directory: a usage error (exit 2) before any file is checked", async ({ expect }) => {
    const r = await runMain(["check", "examples/docker-task.json", "examples"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^mesos-dockerinfo: "examples" is a directory, not a regular file; /m);
    expect(r.stderr).toContain("'-' (stdin)");
  });
});

describe.concurrent("check output styling", () => {
  it("plain text when stdout is not a terminal: no ANSI codes, no symbols", async ({ expect }) => {
    const r = await runMain(["check", "examples/docker-task.json", INVALID]);
    expect(r.stdout).not.toContain(ANSI);
    expect(r.stdout).not.toMatch(/[✔✖⚠]/);
  });

  it("FORCE_COLOR and --color turn colour on; NO_COLOR and --no-color turn it off", async ({
    expect,
  }) => {
    const files = ["check", "examples/legacy-docker-task.json"];
    const [forced, flag, noColor, noColorFlag] = await Promise.all([
      runMain(files, { env: { FORCE_COLOR: "1" } }),
      runMain([...files, "--color"]),
      runMain(files, { env: { NO_COLOR: "1" } }),
      runMain([...files, "--no-color"], { env: { FORCE_COLOR: "1" } }),
    ]);
    expect(forced.stdout).toContain(ANSI);
    expect(flag.stdout).toContain(ANSI);
    expect(noColor.stdout).not.toContain(ANSI);
    expect(noColorFlag.stdout).not.toContain(ANSI);
  });

  it("escapes control characters from the input instead of writing them to the terminal", async ({
    expect,
  }) => {
    const task = JSON.parse(readFileSync(`${ROOT}/examples/command-task.json`, "utf8"));
    task.command.value = "echo \u001b]0;pwned\u0007";
    const r = await runMain(["check", "-"], { input: JSON.stringify(task) });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("\u001b");
    expect(r.stdout).not.toContain("\u0007");
  });
});
