import { clearField, create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  CommandInfoSchema,
  ContainerInfo_Type,
  ExecutorInfoSchema,
  ContainerInfo_DockerInfo_Volume_Mode as Mode,
  type TaskInfo,
  TaskInfoSchema,
  ContainerInfo_DockerInfo_VolumeSchema as VolumeSchema,
} from "../../gen/mesos/mesos_pb.js";
import { type Launch, resolveLaunch } from "../../src/launch/index.js";
import { arbitraryMessage } from "../../src/testing/index.js";
import { validate } from "../../src/validation/index.js";
import {
  commandTask,
  dockerExecutorTask,
  dockerTask,
  legacyDockerTask,
} from "../fixtures/canonical.js";
import { arbitraryLaunchTask } from "./arbitrary-launch-task.js";
import { customExecutorTask, DECISION_TABLE, legacyDockerExecutorTask } from "./decision-table.js";
import { launchOf, resolved } from "./helpers.js";

describe("resolveLaunch: the decision table", () => {
  test.each(
    DECISION_TABLE.map(
      (row) =>
        [
          `executor ${row.executor} / command ${row.command} / executor.container ${row.executorContainer} / task.container ${row.taskContainer} / legacy ${row.legacy}`,
          row,
        ] as const,
    ),
  )("%s", (_, row) => {
    const task = row.build();
    const result = resolveLaunch(task);
    const verdict = validate(TaskInfoSchema, task);
    expect(result.success).toBe(verdict.success);
    expect(result.issues).toEqual(verdict.issues);
    if ("invalid" in row.verdict) {
      expect(result.success).toBe(false);
      expect(result.issues.map((issue) => issue.code)).toContain(row.verdict.invalid);
      return;
    }
    if (!result.success) throw new Error(JSON.stringify(result.issues));
    expect(result.data.kind).toBe(row.verdict.kind);
    expect(result.data.legacy).toBe(row.verdict.legacy);
    expect(result.data.image?.string).toBe(row.verdict.image);
    expect(result.issues.map((issue) => issue.code).sort()).toEqual([...row.warnings].sort());
    expect(result.issues.every((issue) => issue.severity === "warning")).toBe(true);
  });

  test("every launch kind and both legacy forms appear in the table", () => {
    const valid = DECISION_TABLE.flatMap((row) =>
      "kind" in row.verdict ? [`${row.verdict.kind}${row.verdict.legacy ? " legacy" : ""}`] : [],
    );
    expect(new Set(valid)).toEqual(
      new Set([
        "command",
        "docker-task",
        "docker-task legacy",
        "docker-executor",
        "docker-executor legacy",
        "custom-executor",
      ]),
    );
  });
});

describe("resolveLaunch: what each variant carries", () => {
  test("command: the task's command, no image, no volumes, no executor", () => {
    const launch = launchOf(commandTask());
    expect(launch).toEqual({
      kind: "command",
      legacy: false,
      volumes: [],
      command: {
        shell: true,
        value: "echo hello && sleep 1",
        arguments: [],
        environment: [expect.objectContaining({ name: "GREETING", value: "hello" })],
        user: undefined,
      },
    });
  });

  test("docker-task: parsed and raw image, its path, volumes with modes and the anonymous flag", () => {
    const launch = launchOf(dockerTask(), "docker-task");
    expect(launch.legacy).toBe(false);
    expect(launch.rawImage).toBe("busybox:1.36");
    expect(launch.imagePath).toEqual(["container", "docker", "image"]);
    expect(launch.image).toMatchObject({
      name: "docker.io/library/busybox",
      domain: "docker.io",
      path: "library/busybox",
      tag: "1.36",
      familiar: "busybox:1.36",
      string: "docker.io/library/busybox:1.36",
    });
    expect(launch.volumes).toEqual([
      { containerDir: "/data", hostDir: "/var/data", mode: "rw", anonymous: false },
      { containerDir: "/etc/app", hostDir: "/etc/app", mode: "ro", anonymous: false },
      { containerDir: "/scratch", mode: "rw", anonymous: true },
    ]);
    expect(launch.command.value).toBe("ls /data && cat /etc/hostname");
    expect(launch.command.environment.map((v) => [v.name, v.value])).toEqual([["MODE", "demo"]]);
    expect(launch.executor).toBeUndefined();
  });

  test("docker-task: shell false, arguments and user are carried as set", () => {
    const task = dockerTask();
    task.command = create(CommandInfoSchema, {
      shell: false,
      value: "/bin/echo",
      arguments: ["echo", "hi"],
      user: "nobody",
    });
    const launch = launchOf(task);
    expect(launch.command).toEqual({
      shell: false,
      value: "/bin/echo",
      arguments: ["echo", "hi"],
      environment: [],
      user: "nobody",
    });
  });

  test("an unset command value is undefined, not the proto default", () => {
    const task = dockerTask();
    if (!task.command) throw new Error("fixture");
    task.command.shell = false;
    clearField(task.command, CommandInfoSchema.field.value);
    expect(launchOf(task).command.value).toBeUndefined();
  });

  test("docker-executor: the executor's image, command and volumes, and the executor itself", () => {
    const task = dockerExecutorTask();
    const dockerInfo = task.executor?.container?.docker;
    if (!dockerInfo) throw new Error("fixture");
    dockerInfo.volume.push(
      create(VolumeSchema, { containerDir: "/cache", hostDir: "/srv/cache", mode: Mode.RO }),
    );
    const launch = launchOf(task, "docker-executor");
    expect(launch.executor.id).toBe("my-executor");
    expect(launch.executor.name).toBe("my docker executor");
    expect(launch.executor.info).toBe(task.executor);
    expect(launch.imagePath).toEqual(["executor", "container", "docker", "image"]);
    expect(launch.image.domain).toBe("registry.example.com:5000");
    expect(launch.image.digest).toBe(`sha256:${"ab".repeat(32)}`);
    expect(launch.command).toMatchObject({ shell: false, value: undefined, arguments: [] });
    expect(launch.volumes).toEqual([
      { containerDir: "/cache", hostDir: "/srv/cache", mode: "ro", anonymous: false },
    ]);
  });

  test("custom-executor: the executor and its command, no image", () => {
    const launch = launchOf(customExecutorTask());
    expect(launch.kind).toBe("custom-executor");
    expect(launch.image).toBeUndefined();
    expect(launch.executor?.id).toBe("my-executor");
    expect(launch.command.value).toBe("./my-executor --verbose");
    expect(launch.volumes).toEqual([]);
  });
});

describe("resolveLaunch: the legacy docker:/// form", () => {
  test("on the task's command: a legacy docker-task whose image is the text after docker:///", () => {
    const { launch, issues } = resolved(legacyDockerTask(), "docker-task");
    expect(launch.legacy).toBe(true);
    expect(launch.rawImage).toBe("busybox");
    expect(launch.image.name).toBe("docker.io/library/busybox");
    expect(launch.image.tag).toBeUndefined();
    expect(launch.imagePath).toEqual(["command", "container", "image"]);
    expect(launch.volumes).toEqual([]);
    expect(launch.command.value).toBe("echo hello");
    expect(issues).toEqual([
      expect.objectContaining({
        code: "legacy_container_deprecated",
        severity: "warning",
        path: ["command", "container"],
      }),
    ]);
  });

  test("on the executor's command: a legacy docker-executor", () => {
    const { launch, issues } = resolved(legacyDockerExecutorTask(), "docker-executor");
    expect(launch.legacy).toBe(true);
    expect(launch.rawImage).toBe("busybox");
    expect(launch.imagePath).toEqual(["executor", "command", "container", "image"]);
    expect(launch.executor.id).toBe("my-executor");
    expect(launch.command.value).toBe("/usr/local/bin/executor");
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["legacy_container_deprecated", ["executor", "command", "container"]],
    ]);
  });

  test.each([
    ["docker://busybox (two slashes)", "docker://busybox"],
    ["a bare image name", "busybox"],
    ["another scheme", "appc:///busybox"],
    ["the prefix in another case", "DOCKER:///busybox"],
  ])("%s is not a Docker launch, with a warning", (_, image) => {
    const task = legacyDockerTask();
    if (!task.command?.container) throw new Error("fixture");
    task.command.container.image = image;
    const result = resolveLaunch(task);
    if (!result.success) throw new Error(JSON.stringify(result.issues));
    expect(result.data.kind).toBe("command");
    expect(result.data.legacy).toBe(false);
    expect(result.issues.map((issue) => issue.code)).toEqual(["legacy_container_not_docker"]);
  });

  test("a tagged legacy image keeps its tag", () => {
    const task = legacyDockerTask();
    if (!task.command?.container) throw new Error("fixture");
    task.command.container.image = "docker:///registry.example.com/app:2";
    const launch = launchOf(task);
    expect(launch.image?.string).toBe("registry.example.com/app:2");
  });
});

describe("resolveLaunch is total", () => {
  test.each([
    ["null", null],
    ["undefined", undefined],
    ["a number", 42],
    ["a plain object", { name: "x" }],
    ["another message", create(ExecutorInfoSchema)],
  ])("%s gives one invalid_input issue", (_, value) => {
    const result = resolveLaunch(value as unknown as TaskInfo);
    expect(result.success).toBe(false);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: "invalid_input", severity: "error", path: [] });
    expect(result.issues[0]?.message).toContain("mesos.TaskInfo");
  });

  test("an empty TaskInfo reports its errors instead of throwing", () => {
    const result = resolveLaunch(create(TaskInfoSchema));
    expect(result.success).toBe(false);
    expect(result.issues.map((issue) => issue.code)).toContain("required_field_missing");
  });

  test("property: never throws and agrees with validate() over generated tasks", () => {
    fc.assert(
      fc.property(arbitraryLaunchTask(), (task) => {
        const result = resolveLaunch(task);
        const verdict = validate(TaskInfoSchema, task);
        expect(result.success).toBe(verdict.success);
        expect(result.issues).toEqual(verdict.issues);
        if (result.success) expect(result.data.kind).toBe(expectedKind(task));
      }),
      { numRuns: 300 },
    );
  });

  test("property: any message of the schema (random fields, unknown fields) resolves without throwing", () => {
    fc.assert(
      fc.property(arbitraryMessage(TaskInfoSchema, { unknownFields: true }), (task) => {
        const result = resolveLaunch(task);
        expect(result.success).toBe(validate(TaskInfoSchema, task).success);
      }),
      { numRuns: 200 },
    );
  });
});

/** The kind a valid task must get, read straight off the message (a second, naive classifier). */
function expectedKind(task: TaskInfo): Launch["kind"] {
  const executor = task.executor;
  const holder = executor ?? task;
  const legacyImage = holder.command?.container?.image;
  const docker =
    holder.container?.type === ContainerInfo_Type.DOCKER ||
    legacyImage?.startsWith("docker:///") === true;
  if (executor) return docker ? "docker-executor" : "custom-executor";
  return docker ? "docker-task" : "command";
}
