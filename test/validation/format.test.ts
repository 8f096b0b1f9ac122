// Formatting: paths, quoting, the error class, assertValid, and the README rule table.
import { describe, expect, test } from "vitest";
import { ExecutorInfoSchema, TaskInfoSchema } from "../../gen/mesos/mesos_pb.js";
import { CODES, formatIssues, formatPath, quote } from "../../src/problems/index.js";
import {
  assertValid,
  RULE_CODES,
  rulesTable,
  ValidationError,
} from "../../src/validation/index.js";
import { legacyDockerTask } from "../fixtures/canonical.js";
import { docker, dockerInfo, executor, volume } from "./build.js";

describe("formatPath and quote", () => {
  test("paths read as in Mesos JSON", () => {
    expect(formatPath(["container", "docker", "volume", 0, "host_dir"])).toBe(
      "container.docker.volume[0].host_dir",
    );
    expect(formatPath(["resources", 2, "ranges", "range", 10])).toBe(
      "resources[2].ranges.range[10]",
    );
    expect(formatPath([])).toBe("");
  });

  test("quote escapes control characters and cuts long values", () => {
    expect(quote('a"\n')).toBe('"a\\"\\n"');
    const q = quote("x".repeat(500));
    expect(q).toBe(`"${"x".repeat(79)}"… (500 characters)`);
  });
});

describe("assertValid and ValidationError", () => {
  test("throws with every issue and a readable multi-line message", () => {
    const task = docker((t) => {
      dockerInfo(t).volume = [volume("/data", "var/data"), volume("/x/")];
      if (t.taskId) t.taskId.value = "";
    });
    let error: unknown;
    try {
      assertValid(TaskInfoSchema, task);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toBeInstanceOf(Error);
    const v = error as ValidationError;
    expect(v.name).toBe("ValidationError");
    expect(v.issues.map((i) => i.code)).toEqual([
      "id_empty",
      "host_dir_not_absolute",
      "path_not_clean",
    ]);
    const lines = v.message.split("\n");
    expect(lines[0]).toBe("mesos.TaskInfo is invalid (2 errors, 1 warning):");
    expect(lines[1]).toMatch(/^ {2}error task_id\.value: TaskID value is empty; .* \[id_empty\]$/);
    expect(lines[2]).toMatch(
      /^ {2}error container\.docker\.volume\[0\]\.host_dir: host_dir "var\/data" is not an absolute path; .*e\.g\. "\/var\/data" \[host_dir_not_absolute\]$/,
    );
    expect(lines[3]).toMatch(
      /^ {2}warning container\.docker\.volume\[1\]\.container_dir: .* \[path_not_clean\]$/,
    );
    expect(lines).toHaveLength(4);
  });

  test("warnings alone do not throw, and the message comes back", () => {
    const task = legacyDockerTask();
    expect(assertValid(TaskInfoSchema, task)).toBe(task);
  });

  test("root-level issues show (root)", () => {
    const e = new ValidationError("message is invalid", [
      { code: "command_and_executor_both_missing", severity: "error", path: [], message: "m" },
    ]);
    expect(e.message).toBe(
      "message is invalid (1 error):\n  error (root): m [command_and_executor_both_missing]",
    );
    expect(formatIssues(e.issues)).toBe("error (root): m [command_and_executor_both_missing]");
  });

  test("options reach validate", () => {
    const e = executor((x) => (x.container = undefined));
    expect(() => assertValid(ExecutorInfoSchema, e)).toThrow(/executable_missing/);
  });
});

describe("the rule table", () => {
  test("every code is snake_case with a severity, what and why", () => {
    for (const code of RULE_CODES) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      const rule = CODES[code];
      expect(["error", "warning"]).toContain(rule.severity);
      expect(rule.what.length).toBeGreaterThan(5);
      expect(rule.why.length).toBeGreaterThan(5);
    }
  });

  test("rulesTable renders one Markdown row per code, in table order", () => {
    const lines = rulesTable().split("\n");
    expect(lines[0]).toBe("| code | severity | schemas | what | why | stricter than Mesos |");
    expect(lines[1]).toBe("|---|---|---|---|---|---|");
    expect(lines.slice(2).map((l) => l.split(" | ")[0]?.slice(3, -1))).toEqual(RULE_CODES);
    const hostDir = lines.find((l) => l.startsWith("| `host_dir_not_absolute` |"));
    expect(hostDir).toMatch(/^\| `host_dir_not_absolute` \| error \| seed \| .* \| yes \|$/);
    const union = lines.find((l) => l.startsWith("| `container_union_mismatch` |"));
    expect(union).toMatch(/^\| `container_union_mismatch` \| warning \| v1 \| .* \| no \|$/);
    const ids = lines.find((l) => l.startsWith("| `id_empty` |"));
    expect(ids).toMatch(/^\| `id_empty` \| error \| seed, v1 \| /);
    const required = lines.find((l) => l.startsWith("| `required_field_missing` |"));
    expect(required).toMatch(/\| no \|$/);
    for (const line of lines.slice(2)) expect(line.split(" | ")).toHaveLength(6);
  });
});
