// decode never returns views into the caller's input: every bytes value and unknown-field payload
// that protobuf-es would leave in the input is copied, wherever it sits (lists, maps, oneofs,
// nested and repeated messages, groups, a message type without fields, a bare BytesValue), in
// with and without the required-field check, and only those: presence and other values are untouched.
import {
  create,
  type DescMessage,
  isFieldSet,
  type Message,
  type MessageInitShape,
  toBinary,
} from "@bufbuild/protobuf";
import { WireType } from "@bufbuild/protobuf/wire";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { OfferSchema, type TaskInfo, TaskInfoSchema } from "../../gen/mesos/mesos_pb.js";
import { decode } from "../../src/codec/decode.js";
import { arbitraryMessage } from "../../src/testing/index.js";
import { commandTask, dockerExecutorTask } from "../fixtures/canonical.js";
import { type Holder, HolderSchema, type Node, NodeSchema, WrappedSchema } from "./test-schema.js";
import { bytes, ld, varint, vi } from "./wire.js";

const MODES = [
  ["strict", {}],
  ["required: false", { required: false }],
] as const;

/** An unknown varint field (as protobuf-es keeps it in `$unknown`). */
function unknownVarint(no: number, value: number) {
  return { no, wireType: WireType.Varint, data: Uint8Array.from(varint(value)) };
}

/** An unknown length-delimited field; its data includes the length prefix. */
function unknownBytes(no: number, payload: number[]) {
  return { no, wireType: WireType.LengthDelimited, data: bytes(varint(payload.length), payload) };
}

/**
 * Where in `value` a Uint8Array lies in `source`, or is not a plain Uint8Array (a Node Buffer
 * input must not leak Buffers), found by a walk over every property, independent of the codec.
 */
function sharedViews(value: unknown, source: ArrayBufferLike, path = "$"): string[] {
  if (value instanceof Uint8Array) {
    const shared = value.buffer === source;
    const plain = Object.getPrototypeOf(value) === Uint8Array.prototype;
    return shared || !plain
      ? [`${path}${shared ? " (shared)" : ""}${plain ? "" : " (Buffer)"}`]
      : [];
  }
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    sharedViews(item, source, `${path}.${key}`),
  );
}

/** Decode `input` from a pooled Node Buffer, then check it shares nothing and survives reuse. */
function decodeFromReusedBuffer(schema: DescMessage, input: Uint8Array, options: object): Message {
  const buffer = Buffer.from(input); // small Buffers share Node's pool, as socket reads do
  const message = decode(schema, buffer, options);
  expect(sharedViews(message, buffer.buffer)).toEqual([]);
  const encoded = toBinary(schema, message);
  buffer.fill(0xee); // the caller reuses its buffer
  expect(toBinary(schema, message)).toEqual(encoded);
  return message;
}

function executorTaskWithUnknownFields(): TaskInfo {
  const task = dockerExecutorTask();
  const executor = task.executor;
  const second = task.resources[1];
  if (executor?.command === undefined || second === undefined) throw new Error("fixture changed");
  task.$unknown = [unknownBytes(8, [8, 5]), unknownVarint(11, 3)]; // later Mesos fields
  second.$unknown = [unknownBytes(90, [1, 2, 3])]; // inside an element of a repeated message
  executor.command.$unknown = [unknownBytes(91, [4, 5])]; // inside a nested singular message
  executor.data = new TextEncoder().encode("executor payload");
  return task;
}

function holder(): Holder {
  const node = (id: number, extra: MessageInitShape<typeof NodeSchema> = {}) =>
    create(NodeSchema, { ...extra, id });
  const message = create(HolderSchema, {
    blobs: { a: Uint8Array.of(1, 2), b: Uint8Array.of(3) },
    chunks: [Uint8Array.of(4), Uint8Array.of(), Uint8Array.of(5, 6, 7)],
    choice: { case: "raw", value: Uint8Array.of(8, 9) },
    nodes: {
      k: node(1, { blob: Uint8Array.of(10), children: [node(2, { blob: Uint8Array.of(11) })] }),
    },
    empty: {},
    list: [node(3), node(4, { grp: { x: 1 }, child: node(5, { blob: Uint8Array.of(12) }) })],
  });
  const list = message.list[1] as Node;
  (message.empty as Message).$unknown = [unknownBytes(1, [13])]; // a type without fields
  list.$unknown = [unknownVarint(99, 1)];
  (list.grp as Message).$unknown = [unknownBytes(2, [14, 15])]; // inside a group
  ((message.nodes.k as Node).children[0] as Node).$unknown = [unknownBytes(98, [16])];
  return message;
}

describe.each(MODES)("%s decode returns private copies", (_mode, options) => {
  test("bytes of the task and of its executor, unknown fields at the root and nested", () => {
    const encoded = toBinary(TaskInfoSchema, executorTaskWithUnknownFields());
    const task = decodeFromReusedBuffer(TaskInfoSchema, encoded, options) as TaskInfo;
    expect(new TextDecoder().decode(task.executor?.data)).toBe("executor payload");
    expect(task.resources[1]?.$unknown?.map((u) => u.no)).toEqual([90]);
    expect(task.executor?.command?.$unknown?.map((u) => u.no)).toEqual([91]);
  });

  test("bytes in maps, lists, oneofs and nested messages; unknown fields in all of them", () => {
    const encoded = toBinary(HolderSchema, holder());
    const decoded = decodeFromReusedBuffer(HolderSchema, encoded, options) as Holder;
    expect(decoded.blobs.a).toEqual(Uint8Array.of(1, 2));
    expect(decoded.choice).toEqual({ case: "raw", value: Uint8Array.of(8, 9) });
    expect(decoded.list[1]?.child?.blob).toEqual(Uint8Array.of(12));
  });

  test("a google.protobuf.BytesValue field, which protobuf-es stores as a bare Uint8Array", () => {
    const encoded = bytes(ld(1, ld(1, [1, 2, 3])));
    const decoded = decodeFromReusedBuffer(WrappedSchema, encoded, options);
    expect((decoded as { value?: Uint8Array }).value).toEqual(Uint8Array.of(1, 2, 3));
  });

  test("only values from the input are replaced: presence and defaults stay as they were", () => {
    const input = bytes(toBinary(TaskInfoSchema, commandTask()), vi(11, 3));
    const task = decodeFromReusedBuffer(TaskInfoSchema, input, options) as TaskInfo;
    expect(isFieldSet(task, TaskInfoSchema.field.data)).toBe(false);
    expect(Object.hasOwn(task, "data")).toBe(false);
  });

  test.each([
    ["TaskInfo", TaskInfoSchema, 4],
    ["Offer", OfferSchema, 4],
    ["codectest.Node", NodeSchema, 2], // recursive types: shallower, or runs get slow
    ["codectest.Holder", HolderSchema, 2],
  ] as const)("arbitrary %s messages with unknown fields", (_name, schema, maxDepth) => {
    const messages = arbitraryMessage(schema as DescMessage, { unknownFields: true, maxDepth });
    fc.assert(
      fc.property(messages, (message) => {
        decodeFromReusedBuffer(schema, toBinary(schema as DescMessage, message), options);
      }),
      { numRuns: 100 },
    );
  });
});

test("a singular bytes field sent twice (the last wins) still leaves nothing shared", () => {
  // The scan counts occurrences, the message keeps one value: an overcount must be harmless.
  const input = bytes(ld(16, [1]), vi(1, 1), ld(16, [2, 3]), ld(17, bytes(vi(1, 2), ld(16, [4]))));
  const node = decodeFromReusedBuffer(NodeSchema, input, {}) as Node;
  expect(node.blob).toEqual(Uint8Array.of(2, 3));
  expect(node.children[0]?.blob).toEqual(Uint8Array.of(4));
});
