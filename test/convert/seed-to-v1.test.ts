// toMesosV1, one row per moved or refused field: what arrives where in mesos.v1, and which seed
// inputs fail (with the code and the path in the seed message).
import { clone, create, equals, toBinary } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import * as seed from "../../gen/mesos/mesos_pb.js";
import * as v1 from "../../gen/mesos/v1/mesos_pb.js";
import { fromMesosV1, toMesosV1 } from "../../src/convert/index.js";
import {
  commandTask,
  dockerExecutor,
  dockerExecutorTask,
  dockerTask,
  legacyDockerTask,
  offer,
} from "../fixtures/canonical.js";

function converted<T>(r: { success: true; data: T } | { success: false; issues: unknown[] }): T {
  if (!r.success) throw new Error(`conversion failed: ${JSON.stringify(r.issues)}`);
  return r.data;
}

describe("toMesosV1 moves", () => {
  test("ContainerInfo.docker (100) becomes v1 docker (3) with the same image", () => {
    const task = converted(toMesosV1(seed.TaskInfoSchema, dockerTask()));
    expect(task.$typeName).toBe("mesos.v1.TaskInfo");
    expect(task.container?.type).toBe(v1.ContainerInfo_Type.DOCKER);
    expect(task.container?.docker?.image).toBe("busybox:1.36");
    expect(task.container?.$unknown).toBeUndefined();
  });

  test("DockerInfo.volume[i] {container_dir, host_dir, mode} becomes ContainerInfo.volumes[i] {container_path, host_path, mode}", () => {
    const task = converted(toMesosV1(seed.TaskInfoSchema, dockerTask()));
    expect(task.container?.volumes).toEqual([
      create(v1.VolumeSchema, {
        containerPath: "/data",
        hostPath: "/var/data",
        mode: v1.Volume_Mode.RW,
      }),
      create(v1.VolumeSchema, {
        containerPath: "/etc/app",
        hostPath: "/etc/app",
        mode: v1.Volume_Mode.RO,
      }),
      create(v1.VolumeSchema, { containerPath: "/scratch", mode: v1.Volume_Mode.RW }),
    ]);
    // The seed's DockerInfo field 2 (volume) is never copied to v1's field 2 (network).
    expect(task.container?.docker?.network).toBe(v1.ContainerInfo_DockerInfo_Network.HOST);
    expect(Object.hasOwn(task.container?.docker ?? {}, "network")).toBe(false);
  });

  test("slave_id becomes agent_id (TaskInfo and Offer)", () => {
    const task = converted(toMesosV1(seed.TaskInfoSchema, dockerTask()));
    expect(task.agentId?.$typeName).toBe("mesos.v1.AgentID");
    expect(task.agentId?.value).toBe(dockerTask().slaveId?.value);
    const o = converted(toMesosV1(seed.OfferSchema, offer(4)));
    expect(o.agentId?.value).toBe(offer(4).slaveId?.value);
    expect(o.resources).toHaveLength(4);
  });

  test("a SlaveID converts to an AgentID", () => {
    const id = converted(
      toMesosV1(seed.SlaveIDSchema, create(seed.SlaveIDSchema, { value: "S1" })),
    );
    expect(id.$typeName).toBe("mesos.v1.AgentID");
    expect(id.value).toBe("S1");
  });

  test("a command task, an executor task and an executor convert without issues", () => {
    for (const [schema, message] of [
      [seed.TaskInfoSchema, commandTask()],
      [seed.TaskInfoSchema, dockerExecutorTask()],
      [seed.ExecutorInfoSchema, dockerExecutor()],
    ] as const) {
      const r = toMesosV1(schema as typeof seed.TaskInfoSchema, message as seed.TaskInfo);
      expect(r.success).toBe(true);
      expect(r.issues).toEqual([]);
    }
    const exec = converted(toMesosV1(seed.TaskInfoSchema, dockerExecutorTask())).executor;
    expect(exec?.container?.docker?.image).toBe(dockerExecutor().container?.docker?.image);
    expect(exec?.command?.shell).toBe(false);
    expect(exec?.frameworkId?.value).toBe(dockerExecutor().frameworkId?.value);
  });

  test("proto2 presence is kept: an explicit default stays set, an unset field stays unset", () => {
    const task = clone(seed.TaskInfoSchema, commandTask());
    if (task.command === undefined) throw new Error("fixture");
    task.command.shell = true; // the default, set explicitly
    const out = converted(toMesosV1(seed.TaskInfoSchema, task));
    expect(Object.hasOwn(out.command ?? {}, "shell")).toBe(true);
    expect(Object.hasOwn(out.command ?? {}, "user")).toBe(false);
    expect(out.command?.uris[0]?.extract).toBe(true);
  });

  test("bytes are copied, not shared, and the input is not modified", () => {
    const input = dockerExecutorTask();
    const before = toBinary(seed.TaskInfoSchema, input);
    const out = converted(toMesosV1(seed.TaskInfoSchema, input));
    expect(out.data).toEqual(input.data);
    expect(out.data).not.toBe(input.data);
    expect(toBinary(seed.TaskInfoSchema, input)).toEqual(before);
  });
});

describe("toMesosV1 and anonymous volumes", () => {
  test("a volume without host_dir converts, with a warning that Mesos >= 1.5 rejects it", () => {
    const r = toMesosV1(seed.TaskInfoSchema, dockerTask());
    expect(r.success).toBe(true);
    expect(r.issues.map((i) => [i.code, i.severity, i.path])).toEqual([
      ["anonymous_volume_refused_by_mesos", "warning", ["container", "docker", "volume", 2]],
    ]);
    expect(r.issues[0]?.message).toContain('"/scratch"');
    expect(r.success && r.data.container?.volumes[2]?.containerPath).toBe("/scratch");
  });

  test("bind mounts (host_dir set) raise no warning", () => {
    const task = dockerTask();
    const volumes = task.container?.docker?.volume ?? [];
    volumes.pop();
    const r = toMesosV1(seed.TaskInfoSchema, task);
    expect(r.success && r.issues).toEqual([]);
  });
});

describe("toMesosV1 and the legacy CommandInfo.container", () => {
  test("docker:///image on a task becomes the task's ContainerInfo, with a warning", () => {
    const r = toMesosV1(seed.TaskInfoSchema, legacyDockerTask());
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.container?.type).toBe(v1.ContainerInfo_Type.DOCKER);
    expect(r.data.container?.docker?.image).toBe("busybox");
    expect(r.data.command?.value).toBe("echo hello");
    expect(r.issues.map((i) => [i.code, i.severity, i.path])).toEqual([
      ["legacy_container_migrated", "warning", ["command", "container"]],
    ]);
    expect(r.issues[0]?.message).toContain('"docker:///busybox"');
  });

  test("on an executor, it becomes the executor's ContainerInfo", () => {
    const task = dockerExecutorTask();
    const exec = task.executor as seed.ExecutorInfo;
    exec.container = undefined;
    exec.command = create(seed.CommandInfoSchema, {
      shell: false,
      container: { image: "docker:///team/exec:2" },
    });
    const r = toMesosV1(seed.TaskInfoSchema, task);
    expect(r.success && r.data.executor?.container?.docker?.image).toBe("team/exec:2");
    expect(r.issues.map((i) => i.path)).toEqual([["executor", "command", "container"]]);
  });

  test("legacy options are not carried, and the warning names them", () => {
    const task = legacyDockerTask();
    (task.command as seed.CommandInfo).container = create(seed.CommandInfo_ContainerInfoSchema, {
      image: "docker:///busybox",
      options: ["--privileged"],
    });
    const r = toMesosV1(seed.TaskInfoSchema, task);
    expect(r.success).toBe(true);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]?.message).toContain("--privileged");
  });

  test.each([
    [
      "a legacy image that is not docker:///",
      "mesos:///busybox",
      false,
      "not_in_v1",
      ["command", "container", "image"],
    ],
    [
      "a legacy image beside a ContainerInfo",
      "docker:///busybox",
      true,
      "legacy_conflict",
      ["command", "container"],
    ],
  ])("%s fails", (_, image, withContainer, code, path) => {
    const task = legacyDockerTask();
    (task.command as seed.CommandInfo).container = create(seed.CommandInfo_ContainerInfoSchema, {
      image,
    });
    if (withContainer)
      task.container = clone(
        seed.ContainerInfoSchema,
        dockerTask().container as seed.ContainerInfo,
      );
    const r = toMesosV1(seed.TaskInfoSchema, task);
    expect(r.success).toBe(false);
    const errors = r.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => [i.code, i.severity, i.path])).toEqual([[code, "error", path]]);
  });

  test("a bare CommandInfo with a legacy container fails: it has no holder to move to", () => {
    const command = legacyDockerTask().command as seed.CommandInfo;
    const r = toMesosV1(seed.CommandInfoSchema, command);
    expect(r.success).toBe(false);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([["not_in_v1", ["container"]]]);
    expect(r.issues[0]?.message).toContain("Convert that TaskInfo or ExecutorInfo");
  });
});

describe("toMesosV1 and unknown fields", () => {
  test("an unknown field at a number v1 does not declare is carried verbatim", () => {
    const task = commandTask();
    task.$unknown = [{ no: 99, wireType: 0, data: new Uint8Array([7]) }];
    const r = toMesosV1(seed.TaskInfoSchema, task);
    expect(r.success && r.data.$unknown).toEqual([
      { no: 99, wireType: 0, data: new Uint8Array([7]) },
    ]);
  });

  test("an unknown field at a number v1 declares is refused (it would read as another field)", () => {
    const container = clone(seed.ContainerInfoSchema, dockerTask().container as seed.ContainerInfo);
    container.$unknown = [{ no: 3, wireType: 2, data: new Uint8Array([0]) }];
    const r = toMesosV1(seed.ContainerInfoSchema, container);
    expect(r.success).toBe(false);
    const errors = r.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => [i.code, i.path])).toEqual([["unknown_field_conflict", [3]]]);
    expect(errors[0]?.message).toContain("declares field 3 as docker");
  });
});

describe("toMesosV1 input checks", () => {
  test("a malformed message (a string where a list belongs) is invalid_input, not a crash", () => {
    const task = commandTask();
    (task as unknown as { resources: unknown }).resources = "cpus";
    const r = toMesosV1(seed.TaskInfoSchema, task);
    expect(r.success).toBe(false);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([["invalid_input", []]]);
  });

  test.each([undefined, null, "mesos.TaskInfo"])(
    "a schema that is not a descriptor (%s) is invalid_input",
    (schema) => {
      expect(toMesosV1(schema as never, commandTask() as never).issues.map((i) => i.code)).toEqual([
        "invalid_input",
      ]);
      expect(
        fromMesosV1(schema as never, commandTask() as never).issues.map((i) => i.code),
      ).toEqual(["invalid_input"]);
    },
  );

  test("a message of another type fails with invalid_input", () => {
    const r = toMesosV1(seed.TaskInfoSchema, offer() as unknown as seed.TaskInfo);
    expect(r.success).toBe(false);
    expect(r.issues.map((i) => i.code)).toEqual(["invalid_input"]);
  });

  test("a v1 schema is not a seed schema", () => {
    const r = toMesosV1(v1.TaskInfoSchema as never, create(v1.TaskInfoSchema) as never);
    expect(r.success).toBe(false);
    expect(r.issues.map((i) => i.code)).toEqual(["invalid_input"]);
  });

  test("the legacy CommandInfo.ContainerInfo type has no v1 counterpart", () => {
    const legacy = create(seed.CommandInfo_ContainerInfoSchema, { image: "docker:///x" });
    const r = toMesosV1(seed.CommandInfo_ContainerInfoSchema as never, legacy as never);
    expect(r.success).toBe(false);
    expect(r.issues.map((i) => i.code)).toEqual(["invalid_input"]);
  });

  test("the converted message equals a hand-built v1 message", () => {
    const expected = create(v1.TaskInfoSchema, {
      name: "hello",
      taskId: { value: "hello-1" },
      agentId: { value: "20140801-000000-0000000000-5050-S0" },
      resources: [
        { name: "cpus", type: v1.Value_Type.SCALAR, scalar: { value: 0.5 } },
        { name: "mem", type: v1.Value_Type.SCALAR, scalar: { value: 128 } },
      ],
      command: {
        value: "echo hello && sleep 1",
        environment: { variables: [{ name: "GREETING", value: "hello" }] },
        uris: [{ value: "https://example.com/app.tar.gz", extract: true }],
      },
    });
    const r = toMesosV1(seed.TaskInfoSchema, commandTask());
    expect(r.success && equals(v1.TaskInfoSchema, r.data, expected)).toBe(true);
  });
});
