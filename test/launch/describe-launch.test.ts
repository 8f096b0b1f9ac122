import { create } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import {
  CommandInfoSchema,
  ContainerInfo_DockerInfo_VolumeSchema,
  type TaskInfo,
} from "../../gen/mesos/mesos_pb.js";
import { describeLaunch } from "../../src/launch/index.js";
import {
  commandTask,
  dockerExecutorTask,
  dockerTask,
  legacyDockerTask,
} from "../fixtures/canonical.js";
import { customExecutorTask, legacyDockerExecutorTask } from "./decision-table.js";
import { launchOf } from "./helpers.js";

const describeTask = (task: TaskInfo): string => describeLaunch(launchOf(task));

const DIGEST = `sha256:${"ab".repeat(32)}`;

describe("describeLaunch", () => {
  test("command task", () => {
    expect(describeTask(commandTask())).toBe(
      "Command task: the Mesos CommandExecutor runs /bin/sh -c 'echo hello && sleep 1' (no container).",
    );
  });

  test("command task with shell false: arguments are the whole argv", () => {
    const task = commandTask();
    task.command = create(CommandInfoSchema, {
      shell: false,
      value: "/bin/echo",
      arguments: ["echo", "it's"],
    });
    expect(describeTask(task)).toBe(
      "Command task: the Mesos CommandExecutor executes /bin/echo with argv [echo, 'it'\\''s'] (no container).",
    );
  });

  test("Docker task with RW, RO and anonymous volumes", () => {
    expect(describeTask(dockerTask())).toBe(
      "Docker task: runs image busybox:1.36 (docker.io/library/busybox:1.36) with /bin/sh -c 'ls /data && cat /etc/hostname', 3 volumes (/var/data:/data:rw, /etc/app:/etc/app:ro, anonymous /scratch).",
    );
  });

  test.each([
    [{ shell: false }, "the image's entrypoint"],
    [
      { shell: false, arguments: ["--port", "80"] },
      "the image's entrypoint and arguments --port 80",
    ],
    [{ shell: false, value: "/bin/echo", arguments: ["echo", "hi"] }, "/bin/echo echo hi"],
    [{ shell: false, value: "/bin/date" }, "/bin/date"],
  ])("Docker task command %j reads as %s", (command, words) => {
    const task = dockerTask();
    task.command = create(CommandInfoSchema, command);
    expect(describeTask(task)).toBe(
      `Docker task: runs image busybox:1.36 (docker.io/library/busybox:1.36) with ${words}, 3 volumes (/var/data:/data:rw, /etc/app:/etc/app:ro, anonymous /scratch).`,
    );
  });

  test("a long command value is shortened", () => {
    const task = dockerTask();
    task.command = create(CommandInfoSchema, { value: "x".repeat(200) });
    const text = describeTask(task);
    expect(text).toContain(`-c '${"x".repeat(79)}…'`);
    expect(text).not.toContain("x".repeat(80));
  });

  test("more than five volumes are counted, not all listed", () => {
    const task = dockerTask();
    const docker = task.container?.docker;
    if (!docker) throw new Error("fixture");
    docker.volume = ["/a", "/b", "/c", "/d", "/e", "/f", "/g"].map((dir) =>
      create(ContainerInfo_DockerInfo_VolumeSchema, { containerDir: dir, hostDir: dir, mode: 1 }),
    );
    expect(describeTask(task)).toContain(
      "7 volumes (/a:/a:rw, /b:/b:rw, /c:/c:rw, /d:/d:rw, /e:/e:rw, 2 more)",
    );
  });

  test("legacy Docker task names the field and the migration", () => {
    expect(describeTask(legacyDockerTask())).toBe(
      "Legacy Docker task (command.container.image \"docker:///busybox\", deprecated; migrateLegacyContainer rewrites it as ContainerInfo/DockerInfo): runs image busybox (docker.io/library/busybox) with /bin/sh -c 'echo hello', no volumes.",
    );
  });

  test("Docker executor", () => {
    expect(describeTask(dockerExecutorTask())).toBe(
      `Docker executor: runs image registry.example.com:5000/team/executor@${DIGEST} as executor "my-executor" ("my docker executor") with the image's entrypoint, no volumes; the executor then receives the task.`,
    );
  });

  test("legacy Docker executor", () => {
    expect(describeTask(legacyDockerExecutorTask())).toBe(
      'Legacy Docker executor (executor.command.container.image "docker:///busybox", deprecated; migrateLegacyContainer rewrites it as ContainerInfo/DockerInfo): runs image busybox (docker.io/library/busybox) as executor "my-executor" ("my docker executor") with /bin/sh -c /usr/local/bin/executor, no volumes; the executor then receives the task.',
    );
  });

  test("custom executor", () => {
    expect(describeTask(customExecutorTask())).toBe(
      'Custom executor: the Mesos containerizer starts executor "my-executor" ("my docker executor"), which runs /bin/sh -c \'./my-executor --verbose\' (no Docker container); the executor then receives the task.',
    );
  });
});
