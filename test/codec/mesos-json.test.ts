// toMesosJson / fromMesosJson: Mesos's JSON conventions, and hostile JSON input.
import { create, equals } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import {
  CommandInfoSchema,
  ContainerInfoSchema,
  ResourceSchema,
  TaskInfoSchema,
  Value_RangeSchema,
  Value_ScalarSchema,
} from "../../gen/mesos/mesos_pb.js";
import { DecodeError, EncodeError } from "../../src/codec/errors.js";
import { fromMesosJson, safeFromMesosJson } from "../../src/codec/from-mesos-json.js";
import { toMesosJson } from "../../src/codec/to-mesos-json.js";
import type { IssueCode } from "../../src/problems/index.js";
import { commandTask, dockerExecutorTask, dockerTask } from "../fixtures/canonical.js";
import { NodeSchema } from "./test-schema.js";
import { thrown } from "./thrown.js";

const decodeError = (run: () => unknown) => thrown(DecodeError, run);

const MINIMAL_TASK = { name: "t", task_id: { value: "t-1" }, slave_id: { value: "s" } };

describe("toMesosJson", () => {
  test("the seed's Docker task, as Mesos writes it (defaults of unset fields included)", () => {
    // Mesos (stout) writes unset fields that declare a default: CommandInfo.shell, Resource.role
    // (JSON::Protobuf in Mesos 1.11.0's 3rdparty/stout/include/stout/protobuf.hpp).
    expect(toMesosJson(TaskInfoSchema, dockerTask())).toEqual({
      name: "busybox",
      task_id: { value: "busybox-1" },
      slave_id: { value: "20140801-000000-0000000000-5050-S0" },
      resources: [
        { name: "cpus", type: "SCALAR", scalar: { value: 1 }, role: "*" },
        { name: "mem", type: "SCALAR", scalar: { value: 256 }, role: "*" },
        {
          name: "ports",
          type: "RANGES",
          ranges: { range: [{ begin: 31000, end: 31005 }] },
          role: "*",
        },
      ],
      command: {
        environment: { variables: [{ name: "MODE", value: "demo" }] },
        shell: true,
        value: "ls /data && cat /etc/hostname",
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
    });
  });

  test("keys come in .proto declaration order, as jsonify writes them", () => {
    const json = toMesosJson(
      CommandInfoSchema,
      create(CommandInfoSchema, { user: "u", value: "v", shell: false, uris: [{ value: "x" }] }),
    );
    expect(Object.keys(json)).toEqual(["uris", "shell", "value", "user"]);
  });

  test("unset fields that declare a default are written, as Mesos does (emitDefaults: false: not)", () => {
    const json = toMesosJson(TaskInfoSchema, commandTask());
    expect(toMesosJson(TaskInfoSchema, commandTask(), { emitDefaults: true })).toEqual(json);
    expect(json.command).toMatchObject({ shell: true, uris: [{ extract: true }] });
    expect(json.resources).toEqual([
      { name: "cpus", type: "SCALAR", scalar: { value: 0.5 }, role: "*" },
      { name: "mem", type: "SCALAR", scalar: { value: 128 }, role: "*" },
    ]);
    // Without them, only set fields: shell is unset in the fixture, extract is set.
    const plain = toMesosJson(TaskInfoSchema, commandTask(), { emitDefaults: false });
    expect(plain.command).not.toHaveProperty("shell");
    expect(plain.command).toMatchObject({ uris: [{ extract: true }] });
    // Deprecated fields (CommandInfo.container) have no default; required fields are never invented.
    expect(
      toMesosJson(ContainerInfoSchema, create(ContainerInfoSchema), { emitDefaults: true }),
    ).toEqual({});
  });

  test("64-bit integers: numbers while safe, strings past 2^53 - 1", () => {
    const range = (begin: bigint, end: bigint) =>
      toMesosJson(Value_RangeSchema, create(Value_RangeSchema, { begin, end }));
    expect(range(31000n, 9007199254740991n)).toEqual({ begin: 31000, end: 9007199254740991 });
    expect(range(9007199254740992n, 18446744073709551615n)).toEqual({
      begin: "9007199254740992",
      end: "18446744073709551615",
    });
    expect(toMesosJson(NodeSchema, create(NodeSchema, { id: 1, s64: -(2n ** 60n) }))).toEqual({
      id: 1,
      s64: "-1152921504606846976",
    });
  });

  test("bytes as standard base64; NaN and infinities as strings", () => {
    expect(toMesosJson(TaskInfoSchema, dockerExecutorTask()).data).toBe("eyJqb2IiOjQyfQ==");
    const scalar = (value: number) =>
      toMesosJson(Value_ScalarSchema, create(Value_ScalarSchema, { value })).value;
    expect([
      scalar(Number.NaN),
      scalar(Number.POSITIVE_INFINITY),
      scalar(Number.NEGATIVE_INFINITY),
      scalar(1.5),
    ]).toEqual(["NaN", "Infinity", "-Infinity", 1.5]);
    expect(
      toMesosJson(NodeSchema, create(NodeSchema, { id: 1, blob: Uint8Array.of(0xfb, 0xff) })).blob,
    ).toBe("+/8=");
  });

  test("values without a faithful JSON form are EncodeErrors with their path", () => {
    const task = dockerTask();
    const docker = task.container?.docker;
    if (docker === undefined) throw new Error("fixture changed");
    (docker.volume[1] as { mode: number }).mode = 7;
    docker.image = "\udc00";
    const error = thrown(EncodeError, () => toMesosJson(TaskInfoSchema, task));
    expect(error.issues.map((p) => [p.code, p.path])).toEqual([
      ["unpaired_surrogate", ["container", "docker", "image"]],
      ["unknown_enum_value", ["container", "docker", "volume", 1, "mode"]],
    ]);
  });

  test("unset required fields are simply absent; unknown fields are dropped", () => {
    const partial = create(TaskInfoSchema, { name: "x" });
    partial.$unknown = [{ no: 99, wireType: 0, data: Uint8Array.of(1) }];
    expect(toMesosJson(TaskInfoSchema, partial)).toEqual({ name: "x" });
  });

  test("map keys named __proto__ are written as own keys", () => {
    const node = create(NodeSchema, { id: 1 });
    Object.defineProperty(node.byName, "__proto__", { value: 2, enumerable: true });
    const json = toMesosJson(NodeSchema, node);
    expect(Object.keys(json.by_name as object)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(json.by_name)).toBe(Object.prototype);
  });
});

describe("fromMesosJson", () => {
  test("reads what toMesosJson writes, from a value and from text", () => {
    for (const task of [commandTask(), dockerTask(), dockerExecutorTask()]) {
      // With defaults the same values come back, now as set fields.
      const withDefaults = toMesosJson(TaskInfoSchema, task);
      expect(toMesosJson(TaskInfoSchema, fromMesosJson(TaskInfoSchema, withDefaults))).toEqual(
        withDefaults,
      );
      const json = toMesosJson(TaskInfoSchema, task, { emitDefaults: false });
      expect(equals(TaskInfoSchema, fromMesosJson(TaskInfoSchema, json), task)).toBe(true);
      expect(
        equals(TaskInfoSchema, fromMesosJson(TaskInfoSchema, JSON.stringify(json, null, 2)), task),
      ).toBe(true);
    }
  });

  test("Mesos's leniencies: camelCase keys, null, numeric and boolean strings, one value for a list", () => {
    const task = fromMesosJson(
      TaskInfoSchema,
      {
        ...MINIMAL_TASK,
        taskId: undefined,
        task_id: null,
        slaveId: { value: "camel" },
        slave_id: undefined,
        command: { shell: "false", uris: { value: "http://x", extract: "true" } },
        resources: [
          { name: "ports", type: "RANGES", ranges: { range: [{ begin: "31000", end: 31005 }] } },
        ],
      } as unknown,
      { strict: false },
    );
    expect(task.taskId).toBeUndefined();
    expect(task.slaveId?.value).toBe("camel");
    expect(task.command?.shell).toBe(false);
    expect(task.command?.uris.map((u) => [u.value, u.extract])).toEqual([["http://x", true]]);
    expect(task.resources[0]?.ranges?.range[0]).toMatchObject({ begin: 31000n, end: 31005n });
    expect(fromMesosJson(Value_ScalarSchema, { value: "2.5e3" }).value).toBe(2500);
    expect(fromMesosJson(Value_ScalarSchema, '{"value": "-Infinity"}').value).toBe(
      Number.NEGATIVE_INFINITY,
    );
  });

  test("64-bit integers keep every digit when quoted (and as bigints)", () => {
    expect(
      fromMesosJson(
        Value_RangeSchema,
        '{"begin": "9007199254740993", "end": "18446744073709551615"}',
      ),
    ).toMatchObject({
      begin: 9007199254740993n,
      end: 18446744073709551615n,
    });
    expect(
      fromMesosJson(Value_RangeSchema, { begin: 2n ** 60n, end: 9007199254740991 }),
    ).toMatchObject({
      begin: 2n ** 60n,
      end: 9007199254740991n,
    });
  });

  test.each<[string, unknown, IssueCode, (string | number)[]]>([
    [
      "a bare number past 2^64 in text",
      '{"begin": 18446744073709551616, "end": 1}',
      "out_of_range",
      ["begin"],
    ],
    ["a JS number past 2^53", { begin: 2 ** 60, end: 1 }, "unsafe_integer", ["begin"]],
    ["2^53 itself", { begin: 9007199254740992, end: 1 }, "unsafe_integer", ["begin"]],
    ["a negative uint64", { begin: -1, end: 1 }, "out_of_range", ["begin"]],
    ["2^64 as a string", { begin: "18446744073709551616", end: 1 }, "out_of_range", ["begin"]],
    ["a fraction", { begin: 1.5, end: 1 }, "invalid_value", ["begin"]],
    ["a non-numeric string", { begin: "12abc", end: 1 }, "invalid_value", ["begin"]],
    ["a bool", { begin: true, end: 1 }, "invalid_value", ["begin"]],
  ])("64-bit integer input: %s", (_name, input, code, path) => {
    const error = decodeError(() => fromMesosJson(Value_RangeSchema, input));
    expect([error.code, error.path]).toEqual([code, path]);
    if (code === "unsafe_integer") {
      expect(error.message).toMatch(/write it as a string: "\d+"/);
    }
  });

  test.each<[string, unknown, IssueCode, (string | number)[]]>([
    ["an enum number (Mesos rejects numbers)", { type: 1 }, "invalid_value", ["type"]],
    ["an unknown enum name", { type: "MESOS" }, "unknown_enum_value", ["type"]],
    [
      "an unknown key",
      { type: "DOCKER", docker: { image: "i", volume: [{ container_path: "/a", mode: "RW" }] } },
      "unknown_field",
      ["docker", "volume", 0, "container_path"],
    ],
    [
      "an object for a string",
      { type: "DOCKER", docker: { image: { name: "i" } } },
      "invalid_value",
      ["docker", "image"],
    ],
    ["an array for a message", { type: "DOCKER", docker: [] }, "invalid_value", ["docker"]],
    [
      "null in a list",
      { type: "DOCKER", docker: { image: "i", volume: [null] } },
      "invalid_value",
      ["docker", "volume", 0],
    ],
    [
      "a missing required field",
      { type: "DOCKER", docker: { volume: [{ mode: "RO" }] } },
      "required_field_missing",
      ["docker", "image"],
    ],
    [
      "the same field under both spellings",
      {
        type: "DOCKER",
        docker: { image: "i", volume: [{ container_dir: "/a", containerDir: "/b", mode: "RW" }] },
      },
      "duplicate_key",
      ["docker", "volume", 0, "container_dir"],
    ],
    [
      "an unpaired surrogate",
      '{"type": "DOCKER", "docker": {"image": "\\ud800"}}',
      "unpaired_surrogate",
      ["docker", "image"],
    ],
    ["a duplicate key in text", '{"type": "DOCKER", "type": "DOCKER"}', "duplicate_key", ["type"]],
    ["a JSON syntax error", '{"type": "DOCKER",}', "invalid_json", []],
    ["a JSON array at the root", "[]", "invalid_input", []],
    ["a JSON string value", '"DOCKER"', "invalid_input", []],
    [
      "JSON bytes instead of text",
      new TextEncoder().encode('{"type": "DOCKER"}'),
      "invalid_input",
      [],
    ],
    ["a message instead of JSON", create(ContainerInfoSchema, { type: 1 }), "invalid_input", []],
    [
      "deeply nested arrays (no stack overflow)",
      `{"type": ${"[".repeat(100_000)}`,
      "max_depth_exceeded",
      ["type", 0, 0],
    ],
  ])("rejects %s", (_name, input, code, path) => {
    const error = decodeError(() => fromMesosJson(ContainerInfoSchema, input));
    expect(error.code).toBe(code);
    expect(error.path.slice(0, path.length)).toEqual(path);
    expect(error.message).toContain(code);
  });

  test("messages say how to fix the input", () => {
    expect(decodeError(() => fromMesosJson(ContainerInfoSchema, { type: 1 })).message).toContain(
      'write "DOCKER" instead of 1',
    );
    const unknown = decodeError(() =>
      fromMesosJson(ContainerInfoSchema, {
        type: "DOCKER",
        docker: { image: "i", volume: [{ host_path: "/h" }] },
      }),
    );
    expect(unknown.message).toContain("did you mean host_dir?");
    const missing = decodeError(() => fromMesosJson(TaskInfoSchema, { name: "x", task_id: {} }));
    expect(missing.issues.map((i) => [i.code, i.path])).toEqual([
      ["required_field_missing", ["task_id", "value"]],
      ["required_field_missing", ["slave_id"]],
    ]);
    expect(missing.message).toContain("required field value of mesos.TaskID is not set");
    const syntax = decodeError(() =>
      fromMesosJson(TaskInfoSchema, '{\n  "name": "x",\n  "task_id": {"value": tru}\n}'),
    );
    expect(syntax.message).toContain("line 3, column");
    expect(syntax.offset).toBe(40);
  });

  test("ignoreUnknownFields skips unknown keys; strict: false skips the required check", () => {
    const json = { ...MINIMAL_TASK, health_check: { delay_seconds: 5 }, discovery: null };
    expect(decodeError(() => fromMesosJson(TaskInfoSchema, json)).code).toBe("unknown_field");
    expect(fromMesosJson(TaskInfoSchema, json, { ignoreUnknownFields: true }).name).toBe("t");
    expect(
      fromMesosJson(TaskInfoSchema, { name: "partial" }, { strict: false }).taskId,
    ).toBeUndefined();
  });

  test("__proto__ and constructor keys are unknown keys and pollute nothing", () => {
    const texts = [
      '{"__proto__": {"polluted": "yes"}, "name": "x"}',
      '{"constructor": {"prototype": {"polluted": "yes"}}}',
      '{"name": "x", "task_id": {"value": "t", "__proto__": {"polluted": "yes"}}}',
    ];
    for (const text of texts) {
      const error = decodeError(() => fromMesosJson(TaskInfoSchema, text));
      expect(error.code).toBe("unknown_field");
      expect(["__proto__", "constructor"]).toContain(error.path.at(-1));
      fromMesosJson(TaskInfoSchema, text, { ignoreUnknownFields: true, strict: false });
      fromMesosJson(TaskInfoSchema, JSON.parse(text), { ignoreUnknownFields: true, strict: false });
    }
    // A map key may be "__proto__": it becomes an entry, not a prototype.
    const node = fromMesosJson(
      NodeSchema,
      '{"id": 1, "by_name": {"__proto__": "RED", "constructor": "GREEN"}}',
    );
    expect(Object.keys(node.byName)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(node.byName)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
  });

  test("bytes: base64 in either alphabet, padding optional; anything else is refused", () => {
    const blob = (s: string) => fromMesosJson(NodeSchema, { id: 1, blob: s }).blob;
    expect(blob("+/8=")).toEqual(Uint8Array.of(0xfb, 0xff));
    expect(blob("-_8")).toEqual(Uint8Array.of(0xfb, 0xff));
    for (const bad of ["a", "ab=c", "a b=", "abc*", "ab==="]) {
      expect(decodeError(() => fromMesosJson(NodeSchema, { id: 1, blob: bad })).code).toBe(
        "invalid_base64",
      );
    }
  });

  test("32-bit, float and bool ranges", () => {
    const node = (json: object) => safeFromMesosJson(NodeSchema, { id: 1, ...json });
    expect(node({ id: 2 ** 31 })).toMatchObject({
      success: false,
      issues: [{ code: "out_of_range", path: ["id"] }],
    });
    expect(node({ id: "-2147483648" })).toMatchObject({
      success: true,
      data: { id: -(2 ** 31) },
    });
    expect(node({ f32: -1 })).toMatchObject({ success: false, issues: [{ code: "out_of_range" }] });
    expect(node({ fl: 1e39 })).toMatchObject({
      success: false,
      issues: [{ code: "out_of_range" }],
    });
    expect(node({ fl: "NaN" })).toMatchObject({ success: true });
    expect(node({ colors: ["RED", "BIG", "NEG"] })).toMatchObject({
      success: true,
      data: { colors: [1, 1000, -5] },
    });
    expect(node({ text: 5 })).toMatchObject({
      success: false,
      issues: [{ code: "invalid_value", path: ["text"] }],
    });
  });

  test("limits: maxBytes for text, maxDepth for messages", () => {
    expect(
      decodeError(() => fromMesosJson(TaskInfoSchema, " ".repeat(11), { maxBytes: 10 })).code,
    ).toBe("input_too_large");
    let json: object = { id: 1 };
    for (let i = 0; i < 150; i++) json = { id: 1, child: json };
    expect(decodeError(() => fromMesosJson(NodeSchema, json)).code).toBe("max_depth_exceeded");
    expect(decodeError(() => fromMesosJson(NodeSchema, JSON.stringify(json))).code).toBe(
      "max_depth_exceeded",
    );
    expect(fromMesosJson(NodeSchema, json, { maxDepth: 200 }).id).toBe(1);
  });

  test("safeFromMesosJson returns the message or the DecodeError", () => {
    expect(
      safeFromMesosJson(ResourceSchema, { name: "cpus", type: "SCALAR", scalar: { value: 1 } }),
    ).toMatchObject({
      success: true,
      data: { name: "cpus" },
    });
    const failed = safeFromMesosJson(ResourceSchema, "{");
    expect(!failed.success && failed.issues[0]?.code).toBe("invalid_json");
  });
});
