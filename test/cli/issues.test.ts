// What check reports about a file, in-process through main(argv, io): a missing required field
// is a validation issue listed with every other issue (exit 1), issues of JSON input carry the
// line and column of their value, and the three reporters and --quiet show the same findings.
import { readFileSync } from "node:fs";
import { create, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { TaskInfoSchema } from "../../src/schema/index.js";
import { ROOT, runMain } from "./run-cli.js";

const INVALID = "examples/invalid/invalid-volumes.json";
const INVALID_TEXT = readFileSync(`${ROOT}/${INVALID}`, "utf8");

// biome-ignore lint/suspicious/noExplicitAny: JSON fixtures edited freely
function json(name: string): Record<string, any> {
  return JSON.parse(readFileSync(`${ROOT}/examples/${name}`, "utf8"));
}

/** 1-based line and column of a character offset, counted independently of the CLI. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before[before.length - 1] as string).length + 1 };
}

interface JsonIssue {
  code: string;
  severity: string;
  path: (string | number)[];
  line?: number;
  column?: number;
}

describe.concurrent("a message that decodes but misses required fields", () => {
  it("JSON: exit 1 with required_field_missing and every other issue in one run", async ({
    expect,
  }) => {
    const task = json("docker-task.json");
    delete task.task_id;
    task.container.docker.volume[0].host_dir = "var/data";
    const r = await runMain(["check", "--json", "-"], { input: JSON.stringify(task, null, 2) });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    const [file] = JSON.parse(r.stdout).files;
    expect(file.status).toBe("invalid");
    const codes = file.issues.map((i: JsonIssue) => [i.code, i.path]);
    expect(codes).toContainEqual(["required_field_missing", ["task_id"]]);
    expect(codes).toContainEqual([
      "host_dir_not_absolute",
      ["container", "docker", "volume", 0, "host_dir"],
    ]);
    // A missing field points at the object that lacks it: here the root, at 1:1.
    const missing = file.issues.find((i: JsonIssue) => i.code === "required_field_missing");
    expect(missing).toMatchObject({ line: 1, column: 1 });
  });

  it("text: both issues are printed and the summary counts them", async ({ expect }) => {
    const task = json("command-task.json");
    delete task.slave_id;
    task.command.environment.variables[0].name = "A=B";
    const r = await runMain(["check", "-"], { input: JSON.stringify(task) });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^ {2}error +<stdin>:1:1 slave_id: .*\[required_field_missing\]$/m);
    expect(r.stdout).toMatch(/\[env_name_contains_equals\]$/m);
    expect(r.stdout).toMatch(/^1 file checked: 0 valid, 1 invalid; 2 errors, 0 warnings$/m);
  });

  it("binary: exit 1 with required_field_missing and the image issue", async ({ expect }) => {
    const task = create(TaskInfoSchema, {
      name: "t",
      taskId: { value: "x" },
      slaveId: { value: "s1" },
      resources: [{ name: "cpus", type: 0, scalar: { value: 1 } }],
      command: { value: "true" },
      container: { type: 1, docker: { image: "Busybox" } },
    });
    // Encoders refuse a message without its required task_id, so cut the field out of the bytes:
    // tag 2 (length-delimited), 3 bytes: a TaskID with value "x".
    const whole = Buffer.from(toBinary(TaskInfoSchema, task));
    const field = Buffer.from([0x12, 0x03, 0x0a, 0x01, 0x78]);
    const at = whole.indexOf(field);
    expect(at).toBeGreaterThan(0);
    const bytes = Buffer.concat([whole.subarray(0, at), whole.subarray(at + field.length)]);
    const r = await runMain(["check", "--json", "--format", "binary", "-"], { input: bytes });
    expect(r.status).toBe(1);
    const [file] = JSON.parse(r.stdout).files;
    const codes = file.issues.map((i: JsonIssue) => i.code);
    expect(codes).toContain("required_field_missing");
    expect(codes).toContain("image_invalid");
    // Binary input has no lines.
    for (const issue of file.issues) expect(issue).not.toHaveProperty("line");
  });
});

describe.concurrent("locations of issues in JSON input", () => {
  // Each issue of the broken example, and the text its value starts with in the file.
  const cases: [string, (string | number)[], number][] = [
    ["image_empty", ["container", "docker", "image"], INVALID_TEXT.indexOf('""')],
    [
      "host_dir_not_absolute",
      ["container", "docker", "volume", 0, "host_dir"],
      INVALID_TEXT.indexOf('"var/data"'),
    ],
    [
      "duplicate_container_dir",
      ["container", "docker", "volume", 1, "container_dir"],
      INVALID_TEXT.indexOf('"/data/"'),
    ],
    [
      "container_dir_not_absolute",
      ["container", "docker", "volume", 2, "container_dir"],
      INVALID_TEXT.indexOf('"logs"'),
    ],
    [
      "read_only_anonymous_volume",
      ["container", "docker", "volume", 3, "mode"],
      INVALID_TEXT.lastIndexOf('"RO"'),
    ],
  ];
  const run = runMain(["check", "--reporter", "json", INVALID]);

  it.each(cases)("%s at %j: the line and column of its value", async (code, path, offset) => {
    expect(offset).toBeGreaterThan(0);
    const [file] = JSON.parse((await run).stdout).files;
    const issue = file.issues.find((i: JsonIssue) => i.code === code);
    expect(issue.path).toEqual(path);
    expect({ line: issue.line, column: issue.column }).toEqual(position(INVALID_TEXT, offset));
  });

  it("text output shows them as file:line:col", async () => {
    const r = await runMain(["check", INVALID]);
    const { line, column } = position(INVALID_TEXT, INVALID_TEXT.indexOf('"var/data"'));
    expect(r.stdout).toContain(
      `  error   ${INVALID}:${line}:${column} container.docker.volume[0].host_dir: `,
    );
  });

  it("a JSON syntax error is located by its offset", async () => {
    const r = await runMain(["check", "-"], { input: '{\n  "name": "x",\n  oops\n}\n' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: <stdin>:3:\d+: invalid_json/m);
  });

  it("an unknown key is located at its value, in camelCase input too", async () => {
    const task = json("docker-task.json");
    task.container.docker.volumez = [];
    const text = JSON.stringify(task, null, 2);
    const r = await runMain(["check", "-"], { input: text });
    expect(r.status).toBe(2);
    const { line } = position(text, text.indexOf('"volumez"'));
    expect(r.stderr).toMatch(
      new RegExp(
        `^error: <stdin>:${line}:\\d+: unknown_field at container\\.docker\\.volumez: `,
        "m",
      ),
    );
    // The advice names the flag, never the API option.
    expect(r.stderr).toContain("--ignore-unknown-fields");
    expect(r.stderr).not.toContain("ignoreUnknownFields");
  });
});

describe.concurrent("messages name flags, never API options", () => {
  it("binary: an undeclared enum number is a decode error without codec advice", async () => {
    // A Volume: container_dir "/a" (field 1), mode 7 (field 3), which Mode does not declare.
    const bytes = Uint8Array.from([0x0a, 0x02, 0x2f, 0x61, 0x18, 0x07]);
    const r = await runMain(["check", "--type", "Volume", "--format", "binary", "-"], {
      input: bytes,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: <stdin>: unknown_enum_value at mode/m);
    expect(r.stderr).not.toMatch(/strict|maxBytes|maxDepth|\{ /);
  });

  it("convert: a missing required field names no API option", async () => {
    const task = json("command-task.json");
    delete task.task_id;
    const r = await runMain(["convert", "--to", "binary"], { input: JSON.stringify(task) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/required_field_missing at task_id: /);
    expect(r.stderr).not.toMatch(/strict|\{ /);
  });
});

describe.concurrent("reporters and --quiet", () => {
  it("--json is an alias of --reporter json", async () => {
    const [alias, reporter] = await Promise.all([
      runMain(["check", "--json", INVALID, "examples/legacy-docker-task.json"]),
      runMain(["check", "--reporter", "json", INVALID, "examples/legacy-docker-task.json"]),
    ]);
    expect(alias.stdout).toBe(reporter.stdout);
    expect(alias.status).toBe(1);
    expect(reporter.status).toBe(1);
  });

  it.each([
    [["--json", "--reporter", "github"], /--json means --reporter json/],
    [["--reporter", "junit"], /--reporter must be text, json or github/],
  ])("%j is a usage error", async (flags, message) => {
    const r = await runMain(["check", ...flags, INVALID]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain("Run 'mesos-dockerinfo check --help' for usage.");
  });

  it("github: one workflow command per issue, with file, line and column", async () => {
    const r = await runMain(["check", "--reporter", "github", INVALID]);
    expect(r.status).toBe(1);
    const commands = r.stdout.split("\n").filter((line) => line.startsWith("::"));
    expect(commands).toHaveLength(6);
    const { line, column } = position(INVALID_TEXT, INVALID_TEXT.indexOf('""'));
    expect(commands).toContain(
      `::error file=${INVALID},line=${line},col=${column}::container.docker.image: image is empty; docker run needs an image%3A name one, e.g. "busybox%3A1.36" [image_empty]`.replaceAll(
        "%3A",
        ":",
      ),
    );
    expect(commands.filter((c) => c.startsWith("::warning file="))).toHaveLength(1);
    expect(commands.filter((c) => c.startsWith("::error file="))).toHaveLength(5);
    // The summary line follows, for the log.
    expect(r.stdout).toMatch(/^1 file checked: 0 valid, 1 invalid; 5 errors, 1 warning$/m);
  });

  it("github: stdin has no file property; a decode failure is annotated too", async () => {
    const r = await runMain(["check", "--reporter", "github", "-"], { input: "{ nope" });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^::error line=1,col=\d+::.*\[invalid_json\]$/m);
  });

  it("--quiet: errors only, no blocks for valid files; the summary still counts", async () => {
    const files = ["examples/docker-task.json", "examples/legacy-docker-task.json", INVALID];
    const r = await runMain(["check", "--quiet", ...files]);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain("examples/docker-task.json (TaskInfo, mesos)");
    expect(r.stdout).not.toContain("legacy-docker-task.json (TaskInfo, mesos)");
    expect(r.stdout).not.toMatch(/^ {2}warning /m);
    expect(r.stdout).not.toContain("launch:");
    expect(r.stdout).toMatch(/^ {2}error {3}\S+ container\.docker\.image: /m);
    expect(r.stdout).toMatch(/^3 files checked: 2 valid, 1 invalid; 5 errors, 2 warnings$/m);
  });

  it("--quiet leaves warnings out of the json and github reporters", async () => {
    const [doc, github] = await Promise.all([
      runMain(["check", "--quiet", "--json", INVALID]),
      runMain(["check", "--quiet", "--reporter", "github", INVALID]),
    ]);
    const [file] = JSON.parse(doc.stdout).files;
    expect(file.issues.map((i: JsonIssue) => i.severity)).toEqual(Array(5).fill("error"));
    expect(github.stdout).not.toContain("::warning");
    expect(github.stdout.match(/^::error /gm)).toHaveLength(5);
  });
});
