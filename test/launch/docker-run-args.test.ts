import { create } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { CommandInfoSchema, type TaskInfo } from "../../gen/mesos/mesos_pb.js";
import { type DockerRunOptions, dockerRunArgs, safeDockerRunArgs } from "../../src/launch/index.js";
import { LaunchError } from "../../src/problems/index.js";
import {
  commandTask,
  dockerExecutorTask,
  dockerTask,
  legacyDockerTask,
  scalar,
} from "../fixtures/canonical.js";
import { customExecutorTask, legacyDockerExecutorTask } from "./decision-table.js";

const SLAVE = "20140801-000000-0000000000-5050-S0";
const FRAMEWORK = "20140801-000000-0000000000-5050-0000";
const HEAD = ["docker", "-H", "unix:///var/run/docker.sock", "run"];
const SANDBOX = { sandboxDirectory: "/tmp/sandbox" } satisfies DockerRunOptions;

/** dockerTask() with its command replaced. */
function dockerTaskWith(command: Parameters<typeof create<typeof CommandInfoSchema>>[1]): TaskInfo {
  const task = dockerTask();
  task.command = create(CommandInfoSchema, command);
  return task;
}

/**
 * dockerTask() without volumes or variables and with the given resources (default: only disk, so
 * neither --cpu-shares nor --memory): the smallest Docker task.
 */
function plainDockerTask(resources: TaskInfo["resources"] = [scalar("disk", 10)]): TaskInfo {
  const task = dockerTask();
  task.resources = resources;
  if (task.container?.docker) task.container.docker.volume = [];
  if (task.command?.environment) task.command.environment.variables = [];
  return task;
}

function thrown(run: () => unknown): LaunchError {
  try {
    run();
  } catch (error) {
    if (error instanceof LaunchError) return error;
    throw error;
  }
  throw new Error("expected a LaunchError");
}

describe("dockerRunArgs goldens", () => {
  test("the seed's Docker task: RW, RO and anonymous volumes, shell command, default options", () => {
    expect(dockerRunArgs(dockerTask())).toEqual([
      ...HEAD,
      "--cpu-shares",
      "1024",
      "--memory",
      "268435456",
      "-e",
      "MESOS_CONTAINER_NAME=mesos-busybox-1",
      "-e",
      "MESOS_SANDBOX=/mnt/mesos/sandbox",
      "-e",
      "MODE=demo",
      "-v",
      "/var/data:/data:rw",
      "-v",
      "/etc/app:/etc/app:ro",
      "-v",
      "/scratch",
      "-v",
      `/var/lib/mesos/slaves/${SLAVE}/frameworks/<framework_id>/executors/busybox-1/runs/latest:/mnt/mesos/sandbox`,
      "--net",
      "host",
      "--entrypoint",
      "/bin/sh",
      "--name",
      "mesos-busybox-1",
      "busybox:1.36",
      "-c",
      "ls /data && cat /etc/hostname",
    ]);
  });

  const tail = (...rest: string[]) => [
    ...HEAD,
    "--cpu-shares",
    "1024",
    "--memory",
    "268435456",
    "-e",
    "MESOS_CONTAINER_NAME=mesos-busybox-1",
    "-e",
    "MESOS_SANDBOX=/mnt/mesos/sandbox",
    "-v",
    "/var/data:/data:rw",
    "-v",
    "/etc/app:/etc/app:ro",
    "-v",
    "/scratch",
    "-v",
    "/tmp/sandbox:/mnt/mesos/sandbox",
    "--net",
    "host",
    ...rest,
  ];

  test("shell true with arguments: only -c value (Mesos ignores arguments with a shell)", () => {
    const task = dockerTaskWith({ value: "echo $0 $1", arguments: ["a", "b"] });
    expect(dockerRunArgs(task, SANDBOX)).toEqual(
      tail(
        "--entrypoint",
        "/bin/sh",
        "--name",
        "mesos-busybox-1",
        "busybox:1.36",
        "-c",
        "echo $0 $1",
      ),
    );
  });

  test("shell false with value and arguments: value, then every argument (arguments[0] is not argv[0])", () => {
    const task = dockerTaskWith({ shell: false, value: "/bin/echo", arguments: ["echo", "hi"] });
    expect(dockerRunArgs(task, SANDBOX)).toEqual(
      tail("--name", "mesos-busybox-1", "busybox:1.36", "/bin/echo", "echo", "hi"),
    );
  });

  test("shell false with value, without arguments", () => {
    const task = dockerTaskWith({ shell: false, value: "/bin/date" });
    expect(dockerRunArgs(task, SANDBOX)).toEqual(
      tail("--name", "mesos-busybox-1", "busybox:1.36", "/bin/date"),
    );
  });

  test("shell false without value or arguments: nothing after the image (its entrypoint runs)", () => {
    const task = dockerTaskWith({ shell: false });
    expect(dockerRunArgs(task, SANDBOX)).toEqual(tail("--name", "mesos-busybox-1", "busybox:1.36"));
  });

  test("shell false with arguments only: they go to the image's entrypoint", () => {
    const task = dockerTaskWith({ shell: false, arguments: ["--verbose", "run"] });
    expect(dockerRunArgs(task, SANDBOX)).toEqual(
      tail("--name", "mesos-busybox-1", "busybox:1.36", "--verbose", "run"),
    );
  });

  test("docker-executor: the executor's image and command, executor + task resources", () => {
    // executor cpus 0.1 + task 0.5 = 0.6 → 614 shares; mem 32 + 64 MB = 96 MB.
    expect(dockerRunArgs(dockerExecutorTask())).toEqual([
      ...HEAD,
      "--cpu-shares",
      "614",
      "--memory",
      String(96 * 1024 * 1024),
      "-e",
      "MESOS_CONTAINER_NAME=mesos-my-executor",
      "-e",
      "MESOS_SANDBOX=/mnt/mesos/sandbox",
      "-v",
      `/var/lib/mesos/slaves/${SLAVE}/frameworks/${FRAMEWORK}/executors/my-executor/runs/latest:/mnt/mesos/sandbox`,
      "--net",
      "host",
      "--name",
      "mesos-my-executor",
      `registry.example.com:5000/team/executor@sha256:${"ab".repeat(32)}`,
    ]);
  });

  test("legacy docker-task: the image after docker:///, as the migrated task would run", () => {
    expect(dockerRunArgs(legacyDockerTask(), SANDBOX)).toEqual([
      ...HEAD,
      "--cpu-shares",
      "512",
      "--memory",
      String(64 * 1024 * 1024),
      "-e",
      "MESOS_CONTAINER_NAME=mesos-legacy-1",
      "-e",
      "MESOS_SANDBOX=/mnt/mesos/sandbox",
      "-v",
      "/tmp/sandbox:/mnt/mesos/sandbox",
      "--net",
      "host",
      "--entrypoint",
      "/bin/sh",
      "--name",
      "mesos-legacy-1",
      "busybox",
      "-c",
      "echo hello",
    ]);
  });

  test("legacy docker-executor: the executor's command after the image", () => {
    expect(dockerRunArgs(legacyDockerExecutorTask(), SANDBOX)).toEqual([
      ...HEAD,
      "--cpu-shares",
      "614",
      "--memory",
      String(96 * 1024 * 1024),
      "-e",
      "MESOS_CONTAINER_NAME=mesos-my-executor",
      "-e",
      "MESOS_SANDBOX=/mnt/mesos/sandbox",
      "-v",
      "/tmp/sandbox:/mnt/mesos/sandbox",
      "--net",
      "host",
      "--entrypoint",
      "/bin/sh",
      "--name",
      "mesos-my-executor",
      "busybox",
      "-c",
      "/usr/local/bin/executor",
    ]);
  });

  test("every option", () => {
    const task = plainDockerTask();
    const options: DockerRunOptions = {
      sandboxDirectory: "/agent/work/sandbox",
      mappedDirectory: "/sandbox",
      containerName: "mesos-0b6e1c3e",
      dockerPath: "/usr/bin/docker",
      dockerSocket: "/run/docker.sock",
      environment: { LIBPROCESS_PORT: "0" },
    };
    expect(dockerRunArgs(task, options)).toEqual([
      "/usr/bin/docker",
      "-H",
      "unix:///run/docker.sock",
      "run",
      "-e",
      "LIBPROCESS_PORT=0",
      "-e",
      "MESOS_CONTAINER_NAME=mesos-0b6e1c3e",
      "-e",
      "MESOS_SANDBOX=/sandbox",
      "-v",
      "/agent/work/sandbox:/sandbox",
      "--net",
      "host",
      "--entrypoint",
      "/bin/sh",
      "--name",
      "mesos-0b6e1c3e",
      "busybox:1.36",
      "-c",
      "ls /data && cat /etc/hostname",
    ]);
  });

  test("IDs with characters Docker refuses are made safe in the default name and sandbox", () => {
    const task = plainDockerTask();
    task.taskId = { $typeName: "mesos.TaskID", value: "web app:1" };
    const args = dockerRunArgs(task);
    expect(args).toContain("mesos-web_app_1");
    expect(args).toContain(
      `/var/lib/mesos/slaves/${SLAVE}/frameworks/<framework_id>/executors/web_app_1/runs/latest:/mnt/mesos/sandbox`,
    );
  });
});

describe("dockerRunArgs environment", () => {
  type Variable = { name: string; value: string };
  /** The -e values of a minimal Docker task whose command has `variables`. */
  function envFor(variables: Variable[], options: DockerRunOptions = {}): string[] {
    const task = plainDockerTask();
    task.command = create(CommandInfoSchema, { value: "env", environment: { variables } });
    const args = dockerRunArgs(task, { ...SANDBOX, ...options });
    return args.flatMap((arg, i) => (args[i - 1] === "-e" ? [arg] : []));
  }

  test("sorted by key in code-point order (std::map over UTF-8), not UTF-16 order", () => {
    const names = ["b", "\u{1F600}", "A", "_x", "\uE000", "a", "Z", "é"];
    expect(envFor(names.map((name) => ({ name, value: "1" })))).toEqual([
      "A=1",
      "MESOS_CONTAINER_NAME=mesos-busybox-1",
      "MESOS_SANDBOX=/mnt/mesos/sandbox",
      "Z=1",
      "_x=1",
      "a=1",
      "b=1",
      "é=1",
      "\uE000=1",
      "\u{1F600}=1",
    ]);
  });

  test("a command variable is skipped when options.environment has its key; the last duplicate wins", () => {
    const variables = [
      { name: "GREETING", value: "from the task" },
      { name: "REPEATED", value: "first" },
      { name: "REPEATED", value: "second" },
      { name: "EMPTY", value: "" },
    ];
    expect(envFor(variables, { environment: { GREETING: "from the agent", ZONE: "a" } })).toEqual([
      "EMPTY=",
      "GREETING=from the agent",
      "MESOS_CONTAINER_NAME=mesos-busybox-1",
      "MESOS_SANDBOX=/mnt/mesos/sandbox",
      "REPEATED=second",
      "ZONE=a",
    ]);
  });

  test("MESOS_SANDBOX and MESOS_CONTAINER_NAME override user values from the task and the options", () => {
    const variables = [{ name: "MESOS_SANDBOX", value: "/elsewhere" }];
    const options = {
      mappedDirectory: "/sandbox",
      environment: { MESOS_CONTAINER_NAME: "spoofed" },
    };
    expect(envFor(variables, options)).toEqual([
      "MESOS_CONTAINER_NAME=mesos-busybox-1",
      "MESOS_SANDBOX=/sandbox",
    ]);
  });
});

describe("dockerRunArgs resources", () => {
  // The resource flags sit between "run" and the first -e.
  const resourceArgs = (resources: TaskInfo["resources"]) => {
    const args = dockerRunArgs(plainDockerTask(resources), SANDBOX);
    return args.slice(HEAD.length, args.indexOf("-e"));
  };

  test.each([
    ["no cpus or mem: neither flag", [scalar("disk", 10)], []],
    [
      "cpus 0.001 → 1 share, raised to the minimum 2",
      [scalar("cpus", 0.001)],
      ["--cpu-shares", "2"],
    ],
    ["cpus 0.0004 rounds to 0 in thousandths → 2", [scalar("cpus", 0.0004)], ["--cpu-shares", "2"]],
    ["cpus 0.25 → 256", [scalar("cpus", 0.25)], ["--cpu-shares", "256"]],
    ["cpus 1.5 → 1536", [scalar("cpus", 1.5)], ["--cpu-shares", "1536"]],
    [
      "cpus 0.1 + 0.2 summed → 307",
      [scalar("cpus", 0.1), scalar("cpus", 0.2)],
      ["--cpu-shares", "307"],
    ],
    ["mem 1 MB → the 32 MB minimum", [scalar("mem", 1)], ["--memory", String(32 * 1024 * 1024)]],
    ["mem 0 → the 32 MB minimum", [scalar("mem", 0)], ["--memory", String(32 * 1024 * 1024)]],
    ["mem 32 MB exactly", [scalar("mem", 32)], ["--memory", "33554432"]],
    [
      "mem 100.5 MB truncates to 100 MB",
      [scalar("mem", 100.5)],
      ["--memory", String(100 * 1024 * 1024)],
    ],
    [
      "mem 100.9996 rounds to 101.000 in thousandths first",
      [scalar("mem", 100.9996)],
      ["--memory", String(101 * 1024 * 1024)],
    ],
    [
      "mem of every role is summed",
      [scalar("mem", 64), { ...scalar("mem", 64), role: "web" }],
      ["--memory", String(128 * 1024 * 1024)],
    ],
    [
      "mem beyond 2^53 bytes is written exactly",
      [scalar("mem", 2 ** 40)],
      ["--memory", (2n ** 40n * 1024n * 1024n).toString()],
    ],
    [
      "cpus then mem, other resources ignored",
      [scalar("disk", 10), scalar("mem", 64), scalar("cpus", 2)],
      ["--cpu-shares", "2048", "--memory", String(64 * 1024 * 1024)],
    ],
  ])("%s", (_, resources, expected) => {
    expect(resourceArgs(resources)).toEqual(expected);
  });
});

describe("dockerRunArgs errors", () => {
  test("a command task is not a Docker launch", () => {
    const error = thrown(() => dockerRunArgs(commandTask()));
    expect(error.code).toBe("not_docker_launch");
    expect(error.name).toBe("LaunchError");
    expect(error.path).toEqual(["container"]);
    expect(error.message).toContain("command task");
    expect(error.message).toContain("container: { type: DOCKER");
  });

  test("a custom executor is not a Docker launch", () => {
    const error = thrown(() => dockerRunArgs(customExecutorTask()));
    expect(error.code).toBe("not_docker_launch");
    expect(error.path).toEqual(["executor", "container"]);
    expect(error.message).toContain('"my-executor"');
  });

  test("an invalid task carries validate()'s issues and names each error with its path", () => {
    const task = dockerTask();
    const volume = task.container?.docker?.volume[0];
    if (!volume) throw new Error("fixture");
    volume.hostDir = "relative/dir";
    const error = thrown(() => dockerRunArgs(task));
    expect(error.code).toBe("host_dir_not_absolute");
    expect(error.issues.map((issue) => issue.code)).toContain("host_dir_not_absolute");
    expect(error.path).toEqual(["container", "docker", "volume", 0, "host_dir"]);
    expect(error.message).toContain("container.docker.volume[0].host_dir");
    expect(error.message).toContain('"busybox-1"');
  });

  test("a value that is not a TaskInfo is an invalid task, not a crash", () => {
    const error = thrown(() => dockerRunArgs(null as unknown as TaskInfo));
    expect(error.code).toBe("invalid_input");
    expect(error.issues.map((issue) => issue.code)).toEqual(["invalid_input"]);
  });

  test.each<[string, DockerRunOptions, string]>([
    ["a container name Docker refuses", { containerName: "my task" }, "containerName"],
    ["a one-character container name", { containerName: "m" }, "containerName"],
    ["a relative sandbox", { sandboxDirectory: "sandbox" }, "sandboxDirectory"],
    ["a sandbox with ':'", { sandboxDirectory: "/a:b" }, "sandboxDirectory"],
    ["a sandbox with a newline", { sandboxDirectory: "/a\nb" }, "sandboxDirectory"],
    ["a relative mapped directory", { mappedDirectory: "mnt" }, "mappedDirectory"],
    ["the mapped directory /", { mappedDirectory: "/" }, "mappedDirectory"],
    ["a mapped directory on a volume", { mappedDirectory: "/data/" }, "mappedDirectory"],
    ["a relative socket", { dockerSocket: "docker.sock" }, "dockerSocket"],
    ["an empty docker path", { dockerPath: "" }, "dockerPath"],
    ["an environment name with '='", { environment: { "A=B": "c" } }, "environment"],
    ["an empty environment name", { environment: { "": "c" } }, "environment"],
    [
      "a non-string environment value",
      { environment: { A: 1 as unknown as string } },
      "environment",
    ],
    ["a non-string option", { containerName: 42 as unknown as string }, "containerName"],
  ])("invalid_option: %s", (_, options, option) => {
    const error = thrown(() => dockerRunArgs(dockerTask(), options));
    expect(error.code).toBe("invalid_option");
    expect(error.path).toEqual(["options", option]);
    expect(error.message).toContain(`option ${option}`);
  });

  test("options that are not an object", () => {
    const error = thrown(() => dockerRunArgs(dockerTask(), null as unknown as DockerRunOptions));
    expect(error.code).toBe("invalid_option");
  });
});

describe("safeDockerRunArgs", () => {
  test("returns the args on success", () => {
    expect(safeDockerRunArgs(dockerTask())).toEqual({
      success: true,
      data: dockerRunArgs(dockerTask()),
      issues: [],
    });
  });

  test("returns the error instead of throwing", () => {
    const result = safeDockerRunArgs(commandTask());
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]?.code).toBe("not_docker_launch");
    }
  });
});
