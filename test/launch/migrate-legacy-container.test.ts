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
  LaunchError,
  migrateLegacyContainer,
  resolveLaunch,
  safeMigrateLegacyContainer,
} from "../../src/launch/index.js";
import { validate } from "../../src/validation/validate.js";
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
      expect(validate(TaskInfoSchema, migrated)).toEqual({ success: true, issues: [] });
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
    expect(result.error).toBeInstanceOf(LaunchError);
    expect(result.error.code).toBe("legacy_conflict");
    expect(result.error.path).toEqual(["command", "container"]);
    expect(result.error.message).toContain("both name an image");
    expect(equals(TaskInfoSchema, task, before)).toBe(true);
    expect(() => migrateLegacyContainer(task)).toThrow(LaunchError);
  });

  test("legacy options have no DockerInfo field: a legacy_conflict error on the executor path", () => {
    const task = legacyDockerExecutorTask();
    task.executor?.command?.container?.options.push("--privileged");
    const result = safeMigrateLegacyContainer(task);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe("legacy_conflict");
    expect(result.error.path).toEqual(["executor", "command", "container", "options"]);
    expect(result.error.message).toContain('["--privileged"]');
  });

  test("safeMigrateLegacyContainer returns the task on success", () => {
    const result = safeMigrateLegacyContainer(legacyDockerTask());
    expect(result.success).toBe(true);
    if (result.success) expect(result.task.container?.docker?.image).toBe("busybox");
  });

  test("an enum number the schema does not define: invalid_task naming the field, not a crash", () => {
    const task = legacyDockerTask();
    const resource = task.resources[0];
    if (!resource) throw new Error("fixture");
    resource.type = 9 as Value_Type;
    const result = safeMigrateLegacyContainer(task);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe("invalid_task");
    expect(result.error.issues.map((issue) => issue.code)).toContain("unknown_enum_value");
    expect(result.error.message).toContain("resources[0].type");
    expect(result.error.path).toEqual(["resources", 0, "type"]);
  });

  test("a value that is not a TaskInfo is an invalid_task error", () => {
    const result = safeMigrateLegacyContainer({} as TaskInfo);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.code).toBe("invalid_task");
  });

  test("property: never mutates its input; a migrated task has no legacy Docker container left", () => {
    fc.assert(
      fc.property(arbitraryLaunchTask(), (task) => {
        // Not clone(): it refuses the unknown enum numbers some generated tasks hold.
        const before = structuredClone(task);
        const result = safeMigrateLegacyContainer(task);
        expect(task).toEqual(before);
        if (!result.success) {
          expect(["legacy_conflict", "invalid_task"]).toContain(result.error.code);
          return;
        }
        for (const holder of [result.task, result.task.executor]) {
          expect(holder?.command?.container?.image.startsWith("docker:///") ?? false).toBe(false);
        }
        // A launch that resolved before resolves to the same kind and image after.
        const old = resolveLaunch(task);
        const now = resolveLaunch(result.task);
        if (old.success) {
          if (!now.success) throw new Error(JSON.stringify(now.issues));
          expect(now.launch.kind).toBe(old.launch.kind);
          expect(now.launch.image?.string).toBe(old.launch.image?.string);
        }
      }),
      { numRuns: 200 },
    );
  });
});
