// resolveLaunch, dockerRunArgs and describeLaunch on Mesos 1.11 (mesos.v1) tasks: the decision
// table, what each launch carries, the real-shaped fixtures, golden argv in Mesos 1.11's order
// (src/docker/docker.cpp, Docker::run), and the property that validate and resolveLaunch never
// disagree.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { fromMesosJson } from "../../src/codec/index.js";
import {
  describeLaunch,
  dockerRunArgs,
  type Launch,
  resolveLaunch,
  safeDockerRunArgs,
} from "../../src/launch/index.js";
import { invalidV1TaskInfo, v1LaunchGroup, v1TaskInfo } from "../../src/testing/index.js";
import * as v1 from "../../src/v1/index.js";
import { CallSchema } from "../../src/v1/index.js";
import { validate } from "../../src/validation/index.js";
import { ROOT } from "../helpers/buf.js";
import {
  cmd,
  commandTask,
  container,
  docker,
  dockerTask,
  exe,
  executorTask,
  groupTask,
  mesosTask,
  scalarResource,
  vol,
} from "../validation/v1-build.js";
import { V1_DECISION_TABLE } from "./v1-decision-table.js";

const GiB = 1024 ** 3;

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(resolve(ROOT, "test/fixtures/v1", `${name}.json`), "utf8"));
}

function launchOf(task: v1.TaskInfo): Launch {
  const result = resolveLaunch(task);
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.data;
}

describe("resolveLaunch (v1): the decision table", () => {
  test.each(
    V1_DECISION_TABLE.map(
      (row) =>
        [
          `${row.executor} / ${row.executorType} / ${row.command} / ${row.executorContainer} / ${row.taskContainer}`,
          row,
        ] as const,
    ),
  )("%s", (_, row) => {
    const task = row.build();
    const result = resolveLaunch(task);
    const verdict = validate(v1.TaskInfoSchema, task);
    expect(result.success).toBe(verdict.success);
    expect(result.issues).toEqual(verdict.issues);
    if ("invalid" in row.verdict) {
      expect(result.issues.map((i) => i.code)).toContain(row.verdict.invalid);
      return;
    }
    if (!result.success) throw new Error(JSON.stringify(result.issues));
    expect(result.data.kind).toBe(row.verdict.kind);
    expect(result.data.schema).toBe("v1");
    expect(result.data.image?.string).toBe(row.verdict.image);
    expect(result.issues.map((i) => i.code).sort()).toEqual([...row.warnings].sort());
  });

  test("the table reaches all six kinds", () => {
    const kinds = new Set(
      V1_DECISION_TABLE.flatMap((r) => ("kind" in r.verdict ? [r.verdict.kind] : [])),
    );
    expect([...kinds].sort()).toEqual([
      "command",
      "custom-executor",
      "default-executor",
      "docker-executor",
      "docker-task",
      "mesos-task",
    ]);
  });
});

describe("resolveLaunch (v1): what each launch carries", () => {
  test("docker-task: network, port mappings, hostname, parameters, volume sources", () => {
    const task = dockerTask((t) => {
      container(t).hostname = "web";
      docker(t).parameters = [create(v1.ParameterSchema, { key: "label", value: "a=b" })];
      docker(t).privileged = true;
      container(t).volumes.push(
        vol({
          containerPath: "/cache",
          mode: v1.Volume_Mode.RW,
          source: {
            type: v1.Volume_Source_Type.DOCKER_VOLUME,
            dockerVolume: { name: "c", driver: "local" },
          },
        }),
      );
    });
    const launch = launchOf(task);
    if (launch.kind !== "docker-task") throw new Error(launch.kind);
    expect(launch.docker).toEqual({
      network: "bridge",
      portMappings: [{ hostPort: 31000, containerPort: 80, protocol: "tcp" }],
      privileged: true,
      forcePullImage: false,
      parameters: [{ key: "label", value: "a=b" }],
      hostname: "web",
      volumeDriver: "local",
      volumeDriverDeclared: false,
    });
    expect(launch.volumes).toEqual([
      {
        containerDir: "/data",
        hostDir: "/srv/data",
        mode: "rw",
        anonymous: false,
        source: "host_path",
      },
      {
        containerDir: "/cache",
        mode: "rw",
        anonymous: false,
        source: "DOCKER_VOLUME",
        volumeName: "c",
        driver: "local",
      },
    ]);
  });

  test("mesos-task: the image kind and name, sandbox volumes, networks", () => {
    const launch = launchOf(
      mesosTask(
        (t) => (container(t).networkInfos = [create(v1.NetworkInfoSchema, { name: "cni" })]),
      ),
    );
    if (launch.kind !== "mesos-task") throw new Error(launch.kind);
    expect(launch.mesosImage?.type).toBe("DOCKER");
    expect(launch.mesosImage?.name).toBe("alpine:3.20");
    expect(launch.mesosImage?.reference?.string).toBe("docker.io/library/alpine:3.20");
    expect(launch.networks).toEqual(["cni"]);
    expect(launch.volumes).toEqual([
      {
        containerDir: "scratch",
        mode: "rw",
        anonymous: false,
        source: "SANDBOX_PATH",
        sourcePath: "tmp",
      },
    ]);
  });

  test("default-executor: the task's command and container, the executor itself", () => {
    const task = groupTask((t) => (t.container = mesosTask().container));
    const launch = launchOf(task);
    if (launch.kind !== "default-executor") throw new Error(launch.kind);
    expect(launch.executor.info).toBe(task.executor);
    expect(launch.command.value).toBe("echo hello");
    expect(launch.mesosImage?.name).toBe("alpine:3.20");
  });

  test("a SECRET variable is marked, its value is not invented", () => {
    const task = commandTask((t) => {
      cmd(t).environment = create(v1.EnvironmentSchema, {
        variables: [
          {
            name: "S",
            type: v1.Environment_Variable_Type.SECRET,
            secret: { type: v1.Secret_Type.REFERENCE, reference: { name: "db" } },
          },
        ],
      });
    });
    expect(launchOf(task).command.environment).toEqual([{ name: "S", value: "", secret: true }]);
  });
});

describe("v1 fixtures classify as the Mesos 1.11 agent would launch them", () => {
  test("docker-task.json: a Docker task", () => {
    expect(launchOf(fromMesosJson(v1.TaskInfoSchema, fixture("docker-task"))).kind).toBe(
      "docker-task",
    );
  });

  test("mesos-task.json: a MESOS container task with a Docker image", () => {
    const launch = launchOf(fromMesosJson(v1.TaskInfoSchema, fixture("mesos-task")));
    expect(launch.kind).toBe("mesos-task");
  });

  // The fixtures' default executor has cpus and mem but no disk resource: Mesos 1.11 refuses such
  // a LAUNCH_GROUP ("Executor 'default-executor-1' uses no disk"), and so does validate; with a
  // disk resource added, the group launches.
  const NO_DISK = [{ code: "executor_resources_too_small", path: ["executor", "resources"] }];
  const withDisk = (executor: v1.ExecutorInfo) => {
    executor.resources.push(scalarResource("disk", 10));
    return executor;
  };
  const errorsOf = (issues: readonly { severity: string; code: string; path: unknown }[]) =>
    issues.filter((i) => i.severity === "error").map(({ code, path }) => ({ code, path }));

  test("task-group.json with default-executor.json: each task runs under the default executor", () => {
    const group = fromMesosJson(v1.TaskGroupInfoSchema, fixture("task-group"));
    const executor = fromMesosJson(v1.ExecutorInfoSchema, fixture("default-executor"));
    expect(validate(v1.TaskGroupInfoSchema, group).success).toBe(true);
    const first = group.tasks[0] as v1.TaskInfo;
    first.executor = executor;
    expect(errorsOf(validate(v1.TaskInfoSchema, first).issues)).toEqual(NO_DISK);
    withDisk(executor);
    expect(group.tasks.length).toBeGreaterThan(0);
    for (const task of group.tasks) {
      task.executor = executor;
      expect(launchOf(task).kind).toBe("default-executor");
    }
  });

  test("the scheduler's ACCEPT calls: LAUNCH tasks classify, the LAUNCH_GROUP operation is valid", () => {
    const launch = fromMesosJson(CallSchema, fixture("call-accept-launch"));
    const tasks = launch.accept?.operations.flatMap((o) => o.launch?.taskInfos ?? []) ?? [];
    expect(tasks.map((t) => launchOf(t).kind)).toEqual(["docker-task"]);
    const group = fromMesosJson(CallSchema, fixture("call-accept-launch-group"));
    const operation = group.accept?.operations[0]?.launchGroup as v1.Offer_Operation_LaunchGroup;
    expect(errorsOf(validate(v1.Offer_Operation_LaunchGroupSchema, operation).issues)).toEqual(
      NO_DISK,
    );
    withDisk(operation.executor as v1.ExecutorInfo);
    expect(errorsOf(validate(v1.Offer_Operation_LaunchGroupSchema, operation).issues)).toEqual([]);
    for (const task of operation.taskGroup?.tasks ?? []) {
      task.executor = operation.executor;
      expect(launchOf(task).kind).toBe("default-executor");
    }
  });
});

describe("dockerRunArgs (v1): golden argv in Mesos 1.11's order", () => {
  test("the Docker fixture: relative host_path under the sandbox, docker volume and driver, bridge, hostname, -p, parameters after --name", () => {
    const task = fromMesosJson(v1.TaskInfoSchema, fixture("docker-task"));
    const sandbox = "/var/lib/mesos/slaves/S3/frameworks/F/executors/web-1/runs/R";
    expect(dockerRunArgs(task, { sandboxDirectory: sandbox })).toEqual([
      "docker",
      "-H",
      "unix:///var/run/docker.sock",
      "run",
      "--cpu-shares",
      "512",
      // limits.cpus is infinite: no --cpu-quota; no mem limit: --memory from the request
      "--memory",
      "268435456",
      "-e",
      "MESOS_ALLOCATION_ROLE=*",
      "-e",
      "MESOS_CONTAINER_NAME=mesos-web-1",
      "-e",
      "MESOS_SANDBOX=/mnt/mesos/sandbox",
      "-v",
      `${sandbox}/logs:/var/log/nginx:rw`,
      "-v",
      "/srv/nginx/conf.d:/etc/nginx/conf.d:ro",
      "-v",
      "nginx-cache:/cache:rw",
      "-v",
      `${sandbox}:/mnt/mesos/sandbox`,
      "--volume-driver=local",
      "--net",
      "bridge",
      "--hostname",
      "web-1",
      "-p",
      "31000:80/tcp",
      "-p",
      "31001:443",
      "--name",
      "mesos-web-1",
      "--label=team=web",
      "--ulimit=nofile=4096:8192",
      "library/nginx:1.27",
      "nginx",
      "-g",
      "daemon off;",
    ]);
  });

  test("privileged, limits (cpu quota, memory reservation, oom score), a user network, shell form, the allocation role", () => {
    const task = dockerTask((t) => {
      t.resources = [
        create(v1.ResourceSchema, {
          name: "cpus",
          type: v1.Value_Type.SCALAR,
          scalar: { value: 1 },
          allocationInfo: { role: "web" },
        }),
        scalarResource("mem", 256),
        ...t.resources.filter((r) => r.name === "ports"),
      ];
      t.limits = {
        cpus: create(v1.Value_ScalarSchema, { value: 2 }),
        mem: create(v1.Value_ScalarSchema, { value: 512 }),
      };
      docker(t).privileged = true;
      docker(t).network = v1.ContainerInfo_DockerInfo_Network.USER;
      docker(t).portMappings = [];
      container(t).networkInfos = [create(v1.NetworkInfoSchema, { name: "my-net" })];
      container(t).volumes = [
        vol({ containerPath: "rel", hostPath: "/data", mode: v1.Volume_Mode.RO }),
      ];
      cmd(t).environment = create(v1.EnvironmentSchema, {
        variables: [
          { name: "B", value: "2" },
          { name: "A", value: "1" },
        ],
      });
    });
    expect(
      dockerRunArgs(task, {
        sandboxDirectory: "/sb",
        containerName: "mesos-c1",
        agentMemoryBytes: 8 * GiB,
      }),
    ).toEqual([
      "docker",
      "-H",
      "unix:///var/run/docker.sock",
      "run",
      "--privileged",
      "--cpu-shares",
      "1024",
      "--cpu-quota",
      "200000",
      "--memory-reservation",
      "268435456",
      "--memory",
      "536870912",
      // 1000 - 1000 × 256 MiB / 8 GiB, in integers as Mesos computes it
      "--oom-score-adj",
      "969",
      "-e",
      "A=1",
      "-e",
      "B=2",
      "-e",
      "MESOS_ALLOCATION_ROLE=web",
      "-e",
      "MESOS_CONTAINER_NAME=mesos-c1",
      "-e",
      "MESOS_SANDBOX=/mnt/mesos/sandbox",
      "-v",
      "/data:/mnt/mesos/sandbox/rel:ro",
      "-v",
      "/sb:/mnt/mesos/sandbox",
      "--net",
      "my-net",
      "--entrypoint",
      "/bin/sh",
      "--name",
      "mesos-c1",
      "busybox:1.36",
      "-c",
      "echo hello",
    ]);
  });

  test("a mem limit above the request needs the agent's memory (invalid_option), an infinite one omits --memory", () => {
    const task = dockerTask(
      (t) => (t.limits = { mem: create(v1.Value_ScalarSchema, { value: 1024 }) }),
    );
    const missing = safeDockerRunArgs(task);
    expect(missing.success).toBe(false);
    expect(missing.issues[0]).toMatchObject({
      code: "invalid_option",
      path: ["options", "agentMemoryBytes"],
    });
    const infinite = dockerTask(
      (t) =>
        (t.limits = { mem: create(v1.Value_ScalarSchema, { value: Number.POSITIVE_INFINITY }) }),
    );
    const args = dockerRunArgs(infinite, { agentMemoryBytes: 4 * GiB });
    expect(args).not.toContain("--memory");
    expect(args).toContain("--memory-reservation");
    expect(args[args.indexOf("--oom-score-adj") + 1]).toBe("969");
  });

  test("a docker executor: executor resources first for the role, its command, no task limits", () => {
    const task = executorTask((t) => {
      exe(t).container = dockerTask().container;
      exe(t).resources = [
        create(v1.ResourceSchema, {
          name: "cpus",
          type: v1.Value_Type.SCALAR,
          scalar: { value: 0.1 },
          allocationInfo: { role: "ops" },
        }),
      ];
      exe(t).command = create(v1.CommandInfoSchema, { shell: false });
    });
    const args = dockerRunArgs(task, { sandboxDirectory: "/sb" });
    expect(args).toContain("MESOS_ALLOCATION_ROLE=ops");
    expect(args.slice(-1)).toEqual(["busybox:1.36"]);
    expect(args[args.indexOf("--name") + 1]).toBe("mesos-exec-1");
  });

  test("non-Docker v1 launches are not_docker_launch, at the container that would need DOCKER", () => {
    expect(safeDockerRunArgs(mesosTask()).issues[0]).toMatchObject({
      code: "not_docker_launch",
      path: ["container"],
    });
    expect(safeDockerRunArgs(groupTask()).issues[0]).toMatchObject({ code: "not_docker_launch" });
  });
});

test("huge (valid, finite) scalars saturate instead of throwing", () => {
  const task = dockerTask((t) => {
    t.resources.push(scalarResource("cpus", 1e308), scalarResource("mem", 1e308));
    t.resources.push(scalarResource("mem", 1e308));
  });
  expect(validate(v1.TaskInfoSchema, task).success).toBe(true);
  const args = dockerRunArgs(task);
  expect(args[args.indexOf("--cpu-shares") + 1]).toMatch(/^[0-9]{300,}$/);
  expect(args[args.indexOf("--memory") + 1]).toMatch(/^[0-9]{300,}$/);
});

describe("describeLaunch (v1)", () => {
  test("words the Docker settings, the Mesos image and the default executor", () => {
    const text = describeLaunch(launchOf(fromMesosJson(v1.TaskInfoSchema, fixture("docker-task"))));
    expect(text).toContain("network bridge");
    expect(text).toContain("ports 31000->80/tcp, 31001->443");
    expect(text).toContain("docker volume nginx-cache (driver local):/cache:rw");
    expect(describeLaunch(launchOf(mesosTask()))).toMatch(
      /^Mesos container task: .* in the Docker image alpine:3.20/,
    );
    expect(describeLaunch(launchOf(groupTask()))).toMatch(/^Default executor: .*"default-1"/);
  });
});

describe("properties (v1)", () => {
  const anyTask = fc.oneof(
    v1TaskInfo(),
    invalidV1TaskInfo().map((m) => m.task),
    v1LaunchGroup().map((g) => {
      const task = g.taskGroup?.tasks[0] as v1.TaskInfo;
      task.executor = g.executor;
      return task;
    }),
  );

  test("validate and resolveLaunch never disagree", () => {
    fc.assert(
      fc.property(anyTask, (task) => {
        const verdict = validate(v1.TaskInfoSchema, task);
        const result = resolveLaunch(task);
        expect(result.success).toBe(verdict.success);
        expect(result.issues).toEqual(verdict.issues);
      }),
      { numRuns: 300 },
    );
  });

  test("every valid Docker task has an argv: image then command, --net as the launch says", () => {
    fc.assert(
      fc.property(v1TaskInfo({ kind: "docker" }), (task) => {
        const launch = launchOf(task);
        if (launch.kind !== "docker-task") throw new Error(launch.kind);
        const args = dockerRunArgs(task, { agentMemoryBytes: 16 * GiB });
        expect(args[args.indexOf("--net") + 1]).toBe(launch.docker?.network);
        // --name <name>, then one --key=value element per parameter, then the image.
        const name = args.indexOf("--name");
        const parameters = (launch.docker?.parameters ?? []).map((p) => `--${p.key}=${p.value}`);
        expect(args.slice(name + 2, name + 2 + parameters.length)).toEqual(parameters);
        expect(args[name + 2 + parameters.length]).toBe(launch.rawImage);
      }),
      { numRuns: 150 },
    );
  });
});
