import { clone, create, equals, fromBinary, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  CommandInfo_ContainerInfoSchema,
  ContainerInfo_Type,
  ContainerInfoSchema,
  type TaskInfo,
  TaskInfoSchema,
  type Value_Type,
} from "../../gen/mesos/mesos_pb.js";
import {
  migrateLegacyContainer,
  resolveLaunch,
  safeMigrateLegacyContainer,
} from "../../src/launch/index.js";
import { formatIssues, LaunchError } from "../../src/problems/index.js";
import { validate } from "../../src/validation/index.js";
import {
  commandTask,
  dockerExecutorTask,
  dockerTask,
  legacyDockerTask,
} from "../fixtures/canonical.js";
import { arbitraryLaunchTask } from "./arbitrary-launch-task.js";
import { customExecutorTask, legacyDockerExecutorTask } from "./decision-table.js";
import { launchOf } from "./helpers.js";

/** Migrates and checks that the input is untouched (deep comparison with a clone taken before). */
function migrateUnchanged(task: TaskInfo): TaskInfo {
  const before = clone(TaskInfoSchema, task);
  const bytes = toBinary(TaskInfoSchema, task);
  const migrated = migrateLegacyContainer(task);
  expect(equals(TaskInfoSchema, task, before)).toBe(true);
  expect(toBinary(TaskInfoSchema, task)).toEqual(bytes);
  expect(migrated).not.toBe(task);
  return migrated;
}

describe("migrateLegacyContainer", () => {
  test.each([
    ["the task form (command.container)", legacyDockerTask, "docker-task"],
    ["the executor form (executor.command.container)", legacyDockerExecutorTask, "docker-executor"],
  ] as const)(
    "round trip of %s: same kind and image, no longer legacy, validates clean",
    (_, build, kind) => {
      const legacy = build();
      const before = launchOf(legacy);
      const migrated = migrateUnchanged(legacy);
      const after = launchOf(migrated);

      expect(before.kind).toBe(kind);
      expect(before.legacy).toBe(true);
      expect(after.kind).toBe(kind);
      expect(after.legacy).toBe(false);
      expect(after.image).toEqual(before.image);
      expect(after.command).toEqual(before.command);
      expect(validate(TaskInfoSchema, migrated)).toEqual({
        success: true,
        data: migrated,
        issues: [],
      });
    },
  );

  test("the task form: container { type: DOCKER, docker: { image } } and no legacy field", () => {
    const migrated = migrateLegacyContainer(legacyDockerTask());
    const expected = legacyDockerTask();
    if (!expected.command) throw new Error("fixture");
    expected.command.container = undefined;
    expected.container = create(ContainerInfoSchema, {
      type: ContainerInfo_Type.DOCKER,
      docker: { image: "busybox" },
    });
    expect(equals(TaskInfoSchema, migrated, expected)).toBe(true);
  });

  test("the executor form: the ContainerInfo goes on the executor, not the task", () => {
    const migrated = migrateLegacyContainer(legacyDockerExecutorTask());
    expect(migrated.container).toBeUndefined();
    expect(migrated.executor?.command?.container).toBeUndefined();
    expect(migrated.executor?.command?.value).toBe("/usr/local/bin/executor");
    expect(migrated.executor?.container?.type).toBe(ContainerInfo_Type.DOCKER);
    expect(migrated.executor?.container?.docker?.image).toBe("busybox");
  });

  test.each([
    ["a command task", commandTask],
    ["a Docker task", dockerTask],
    ["a Docker executor task", dockerExecutorTask],
    ["a custom executor task", customExecutorTask],
  ])("%s without a legacy container comes back as an equal clone", (_, build) => {
    const task = build();
    const migrated = migrateUnchanged(task);
    expect(equals(TaskInfoSchema, migrated, task)).toBe(true);
  });

  test("a legacy field with another scheme is not a Docker image and is left as it is", () => {
    const task = legacyDockerTask();
    if (!task.command?.container) throw new Error("fixture");
    task.command.container.image = "appc:///busybox";
    const migrated = migrateUnchanged(task);
    expect(equals(TaskInfoSchema, migrated, task)).toBe(true);
  });

  test("unknown fields survive the migration", () => {
    // Field 15 (varint 7) is not in our TaskInfo: it must be kept and written back.
    const bytes = new Uint8Array([...toBinary(TaskInfoSchema, legacyDockerTask()), 0x78, 0x07]);
    const task = fromBinary(TaskInfoSchema, bytes);
    const migrated = migrateUnchanged(task);
    const out = toBinary(TaskInfoSchema, migrated);
    expect([...out.slice(-2)]).toEqual([0x78, 0x07]);
  });

  test("legacy and ContainerInfo on the same message: a legacy_conflict error, nothing dropped", () => {
    const task = dockerTask();
    if (!task.command) throw new Error("fixture");
    task.command.container = create(CommandInfo_ContainerInfoSchema, { image: "docker:///alpine" });
    const before = clone(TaskInfoSchema, task);
    const result = safeMigrateLegacyContainer(task);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.code).toBe("legacy_conflict");
    expect(result.issues[0]?.path).toEqual(["command", "container"]);
    expect(result.issues[0]?.message).toContain("both name an image");
    expect(equals(TaskInfoSchema, task, before)).toBe(true);
    expect(() => migrateLegacyContainer(task)).toThrow(LaunchError);
  });

  test("legacy options have no DockerInfo field: a legacy_conflict error on the executor path", () => {
    const task = legacyDockerExecutorTask();
    task.executor?.command?.container?.options.push("--privileged");
    const result = safeMigrateLegacyContainer(task);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0]?.code).toBe("legacy_conflict");
    expect(result.issues[0]?.path).toEqual(["executor", "command", "container", "options"]);
    expect(result.issues[0]?.message).toContain('["--privileged"]');
  });

  test("safeMigrateLegacyContainer returns the task on success", () => {
    const result = safeMigrateLegacyContainer(legacyDockerTask());
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.container?.docker?.image).toBe("busybox");
  });

  test("an enum number the schema does not define: invalid_task naming the field, not a crash", () => {
    const task = legacyDockerTask();
    const resource = task.resources[0];
    if (!resource) throw new Error("fixture");
    resource.type = 9 as Value_Type;
    const result = safeMigrateLegacyContainer(task);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0]?.code).toBe("unknown_enum_value");
    expect(result.issues.map((issue) => issue.code)).toContain("unknown_enum_value");
    expect(formatIssues(result.issues)).toContain("resources[0].type");
    expect(result.issues[0]?.path).toEqual(["resources", 0, "type"]);
  });

  test("a value that is not a TaskInfo is an invalid_task error", () => {
    const result = safeMigrateLegacyContainer({} as TaskInfo);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0]?.code).toBe("invalid_input");
  });

  test("property: never mutates its input; a migrated task has no legacy Docker container left", () => {
    fc.assert(
      fc.property(arbitraryLaunchTask(), (task) => {
        // Not clone(): it refuses the unknown enum numbers some generated tasks hold.
        const before = structuredClone(task);
        const result = safeMigrateLegacyContainer(task);
        expect(task).toEqual(before);
        if (!result.success) {
          // Refused rather than lose data, or a task protobuf-es cannot copy (validate's issues).
          const codes = result.issues.map((issue) => issue.code);
          expect(
            codes.includes("legacy_conflict") ||
              codes.includes("unknown_enum_value") ||
              codes.includes("invalid_input"),
          ).toBe(true);
          return;
        }
        for (const holder of [result.data, result.data.executor]) {
          expect(holder?.command?.container?.image.startsWith("docker:///") ?? false).toBe(false);
        }
        // A launch that resolved before resolves to the same kind and image after.
        const old = resolveLaunch(task);
        const now = resolveLaunch(result.data);
        if (old.success) {
          if (!now.success) throw new Error(JSON.stringify(now.issues));
          expect(now.data.kind).toBe(old.data.kind);
          expect(now.data.image?.string).toBe(old.data.image?.string);
        }
      }),
      { numRuns: 200 },
    );
  });
});
