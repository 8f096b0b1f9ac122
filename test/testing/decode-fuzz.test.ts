// decode of random and mutated bytes returns a message or throws a DecodeError, nothing else; and
// a message that strict decode accepts is whole (it encodes again and decodes to the same thing).
import { type DescMessage, equals, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect } from "vitest";
import { ExecutorInfoSchema, OfferSchema, TaskInfoSchema } from "../../gen/mesos/mesos_pb.js";
import { decode, safeDecode } from "../../src/codec/decode.js";
import { DecodeError } from "../../src/codec/errors.js";
import { ValidationError } from "../../src/problems/index.js";
import { arbitraryMessage, mutatedBytes, offer, taskInfo } from "../../src/testing/index.js";
import { property } from "./harness.js";

const SCHEMAS: readonly DescMessage[] = [TaskInfoSchema, ExecutorInfoSchema, OfferSchema];

/** The DecodeError contract: a snake_case code, a path, an offset inside the input, a message. */
function expectDecodeError(error: unknown, input: Uint8Array): void {
  if (!(error instanceof DecodeError)) throw error;
  expect(error.code).toMatch(/^[a-z][a-z0-9_]*$/);
  expect(Array.isArray(error.path)).toBe(true);
  if (error.offset !== undefined) {
    expect(Number.isInteger(error.offset)).toBe(true);
    expect(error.offset).toBeGreaterThanOrEqual(0);
    expect(error.offset).toBeLessThanOrEqual(input.length);
  }
  expect(error.message.length).toBeGreaterThan(10);
}

/** Strict decode: a message (that re-encodes and decodes back to itself) or a DecodeError. */
function checkStrict(schema: DescMessage, bytes: Uint8Array): void {
  let message: ReturnType<typeof decode>;
  try {
    message = decode(schema, bytes);
  } catch (error) {
    expectDecodeError(error, bytes);
    const safe = safeDecode(schema, bytes);
    expect(safe.success).toBe(false);
    return;
  }
  // Accepted: every required field is set and every value is well-formed, so it encodes.
  const again = decode(schema, toBinary(schema, message));
  expect(equals(schema, again, message)).toBe(true);
  expect(safeDecode(schema, bytes).success).toBe(true);
}

/** Lenient decode and decode with validation: the documented failures only. */
function checkOtherModes(schema: DescMessage, bytes: Uint8Array): void {
  try {
    decode(schema, bytes, { strict: false });
  } catch (error) {
    expectDecodeError(error, bytes);
  }
  try {
    decode(schema, bytes, { validate: true });
  } catch (error) {
    if (!(error instanceof ValidationError)) expectDecodeError(error, bytes);
  }
}

const schema = fc.constantFrom(...SCHEMAS);

const encodings = fc.oneof(
  schema.chain((s) => arbitraryMessage(s, { unknownFields: true }).map((m) => toBinary(s, m))),
  taskInfo().map((t) => toBinary(TaskInfoSchema, t)),
  offer().map((o) => toBinary(OfferSchema, o)),
);

describe("decode never fails in an undocumented way", () => {
  property(
    "random bytes",
    fc.property(schema, fc.uint8Array({ maxLength: 96 }), (s, bytes) => {
      checkStrict(s, bytes);
      checkOtherModes(s, bytes);
    }),
    { runs: 300 },
  );
  property(
    "mutated valid encodings",
    fc.property(schema, mutatedBytes(encodings), (s, bytes) => {
      checkStrict(s, bytes);
      checkOtherModes(s, bytes);
    }),
    { runs: 300 },
  );
  property(
    "nested unknown groups: kept below the depth limit, a DecodeError far above it",
    fc.property(fc.integer({ min: 1, max: 400 }), taskInfo(), (depth, task) => {
      // Unknown field 15 as nested groups: START_GROUP (0x7b) × depth, then END_GROUP (0x7c) × depth.
      const valid = toBinary(TaskInfoSchema, task);
      const bytes = new Uint8Array(valid.length + 2 * depth);
      bytes.set(valid);
      bytes.fill(0x7b, valid.length, valid.length + depth);
      bytes.fill(0x7c, valid.length + depth);
      const result = safeDecode(TaskInfoSchema, bytes);
      if (depth <= 90) {
        expect(result.success).toBe(true);
        if (result.success) expect(toBinary(TaskInfoSchema, result.data)).toEqual(bytes);
      } else if (depth >= 110) {
        expect(result.success ? "accepted" : result.issues[0]?.code).toBe("max_depth_exceeded");
      }
      checkOtherModes(TaskInfoSchema, bytes);
    }),
    { runs: 60, maxRuns: 2000 },
  );
});
