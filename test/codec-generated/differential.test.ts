// The generated codec against the reflective one, on random valid messages (unknown fields
// included), validation near misses, and mutated and random bytes: the same message (exact
// shape: prototypes, own keys in order, unknown fields) or the same error code, path and offset;
// and encode byte-identical to toBinary.
import { type DescMessage, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  CommandInfoSchema,
  ContainerInfoSchema,
  ExecutorInfoSchema,
  OfferSchema,
  ResourceSchema,
  TaskInfoSchema,
} from "../../gen/mesos/mesos_pb.js";
import { generatedCodec, generatedSchemas } from "../../src/codec/generated/index.js";
import {
  arbitraryMessage,
  invalidTaskInfo,
  mutatedBytes,
  offer,
  taskInfo,
} from "../../src/testing/index.js";
import { expectSameDecode, expectSameEncode } from "./compare.js";

const SCHEMAS: readonly [string, DescMessage][] = [
  ["TaskInfo", TaskInfoSchema],
  ["ExecutorInfo", ExecutorInfoSchema],
  ["Offer", OfferSchema],
  ["CommandInfo", CommandInfoSchema],
  ["ContainerInfo", ContainerInfoSchema],
  ["Resource", ResourceSchema],
];

const RUNS = { numRuns: 150 };

test("every message type of the schema has a generated codec", () => {
  const names = generatedSchemas().map((s) => s.typeName);
  expect(names).toContain("mesos.TaskInfo");
  expect(names).toContain("mesos.ContainerInfo.DockerInfo.Volume");
  expect(names.filter((n) => !n.startsWith("mesos.v1.")).length).toBe(26);
  for (const schema of generatedSchemas()) expect(generatedCodec(schema)).toBeDefined();
});

describe.each(SCHEMAS)("%s", (_name, schema) => {
  const messages = arbitraryMessage(schema, { unknownFields: true });
  const bytesOf = messages.map((m) => toBinary(schema, m));

  test("decode of a valid encoding equals fromBinary exactly", () => {
    fc.assert(
      fc.property(bytesOf, (bytes) => {
        expect(expectSameDecode(schema, bytes)).toHaveProperty("ok");
      }),
      RUNS,
    );
  });

  test("encode is byte-identical to toBinary and decodes back", () => {
    const codec = generatedCodec(schema);
    fc.assert(
      fc.property(messages, (m) => {
        const bytes = codec?.write(m);
        expect(bytes).toEqual(toBinary(schema, m));
        expect(expectSameEncode(schema, m)).toEqual(bytes);
      }),
      RUNS,
    );
  });

  test("mutated encodings: the same message or the same error", () => {
    fc.assert(
      fc.property(mutatedBytes(bytesOf), (bytes) => {
        expectSameDecode(schema, bytes);
      }),
      { numRuns: 400 },
    );
  });

  test("random bytes: the same message or the same error", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 48 }), (bytes) => {
        expectSameDecode(schema, bytes);
      }),
      { numRuns: 300 },
    );
  });

  test("concatenated encodings merge the same way (repeated required checks, last wins)", () => {
    fc.assert(
      fc.property(bytesOf, bytesOf, (a, b) => {
        const joined = new Uint8Array(a.length + b.length);
        joined.set(a);
        joined.set(b, a.length);
        expectSameDecode(schema, joined);
      }),
      { numRuns: 100 },
    );
  });
});

describe("domain messages", () => {
  test("valid tasks and offers: same decode, byte-identical encode", () => {
    fc.assert(
      fc.property(fc.oneof(taskInfo(), offer()), (m) => {
        const schema = m.$typeName === "mesos.Offer" ? OfferSchema : TaskInfoSchema;
        const bytes = expectSameEncode(schema, m);
        expect(bytes).toBeDefined();
        expect(expectSameDecode(schema, bytes as Uint8Array)).toHaveProperty("ok");
      }),
      RUNS,
    );
  });

  test("validation near misses decode and encode alike (they are valid on the wire)", () => {
    fc.assert(
      fc.property(invalidTaskInfo(), ({ task }) => {
        const bytes = expectSameEncode(TaskInfoSchema, task);
        if (bytes !== undefined) expectSameDecode(TaskInfoSchema, bytes);
      }),
      RUNS,
    );
  });

  test("mutated task encodings with a raised and a lowered depth limit", () => {
    const source = taskInfo().map((t) => toBinary(TaskInfoSchema, t));
    fc.assert(
      fc.property(mutatedBytes(source), fc.integer({ min: 1, max: 8 }), (bytes, maxDepth) => {
        expectSameDecode(TaskInfoSchema, bytes, { maxDepth });
      }),
      { numRuns: 400 },
    );
  });
});
