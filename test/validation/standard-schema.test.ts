// Standard Schema v1: Mesos JSON in, the typed message or the issues out.
import { type DescMessage, equals } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { ExecutorInfoSchema, type TaskInfo, TaskInfoSchema } from "../../gen/mesos/mesos_pb.js";
import {
  ContainerInfoStandardSchema,
  ExecutorInfoStandardSchema,
  type MesosStandardSchema,
  OfferStandardSchema,
  type StandardSchemaV1,
  standardSchema,
  TaskInfoStandardSchema,
} from "../../src/standard-schema/index.js";
import { dockerExecutor, dockerTask } from "../fixtures/canonical.js";
import { keys } from "./build.js";

// The canonical Docker task, written by hand the way Mesos's HTTP API writes it.
function dockerTaskJson() {
  return {
    name: "busybox",
    task_id: { value: "busybox-1" },
    slave_id: { value: "20140801-000000-0000000000-5050-S0" },
    resources: [
      { name: "cpus", type: "SCALAR", scalar: { value: 1 } },
      { name: "mem", type: "SCALAR", scalar: { value: 256 } },
      { name: "ports", type: "RANGES", ranges: { range: [{ begin: 31000, end: 31005 }] } },
    ],
    command: {
      value: "ls /data && cat /etc/hostname",
      environment: { variables: [{ name: "MODE", value: "demo" }] },
    },
    container: {
      type: "DOCKER",
      docker: {
        image: "busybox:1.36",
        volume: [
          { container_dir: "/data", host_dir: "/var/data", mode: "RW" },
          { container_dir: "/etc/app", host_dir: "/etc/app", mode: "RO" },
          { container_dir: "/scratch", mode: "RW" },
        ],
      },
    },
  };
}

// Our validators are synchronous and their issues are full Issue objects (code, severity too).
function run<D extends DescMessage>(schema: MesosStandardSchema<D>, value: unknown) {
  return schema["~standard"].validate(value);
}

// Type-level: each ready schema is a Standard Schema v1 of its message type.
const asStandard: StandardSchemaV1<unknown, TaskInfo>[] = [TaskInfoStandardSchema];

describe("Standard Schema v1", () => {
  test("the ~standard props", () => {
    expect(asStandard[0]?.["~standard"].version).toBe(1);
    for (const schema of [
      TaskInfoStandardSchema,
      ExecutorInfoStandardSchema,
      OfferStandardSchema,
      ContainerInfoStandardSchema,
    ]) {
      expect(schema["~standard"].version).toBe(1);
      expect(schema["~standard"].vendor).toBe("mesos-dockerinfo");
      expect(typeof schema["~standard"].validate).toBe("function");
    }
  });

  test("valid Mesos JSON (a value or text) gives the typed message and no issues", () => {
    for (const input of [dockerTaskJson(), JSON.stringify(dockerTaskJson())]) {
      const result = run(TaskInfoStandardSchema, input);
      expect(result.issues).toBeUndefined();
      if (result.issues === undefined) {
        expect(equals(TaskInfoSchema, result.value, dockerTask())).toBe(true);
      }
    }
  });

  test("a decoded message with rule violations gives all of validate's issues with array paths", () => {
    const json = dockerTaskJson();
    json.container.docker.volume[0] = { container_dir: "data", host_dir: "var/data", mode: "RW" };
    json.task_id = { value: "" };
    const result = run(TaskInfoStandardSchema, json);
    expect(result.issues).toBeDefined();
    expect(keys(result.issues ?? [])).toEqual([
      "id_empty@task_id.value",
      "container_dir_not_absolute@container.docker.volume.0.container_dir",
      "host_dir_not_absolute@container.docker.volume.0.host_dir",
    ]);
    const issue = result.issues?.[2];
    expect(issue?.path).toEqual(["container", "docker", "volume", 0, "host_dir"]);
    expect(issue?.message).toContain('"var/data"');
  });

  test("missing required fields come from validate, all at once", () => {
    const json: Record<string, unknown> = dockerTaskJson();
    delete json.task_id;
    delete json.name;
    const result = run(TaskInfoStandardSchema, json);
    expect(keys(result.issues ?? [])).toEqual([
      "required_field_missing@name",
      "required_field_missing@task_id",
    ]);
  });

  test("a decode failure is one invalid_input issue at the decoder's path", () => {
    const json = dockerTaskJson();
    (json.container.docker.volume[1] as Record<string, unknown>).read_only = true;
    const result = run(TaskInfoStandardSchema, json);
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues ?? [];
    expect(issue?.code).toBe("invalid_input");
    expect(issue?.path?.slice(0, 4)).toEqual(["container", "docker", "volume", 1]);
    expect(issue?.message).toContain("read_only");

    const text = run(TaskInfoStandardSchema, "{ not json");
    expect(text.issues?.[0]).toMatchObject({ code: "invalid_input" });
    const mode = dockerTaskJson();
    (mode.container.docker.volume[0] as { mode: string }).mode = "RX";
    expect(run(TaskInfoStandardSchema, mode).issues?.[0]).toMatchObject({ code: "invalid_input" });
  });

  test("ignoreUnknownFields skips unknown keys", () => {
    const json = { ...dockerTaskJson(), health_check: { http: { port: 80 } } };
    expect(run(TaskInfoStandardSchema, json).issues).toHaveLength(1);
    const lenient = standardSchema(TaskInfoSchema, { ignoreUnknownFields: true });
    expect(run(lenient, json).issues).toBeUndefined();
  });

  test("warnings alone are a success", () => {
    const json = {
      name: "legacy",
      task_id: { value: "legacy-1" },
      slave_id: { value: "S0" },
      resources: [{ name: "cpus", type: "SCALAR", scalar: { value: 0.5 } }],
      command: { value: "echo hello", container: { image: "docker:///busybox" } },
    };
    expect(run(TaskInfoStandardSchema, json).issues).toBeUndefined();
  });

  test("ExecutorInfo, Offer and ContainerInfo", () => {
    const executor = run(ExecutorInfoStandardSchema, {
      executor_id: { value: "my-executor" },
      framework_id: { value: "20140801-000000-0000000000-5050-0000" },
      name: "my docker executor",
      command: { shell: false },
      container: {
        type: "DOCKER",
        docker: { image: `registry.example.com:5000/team/executor@sha256:${"ab".repeat(32)}` },
      },
      resources: [
        { name: "cpus", type: "SCALAR", scalar: { value: 0.1 } },
        { name: "mem", type: "SCALAR", scalar: { value: 32 } },
      ],
    });
    expect(executor.issues).toBeUndefined();
    if (executor.issues === undefined) {
      expect(equals(ExecutorInfoSchema, executor.value, dockerExecutor())).toBe(true);
    }
    const noCommand = run(ExecutorInfoStandardSchema, {
      executor_id: { value: "e" },
      container: { type: "DOCKER", docker: { image: "busybox" } },
    });
    expect(keys(noCommand.issues ?? [])).toEqual(["executor_command_missing@command"]);

    const anOffer = run(OfferStandardSchema, {
      id: { value: "offer-1" },
      framework_id: { value: "f" },
      slave_id: { value: "s" },
      hostname: "agent-1",
      resources: [{ name: "zones", type: "SET", set: { item: ["a", "a"] } }],
    });
    expect(keys(anOffer.issues ?? [])).toEqual(["set_item_duplicate@resources.0.set.item.1"]);

    const container = run(ContainerInfoStandardSchema, { type: "DOCKER" });
    expect(keys(container.issues ?? [])).toEqual(["docker_info_missing@docker"]);
  });
});
