// Which schema an input is read with (src/cli/detect-schema.ts): the key lists are the
// descriptors' own, a table per rule (JSON and binary), and properties over the testing kit's
// seed and v1 tasks: the detected schema always reads the input back.
import { create, type DescFile, type DescMessage, fromBinary, toBinary } from "@bufbuild/protobuf";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import * as seed from "../../gen/mesos/mesos_pb.js";
import * as v1 from "../../gen/mesos/v1/mesos_pb.js";
import { file_mesos_v1_scheduler_scheduler } from "../../gen/mesos/v1/scheduler/scheduler_pb.js";
import { detectBinary, detectJson, detectSchema } from "../../src/cli/detect-schema.js";
import { SEED_ONLY_KEYS, V1_ONLY_KEYS } from "../../src/cli/schema-keys.js";
import { WIRE } from "../../src/cli/schema-wire.js";
import { fromMesosJson, toMesosJsonText } from "../../src/codec/index.js";
import { taskInfo, v1Offer, v1TaskInfo } from "../../src/testing/index.js";
import { wireTable } from "./schema-tables.js";

function keysOf(files: readonly DescFile[]): Set<string> {
  const keys = new Set<string>();
  const walk = (messages: readonly DescMessage[]) => {
    for (const message of messages) {
      for (const field of message.fields) keys.add(field.name).add(field.jsonName);
      walk(message.nestedMessages);
    }
  };
  for (const file of files) walk(file.messages);
  return keys;
}

describe("the key lists are the generated schemas'", () => {
  const seedKeys = keysOf([seed.file_mesos_mesos]);
  const v1Keys = keysOf([v1.file_mesos_v1_mesos, file_mesos_v1_scheduler_scheduler]);
  const only = (a: Set<string>, b: Set<string>) => [...a].filter((key) => !b.has(key)).sort();

  it("SEED_ONLY_KEYS: every key of the seed that mesos.v1 lacks", () => {
    expect([...SEED_ONLY_KEYS].sort()).toEqual(only(seedKeys, v1Keys));
  });

  it("V1_ONLY_KEYS: every key of mesos.v1 that the seed lacks", () => {
    expect([...V1_ONLY_KEYS].sort()).toEqual(only(v1Keys, seedKeys));
  });

  it("WIRE: the field numbers, wire types and enum values that tell the schemas apart", () => {
    const table = wireTable(seed.file_mesos_mesos, [
      v1.file_mesos_v1_mesos,
      file_mesos_v1_scheduler_scheduler,
    ]);
    expect(JSON.parse(JSON.stringify(WIRE)), `new table:\n${JSON.stringify(table)}`).toEqual(
      JSON.parse(JSON.stringify(table)),
    );
    // What the detection rests on: docker at 100 (seed) against 3 (v1), and MESOS = 2.
    expect(WIRE.ContainerInfo?.seed).toEqual([100]);
    expect(WIRE.ContainerInfo?.v1).toContain(3);
    expect(WIRE.ContainerInfo?.enums?.[1]).toEqual([2]);
  });
});

const dockerVolume = { container_dir: "/data", host_dir: "/srv", mode: "RW" };

describe("JSON: each rule decides", () => {
  it.each([
    ["agent_id (v1's name)", { agent_id: { value: "a" } }, "v1", false],
    ["agentId (its JSON name)", { agentId: { value: "a" } }, "v1", false],
    ["container.volumes", { container: { type: "DOCKER", volumes: [] } }, "v1", false],
    [
      "a DockerInfo field Mesos added",
      { container: { docker: { image: "x", network: "BRIDGE" } } },
      "v1",
      false,
    ],
    ["container.type MESOS", { container: { type: "MESOS" } }, "v1", false],
    [
      "limits (bare Infinity, as Mesos >= 1.10 writes it)",
      '{"limits":{"cpus":{"value":Infinity}}}',
      "v1",
      false,
    ],
    [
      "slave_id next to v1 keys: v0 names",
      { slave_id: { value: "s" }, container: { volumes: [] } },
      "v1",
      true,
    ],
    ["slave_id alone", { slave_id: { value: "s" } }, "seed", false],
    ["docker.volume", { container: { docker: { image: "x", volume: [] } } }, "seed", false],
    ["a seed volume's keys", { container_dir: "/data", host_dir: "/srv" }, "seed", false],
    [
      "the legacy command.container",
      { command: { container: { image: "docker:///x" } } },
      "seed",
      false,
    ],
    [
      "more seed keys than v1 keys",
      { container: { docker: { image: "x", volume: [dockerVolume] }, hostname: "h" } },
      "seed",
      false,
    ],
    [
      "more v1 keys than seed keys",
      { agent_id: {}, limits: {}, container: { docker: { image: "x", volume: [] } } },
      "v1",
      false,
    ],
    [
      "a tie goes to the seed",
      { agent_id: {}, container: { docker: { image: "x", volume: [] } } },
      "seed",
      false,
    ],
    [
      "a DockerInfo without volume, nothing else",
      { container: { type: "DOCKER", docker: { image: "x" } } },
      "v1",
      false,
    ],
    ["nothing decides: the seed", { name: "t", task_id: { value: "t" } }, "seed", false],
    ["not JSON: the seed (the decoder says why)", "{ nope", "seed", false],
    ["JSON that is not an object", "[1, 2]", "seed", false],
  ])("%s", (_name, input, schema, v0Names) => {
    const text = typeof input === "string" ? input : JSON.stringify(input);
    const detection = detectJson(text);
    expect(detection.schema).toBe(schema);
    expect(detection.v0Names).toBe(v0Names);
    expect(detection.reason.length).toBeGreaterThan(0);
  });

  it("says which key decided", () => {
    expect(detectJson('{"agent_id":{"value":"a"}}').reason).toBe('"agent_id" is a mesos.v1 field');
    expect(detectJson('{"slave_id":{"value":"a"}}').reason).toBe('"slave_id" is a seed field');
  });

  it("walks deep nesting without recursion", () => {
    const deep = `${'{"data":'.repeat(50_000)}1${"}".repeat(50_000)}`;
    expect(detectJson(deep).schema).toBe("seed");
  });
});

describe("binary: field numbers decide", () => {
  const seedDocker = create(seed.TaskInfoSchema, {
    name: "t",
    taskId: { value: "t" },
    slaveId: { value: "s" },
    container: { type: seed.ContainerInfo_Type.DOCKER, docker: { image: "busybox" } },
  });
  const v1Docker = create(v1.TaskInfoSchema, {
    name: "t",
    taskId: { value: "t" },
    agentId: { value: "s" },
    container: { type: v1.ContainerInfo_Type.DOCKER, docker: { image: "busybox" } },
  });
  const v1Mesos = create(v1.ContainerInfoSchema, { type: v1.ContainerInfo_Type.MESOS });
  const v1Executor = create(v1.ExecutorInfoSchema, {
    executorId: { value: "e" },
    container: {
      type: v1.ContainerInfo_Type.DOCKER,
      volumes: [{ containerPath: "/d", mode: v1.Volume_Mode.RW }],
    },
  });
  const v1KillPolicy = create(v1.TaskInfoSchema, {
    name: "t",
    taskId: { value: "t" },
    agentId: { value: "s" },
    killPolicy: {},
  });
  const allocated = {
    name: "cpus",
    type: v1.Value_Type.SCALAR,
    scalar: { value: 1 },
    allocationInfo: { role: "web" },
  };
  const v1Allocated = create(v1.TaskInfoSchema, {
    name: "t",
    taskId: { value: "t" },
    agentId: { value: "s" },
    resources: [allocated],
    command: { value: "true" },
  });
  const v1AllocatedOffer = create(v1.OfferSchema, {
    id: { value: "o" },
    frameworkId: { value: "f" },
    agentId: { value: "a" },
    hostname: "h",
    resources: [allocated],
  });
  const legacy = create(seed.CommandInfoSchema, { container: { image: "docker:///x" } });
  const plain = create(seed.TaskInfoSchema, {
    name: "t",
    taskId: { value: "t" },
    slaveId: { value: "s" },
  });

  it.each([
    [
      "seed TaskInfo: docker at ContainerInfo field 100",
      toBinary(seed.TaskInfoSchema, seedDocker),
      "TaskInfo",
      "seed",
    ],
    ["v1 TaskInfo: docker at field 3", toBinary(v1.TaskInfoSchema, v1Docker), "TaskInfo", "v1"],
    [
      "v1 ContainerInfo: type MESOS",
      toBinary(v1.ContainerInfoSchema, v1Mesos),
      "ContainerInfo",
      "v1",
    ],
    [
      "v1 ExecutorInfo: ContainerInfo.volumes (2)",
      toBinary(v1.ExecutorInfoSchema, v1Executor),
      "ExecutorInfo",
      "v1",
    ],
    [
      "v1 TaskInfo: kill_policy (12), a field Mesos added",
      toBinary(v1.TaskInfoSchema, v1KillPolicy),
      "TaskInfo",
      "v1",
    ],
    [
      "seed CommandInfo: the legacy container (4)",
      toBinary(seed.CommandInfoSchema, legacy),
      "CommandInfo",
      "seed",
    ],
    ["nothing decides: the seed", toBinary(seed.TaskInfoSchema, plain), "TaskInfo", "seed"],
    [
      "a type without markers: the seed",
      toBinary(v1.TaskIDSchema, create(v1.TaskIDSchema, { value: "t" })),
      "TaskID",
      "seed",
    ],
    [
      "v1 TaskInfo: a resource's allocation_info (Resource field 11)",
      toBinary(v1.TaskInfoSchema, v1Allocated),
      "TaskInfo",
      "v1",
    ],
    [
      "v1 Offer: a resource's allocation_info",
      toBinary(v1.OfferSchema, v1AllocatedOffer),
      "Offer",
      "v1",
    ],
    [
      "truncated bytes: the seed (the decoder says why)",
      new Uint8Array([0x4a, 0x05, 0x1a]),
      "TaskInfo",
      "seed",
    ],
    ["a length past the end: the seed", new Uint8Array([0x4a, 0xff, 0x01]), "TaskInfo", "seed"],
    ["a group wire type: the seed", new Uint8Array([0x0b]), "TaskInfo", "seed"],
  ])("%s", (_name, bytes, type, schema) => {
    expect(detectBinary(bytes, type).schema).toBe(schema);
  });

  it("detectSchema routes by format", () => {
    expect(detectSchema(toBinary(v1.TaskInfoSchema, v1Docker), "binary", "TaskInfo").schema).toBe(
      "v1",
    );
    expect(detectSchema('{"agent_id":{}}', "json", "TaskInfo").schema).toBe("v1");
    expect(
      detectSchema(new TextEncoder().encode('{"agent_id":{}}'), "json", "TaskInfo").schema,
    ).toBe("v1");
  });
});

describe("properties: the detected schema reads the input", () => {
  const read = (text: string) => {
    const detection = detectJson(text);
    const schema = detection.schema === "v1" ? v1.TaskInfoSchema : seed.TaskInfoSchema;
    return fromMesosJson(schema, text, { v0Names: detection.schema === "v1" });
  };

  test.prop([taskInfo()])("a seed task's Mesos JSON", (task) => {
    const text = toMesosJsonText(seed.TaskInfoSchema, task);
    expect(() => read(text)).not.toThrow();
  });

  test.prop([v1TaskInfo()])(
    "a v1 task's Mesos JSON is read as mesos.v1 when it has a v1 key",
    (task) => {
      const text = toMesosJsonText(v1.TaskInfoSchema, task);
      expect(() => read(text)).not.toThrow();
      // agent_id is required in practice but optional in the proto; every v1 key decides.
      if (text.includes('"agent_id"')) expect(detectJson(text).schema).toBe("v1");
    },
  );

  test.prop([taskInfo()])("a seed task's bytes are never taken for mesos.v1", (task) => {
    expect(detectBinary(toBinary(seed.TaskInfoSchema, task), "TaskInfo").schema).toBe("seed");
  });

  test.prop([v1TaskInfo()])("a v1 task with a container is never taken for the seed", (task) => {
    fc.pre(task.container !== undefined);
    expect(detectBinary(toBinary(v1.TaskInfoSchema, task), "TaskInfo").schema).toBe("v1");
  });

  // Taken for the seed only when the seed reads every field: nothing lands in unknown fields.
  test.prop([v1TaskInfo()])(
    "a v1 task taken for the seed decodes without unknown fields",
    (task) => {
      const bytes = toBinary(v1.TaskInfoSchema, task);
      fc.pre(detectBinary(bytes, "TaskInfo").schema === "seed");
      expect(unknownFieldPaths(fromBinary(seed.TaskInfoSchema, bytes))).toEqual([]);
    },
  );

  test.prop([v1Offer()])(
    "a v1 offer taken for the seed decodes without unknown fields",
    (offer) => {
      const bytes = toBinary(v1.OfferSchema, offer);
      fc.pre(detectBinary(bytes, "Offer").schema === "seed");
      expect(unknownFieldPaths(fromBinary(seed.OfferSchema, bytes))).toEqual([]);
    },
  );

  test.prop([
    fc.uint8Array({ maxLength: 64 }),
    fc.constantFrom("TaskInfo", "ExecutorInfo", "ContainerInfo", "CommandInfo"),
  ])("never throws on arbitrary bytes", (bytes, type) => {
    expect(["seed", "v1"]).toContain(detectBinary(bytes, type).schema);
  });

  test.prop([fc.json()])("never throws on arbitrary JSON", (text) => {
    expect(["seed", "v1"]).toContain(detectJson(text).schema);
  });
});

/** Where a decoded message holds unknown fields (protobuf-es keeps them in `$unknown`). */
function unknownFieldPaths(value: unknown, path = "$"): string[] {
  if (typeof value !== "object" || value === null || value instanceof Uint8Array) return [];
  const record = value as Record<string, unknown>;
  const own = Array.isArray(record.$unknown) && record.$unknown.length > 0 ? [path] : [];
  return [
    ...own,
    ...Object.entries(record)
      .filter(([key]) => key !== "$unknown")
      .flatMap(([key, child]) => unknownFieldPaths(child, `${path}.${key}`)),
  ];
}
