// decode / safeDecode: strict and non-strict modes, private copies of the input, options,
// validate: true, and the conversion of every protobuf-es error into a DecodeError.
import { create, type DescMessage, equals, fromBinary, toBinary } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import {
  ContainerInfoSchema,
  ExecutorInfoSchema,
  ContainerInfo_DockerInfo_Volume_Mode as Mode,
  OfferSchema,
  TaskIDSchema,
  TaskInfoSchema,
} from "../../gen/mesos/mesos_pb.js";
import { decode, safeDecode } from "../../src/codec/decode.js";
import { DecodeError } from "../../src/codec/errors.js";
import { ValidationError } from "../../src/validation/index.js";
import {
  commandTask,
  dockerExecutor,
  dockerExecutorTask,
  dockerTask,
  legacyDockerTask,
  offer,
} from "../fixtures/canonical.js";
import { NodeSchema } from "./test-schema.js";
import { thrown } from "./thrown.js";
import { bytes, ld, str, tag, vi } from "./wire.js";

const UNKNOWN_FIELDS = bytes(
  ld(8, bytes(vi(1, 5))), // TaskInfo.health_check in later Mesos: not in our schema
  vi(11, 3),
  tag(12, 5),
  [1, 2, 3, 4],
);

describe("strict decode", () => {
  test.each([
    ["command task", TaskInfoSchema, commandTask()],
    ["docker task", TaskInfoSchema, dockerTask()],
    ["docker executor task", TaskInfoSchema, dockerExecutorTask()],
    ["legacy docker task", TaskInfoSchema, legacyDockerTask()],
    ["docker executor", ExecutorInfoSchema, dockerExecutor()],
    ["offer", OfferSchema, offer(12)],
  ] as const)("the canonical %s decodes to an equal message", (_name, schema, message) => {
    const encoded = toBinary(schema, message as never);
    const decoded = decode(schema, encoded);
    expect(equals(schema, decoded as never, message as never)).toBe(true);
    expect(toBinary(schema, decoded as never)).toEqual(encoded);
  });

  test("fields this schema does not model survive as unknown fields, byte for byte", () => {
    const input = bytes(toBinary(TaskInfoSchema, commandTask()), UNKNOWN_FIELDS);
    const task = decode(TaskInfoSchema, input);
    expect(task.$unknown?.map((u) => u.no)).toEqual([8, 11, 12]);
    expect(toBinary(TaskInfoSchema, task)).toEqual(input);
  });

  test("a leading U+FEFF in a string is text, by either reader, as fromBinary keeps it", () => {
    const input = bytes(vi(1, 1), ld(15, [0xef, 0xbb, 0xbf, 0x41]));
    expect(decode(NodeSchema, input).text).toBe("\ufeffA"); // no generated codec: reflective
    expect(fromBinary(NodeSchema, input).text).toBe("\ufeffA");
    const task = bytes(ld(1, [0xef, 0xbb, 0xbf, 0x41]));
    expect(decode(TaskIDSchema, task).value).toBe("\ufeffA"); // generated codec
  });

  test("bytes fields and unknown fields never share memory with the input", () => {
    const input = bytes(toBinary(TaskInfoSchema, dockerExecutorTask()), UNKNOWN_FIELDS);
    for (const options of [{}, { required: false }]) {
      const buffer = Buffer.from(input); // Node's Buffer, as read from a socket
      const task = decode(TaskInfoSchema, buffer, options);
      const data = task.data.slice();
      const unknown = task.$unknown?.map((u) => u.data.slice());
      buffer.fill(0); // the caller reuses its buffer
      expect(task.data).toEqual(data);
      expect(task.$unknown?.map((u) => u.data)).toEqual(unknown);
      expect(task.data.buffer).not.toBe(buffer.buffer);
      expect(new TextDecoder().decode(task.data)).toBe('{"job":42}');
    }
  });

  test("a message without bytes or unknown fields is decoded without a copy and is equal", () => {
    const input = toBinary(TaskInfoSchema, dockerTask());
    const task = decode(TaskInfoSchema, input);
    input.fill(0);
    expect(equals(TaskInfoSchema, task, dockerTask())).toBe(true);
  });

  test("a required field set to its default counts as set", () => {
    // ContainerInfo.type = DOCKER (1) is the first enum value, explicitly on the wire.
    expect(decode(ContainerInfoSchema, bytes(vi(1, 1))).type).toBe(1);
    expect(decode(TaskIDSchema, bytes(ld(1, []))).value).toBe("");
  });

  test("repeated occurrences of a message field merge before required fields are judged", () => {
    const head = bytes(str(1, "n"), ld(2, str(1, "t")));
    // slave_id given whole, then again empty (concatenated encodings are a merge): complete.
    const merged = decode(TaskInfoSchema, bytes(head, ld(3, str(1, "s")), ld(3, [])));
    expect(merged.slaveId?.value).toBe("s");
    expect(decode(NodeSchema, bytes(vi(1, 1), ld(2, []), ld(2, vi(1, 2)))).child?.id).toBe(2);
    // Empty both times: missing, reported with the path (and the offset of the first occurrence).
    const error = expectFailure(bytes(head, ld(3, []), ld(3, [])), {});
    expect([error.code, error.path, error.offset]).toEqual([
      "required_field_missing",
      ["slave_id", "value"],
      10,
    ]);
    expect(expectFailure(bytes(vi(1, 1), ld(2, []), ld(2, [])), {}, NodeSchema).path).toEqual([
      "child",
      "id",
    ]);
    // Elements of a repeated field never merge: each must be complete.
    const resource = (name: boolean) => ld(4, bytes(name ? str(1, "cpus") : [], vi(2, 0)));
    const list = expectFailure(
      bytes(head, ld(3, str(1, "s")), resource(true), resource(false)),
      {},
    );
    expect([list.code, list.path]).toEqual(["required_field_missing", ["resources", 1, "name"]]);
  });

  test("a packed encoding of a non-packed repeated enum is accepted (as Go and protobuf-es do)", () => {
    expect(decode(NodeSchema, bytes(vi(1, 1), ld(3, [1, 2]))).colors).toEqual([1, 2]);
    expect(decode(NodeSchema, bytes(vi(1, 1), vi(4, 2), vi(4, 1))).packedColors).toEqual([2, 1]);
  });
});

describe("required: false skips the required-field check and nothing else", () => {
  test("missing required fields are accepted", () => {
    expect(decode(TaskInfoSchema, bytes(), { required: false }).taskId).toBeUndefined();
    expect(decode(TaskInfoSchema, bytes(), { strict: false }).taskId).toBeUndefined(); // the old name
  });

  test.each([
    ["a wire-type mismatch", TaskIDSchema, bytes(vi(1, 1), 0x41), "wire_type_mismatch"],
    ["invalid UTF-8", TaskIDSchema, bytes(ld(1, [0x61, 0xff])), "invalid_utf8"],
    ["an unknown closed-enum value", ContainerInfoSchema, bytes(vi(1, 7)), "unknown_enum_value"],
    [
      "truncated data",
      TaskInfoSchema,
      toBinary(TaskInfoSchema, dockerTask()).subarray(0, 100),
      "truncated",
    ],
  ] as const)("%s is still refused", (_name, schema, input, code) => {
    expect(expectFailure(input, { required: false }, schema).code).toBe(code);
  });
});

describe("options", () => {
  test("maxBytes and maxDepth must be non-negative integers", () => {
    const input = toBinary(TaskIDSchema, create(TaskIDSchema, { value: "x" }));
    for (const bad of [{ maxBytes: -1 }, { maxDepth: 1.5 }, { maxDepth: Number.NaN }]) {
      expect(expectFailure(input, bad, TaskIDSchema).code).toBe("invalid_option");
    }
    expect(decode(TaskIDSchema, input, { maxDepth: 1 }).value).toBe("x");
    expect(expectFailure(input, { maxDepth: 0 }, TaskIDSchema).code).toBe("max_depth_exceeded");
  });

  test("validate: true runs every validation rule and throws ValidationError", () => {
    const bad = dockerTask();
    const volume = bad.container?.docker?.volume[0];
    if (volume === undefined) throw new Error("fixture changed");
    volume.containerDir = "relative/dir";
    volume.mode = Mode.RO;
    const input = toBinary(TaskInfoSchema, bad);
    expect(decode(TaskInfoSchema, input).name).toBe("busybox"); // decodes fine
    expect(() => decode(TaskInfoSchema, input, { validate: true })).toThrow(ValidationError);
    const result = safeDecode(TaskInfoSchema, input, { validate: true });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.issues[0]?.code).toBe("container_dir_not_absolute");
      expect(result.issues[0]?.path).toEqual(["container", "docker", "volume", 0, "container_dir"]);
    }
    const good = toBinary(TaskInfoSchema, dockerTask());
    expect(decode(TaskInfoSchema, good, { validate: true }).name).toBe("busybox");
    // Decode errors come first: validation never sees a half-decoded message.
    expect(safeDecode(TaskInfoSchema, good.subarray(0, 50), { validate: true })).toMatchObject({
      success: false,
      issues: [{ code: "truncated" }],
    });
  });

  test("safeDecode returns the message or the DecodeError's issues", () => {
    const good = toBinary(TaskInfoSchema, commandTask());
    const ok = safeDecode(TaskInfoSchema, good);
    expect(ok.success && ok.data.name).toBe("hello");
    const bad = safeDecode(TaskInfoSchema, good.subarray(1));
    expect(bad.success).toBe(false);
    expect(bad.issues.length).toBeGreaterThan(0);
    expect(() => decode(TaskInfoSchema, good.subarray(1))).toThrow(DecodeError);
  });
});

function expectFailure(
  input: Uint8Array,
  options: object,
  schema: DescMessage = TaskInfoSchema,
): DecodeError {
  return thrown(DecodeError, () => decode(schema, input, options));
}
