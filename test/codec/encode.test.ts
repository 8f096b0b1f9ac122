// encode: the same bytes as protobuf-es for valid messages, every problem of an invalid one at
// once with its path, never protobuf-es's plain Error.
import { create, type DescMessage, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  ContainerInfo_DockerInfo_Volume_Mode as Mode,
  OfferSchema,
  TaskIDSchema,
  TaskInfoSchema,
} from "../../gen/mesos/mesos_pb.js";
import { decode } from "../../src/codec/decode.js";
import { encode, safeEncode } from "../../src/codec/encode.js";
import { EncodeError } from "../../src/codec/errors.js";
import { safeToMesosJson } from "../../src/codec/to-mesos-json.js";
import { arbitraryMessage } from "../../src/testing/index.js";
import { commandTask, dockerExecutorTask, dockerTask, offer } from "../fixtures/canonical.js";
import { type Holder, HolderSchema, type Node, NodeSchema } from "./test-schema.js";
import { thrown } from "./thrown.js";
import { bytes, vi } from "./wire.js";

const encodeError = (run: () => unknown) => thrown(EncodeError, run);

describe("encode", () => {
  test("valid messages encode to exactly protobuf-es's bytes", () => {
    for (const task of [commandTask(), dockerTask(), dockerExecutorTask()]) {
      expect(encode(TaskInfoSchema, task)).toEqual(toBinary(TaskInfoSchema, task));
    }
    expect(encode(OfferSchema, offer(8))).toEqual(toBinary(OfferSchema, offer(8)));
  });

  test("every missing required field is named by its path, in field order", () => {
    const task = create(TaskInfoSchema, {
      taskId: {},
      container: { docker: { volume: [{ containerDir: "/a" }, { mode: Mode.RO }] } },
      executor: { command: {} },
    });
    const error = encodeError(() => encode(TaskInfoSchema, task));
    expect(error.issues.map((p) => [p.code, p.path])).toEqual([
      ["required_field_missing", ["name"]],
      ["required_field_missing", ["task_id", "value"]],
      ["required_field_missing", ["slave_id"]],
      ["required_field_missing", ["executor", "executor_id"]],
      ["required_field_missing", ["container", "type"]],
      ["required_field_missing", ["container", "docker", "image"]],
      ["required_field_missing", ["container", "docker", "volume", 0, "mode"]],
      ["required_field_missing", ["container", "docker", "volume", 1, "container_dir"]],
    ]);
    expect(error.code).toBe("required_field_missing");
    expect(error.path).toEqual(["name"]);
    expect(error.message).toContain("(8 errors)");
    expect(error.message).toContain("container.docker.volume[1].container_dir");
    expect(error.cause).toBeInstanceOf(Error); // protobuf-es's own error, kept as the cause
  });

  test("out-of-range and non-integer values are reported with their path", () => {
    const node = create(NodeSchema, { id: 2 ** 31, child: { id: 1.5 }, ints: [1, -(2 ** 31) - 1] });
    const error = encodeError(() => encode(NodeSchema, node));
    expect(error.issues.map((p) => [p.code, p.path])).toEqual([
      ["out_of_range", ["id"]],
      ["invalid_value", ["child", "id"]],
      ["out_of_range", ["ints", 1]],
    ]);
  });

  test("closed-enum numbers the schema does not declare are refused (protobuf-es writes them)", () => {
    const task = dockerTask();
    const volume = task.container?.docker?.volume[2];
    if (volume === undefined || task.container === undefined) throw new Error("fixture changed");
    (volume as { mode: number }).mode = 9;
    expect(toBinary(TaskInfoSchema, task).length).toBeGreaterThan(0); // protobuf-es: no complaint
    const error = encodeError(() => encode(TaskInfoSchema, task));
    expect(error.issues.map((p) => [p.code, p.path])).toEqual([
      ["unknown_enum_value", ["container", "docker", "volume", 2, "mode"]],
    ]);
    expect(error.message).toContain("RW = 1, RO = 2");
    const node = create(NodeSchema, { id: 1, colors: [1, 3], byName: { k: 4 } });
    expect(encodeError(() => encode(NodeSchema, node)).issues.map((p) => p.path)).toEqual([
      ["colors", 1],
      ["by_name", "k"],
    ]);
  });

  // encode's quick enum check decides whether the full check runs: it must see every location.
  test.each([
    ["in a oneof", ["tint"], (h: Holder) => (h.choice = { case: "tint", value: 3 })],
    [
      "in a message in a oneof",
      ["node", "color"],
      (h: Holder) => {
        h.choice = { case: "node", value: create(NodeSchema, { id: 1, color: 0 }) };
      },
    ],
    [
      "in a map value message",
      ["nodes", "k", "color"],
      (h: Holder) => {
        (h.nodes.k as Node).color = 7;
      },
    ],
    [
      "in a map of enums, two levels down",
      ["list", 0, "child", "by_name", "x"],
      (h: Holder) => {
        ((h.list[0] as Node).child as Node).byName.x = 6;
      },
    ],
    [
      "packed, in a repeated message",
      ["list", 1, "packed_colors", 1],
      (h: Holder) => {
        (h.list[1] as Node).packedColors = [1, -6];
      },
    ],
  ])("an undeclared closed-enum number %s is found", (_where, path, spoil) => {
    const valid = () =>
      create(HolderSchema, {
        choice: { case: "tint", value: 1000 },
        nodes: { k: { id: 1, color: 2 } },
        list: [
          { id: 2, child: { id: 3, byName: { y: -5 } } },
          { id: 4, packedColors: [1] },
        ],
      });
    expect(encode(HolderSchema, valid())).toEqual(toBinary(HolderSchema, valid()));
    const holder = valid();
    spoil(holder);
    expect(encodeError(() => encode(HolderSchema, holder)).issues).toMatchObject([
      { code: "unknown_enum_value", path },
    ]);
  });

  test("unpaired surrogates are refused (protobuf-es would write U+FFFD); real U+FFFD is fine", () => {
    const task = commandTask();
    task.name = "emoji cut in half: \ud83d";
    const error = encodeError(() => encode(TaskInfoSchema, task));
    expect(error.issues.map((p) => [p.code, p.path])).toEqual([["unpaired_surrogate", ["name"]]]);
    task.name = "replacement \ufffd character";
    expect(decode(TaskInfoSchema, encode(TaskInfoSchema, task)).name).toBe(
      "replacement \ufffd character",
    );
  });

  test("a plain object or another message type where a message belongs", () => {
    const task = commandTask();
    (task as { taskId: unknown }).taskId = { value: "plain" };
    (task as { slaveId: unknown }).slaveId = create(NodeSchema, { id: 1 });
    const error = encodeError(() => encode(TaskInfoSchema, task));
    expect(error.issues.map((p) => [p.code, p.path])).toEqual([
      ["wrong_message_type", ["task_id"]],
      ["wrong_message_type", ["slave_id"]],
    ]);
  });

  test("when the full check runs it also names values of the wrong JavaScript type", () => {
    const task = create(TaskInfoSchema, { taskId: { value: "t" }, slaveId: { value: "s" } });
    Object.assign(task, { name: 5, data: "text" });
    const error = encodeError(() => encode(TaskInfoSchema, task));
    expect(error.issues.map((p) => [p.code, p.path])).toEqual([
      ["invalid_value", ["name"]],
      ["invalid_value", ["data"]],
    ]);
  });

  test("unknown fields are written back", () => {
    const input = bytes(vi(1, 1), vi(99, 5));
    expect(encode(NodeSchema, decode(NodeSchema, input))).toEqual(input);
  });

  test("any junk in any field gives bytes or an EncodeError, never another error", () => {
    const junk = fc.oneof(
      fc.anything(),
      fc.constantFrom(
        2 ** 31,
        -1,
        1.5,
        Number.NaN,
        2n ** 64n,
        -1n,
        "12",
        "x",
        "\ud800",
        true,
        null,
      ),
    );
    for (const schema of [NodeSchema, HolderSchema] as DescMessage[]) {
      const fieldName = fc.constantFrom(
        ...schema.members.map((member) => member.localName),
        "$unknown",
      );
      fc.assert(
        fc.property(
          arbitraryMessage(schema, { maxDepth: 2 }),
          fieldName,
          junk,
          (message, name, value) => {
            (message as unknown as Record<string, unknown>)[name] = value;
            try {
              encode(schema, message);
            } catch (e) {
              expect(e).toBeInstanceOf(EncodeError);
            }
          },
        ),
        { numRuns: 200 },
      );
    }
  });
});

describe("safeEncode and safeToMesosJson: the problems Result shape", () => {
  test("data on success; every issue on failure; nothing thrown", () => {
    const good = create(TaskIDSchema, { value: "x" });
    const ok = safeEncode(TaskIDSchema, good);
    expect(ok.success && [...ok.data]).toEqual([10, 1, 120]);
    expect(safeToMesosJson(TaskIDSchema, good)).toEqual({
      success: true,
      data: { value: "x" },
      issues: [],
    });
    const bad = create(TaskInfoSchema, { name: "\ud800" });
    const failed = safeEncode(TaskInfoSchema, bad);
    expect(failed.success).toBe(false);
    expect(failed.issues.map((i) => i.code)).toEqual([
      "unpaired_surrogate",
      "required_field_missing",
      "required_field_missing",
    ]);
    const json = safeToMesosJson(TaskInfoSchema, bad);
    expect(!json.success && json.issues.map((i) => [i.code, i.path])).toEqual([
      ["unpaired_surrogate", ["name"]],
    ]);
  });
});
