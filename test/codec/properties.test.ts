// Properties of the codec over generated messages (the official arbitraryMessage of
// src/testing, unknown fields included) and over random and mutated bytes.
import { type DescMessage, equals, type Message } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ExecutorInfoSchema, OfferSchema, TaskInfoSchema } from "../../gen/mesos/mesos_pb.js";
import { decode } from "../../src/codec/decode.js";
import { encode } from "../../src/codec/encode.js";
import { DecodeError } from "../../src/codec/errors.js";
import { fromMesosJson } from "../../src/codec/from-mesos-json.js";
import { toMesosJson, toMesosJsonText } from "../../src/codec/to-mesos-json.js";
import { arbitraryMessage, mutatedBytes } from "../../src/testing/index.js";
import { NodeSchema } from "./test-schema.js";

const SCHEMAS: readonly [string, DescMessage][] = [
  ["TaskInfo", TaskInfoSchema],
  ["ExecutorInfo", ExecutorInfoSchema],
  ["Offer", OfferSchema],
  ["codectest.Node", NodeSchema],
];

const RUNS = { numRuns: 100 };

function same(schema: DescMessage, a: unknown, b: unknown): boolean {
  return equals(schema, a as Message, b as Message);
}

/** The only acceptable failure of a decode: a DecodeError. */
function decodeOrError(
  schema: DescMessage,
  bytes: Uint8Array,
  options = {},
): Message | DecodeError {
  try {
    return decode(schema, bytes, options);
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw error;
  }
}

describe.each(SCHEMAS)("%s", (_name, schema) => {
  const messages = arbitraryMessage(schema, { unknownFields: true });

  test("decode(encode(m)) equals m and encodes to the same bytes again", () => {
    fc.assert(
      fc.property(messages, (m) => {
        const bytes = encode(schema, m);
        const back = decode(schema, bytes);
        expect(same(schema, back, m)).toBe(true);
        expect(encode(schema, back)).toEqual(bytes);
      }),
      RUNS,
    );
  });

  test("fromMesosJson(toMesosJson(m)) equals m, as a value and as text", () => {
    fc.assert(
      fc.property(messages, (m) => {
        // Without defaults, so that the fields set are the same (proto2 presence).
        const json = toMesosJson(schema, m, { emitDefaults: false });
        expect(same(schema, fromMesosJson(schema, json), m)).toBe(true);
        expect(same(schema, fromMesosJson(schema, JSON.stringify(json)), m)).toBe(true);
        const text = toMesosJsonText(schema, m, { emitDefaults: false });
        const back = fromMesosJson(schema, text);
        expect(same(schema, back, m)).toBe(true);
        // Text keeps what a JSON value cannot (-0, bare 64-bit digits, bare Infinity).
        expect(toMesosJsonText(schema, back, { emitDefaults: false })).toBe(text);
      }),
      RUNS,
    );
  });

  test("with emitDefaults the values survive: writing what was read gives the same JSON", () => {
    fc.assert(
      fc.property(messages, (m) => {
        const json = toMesosJson(schema, m, { emitDefaults: true });
        expect(toMesosJson(schema, fromMesosJson(schema, json), { emitDefaults: true })).toEqual(
          json,
        );
      }),
      RUNS,
    );
  });

  test("random bytes give a message or a DecodeError, in both modes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        decodeOrError(schema, bytes);
        decodeOrError(schema, bytes, { strict: false });
      }),
      { numRuns: 200 },
    );
  });

  test("mutated valid messages: a DecodeError, or a message non-strict decode agrees with", () => {
    const encoded = messages.map((m) => encode(schema, m));
    fc.assert(
      fc.property(mutatedBytes(encoded), (bytes) => {
        const strict = decodeOrError(schema, bytes);
        const lenient = decodeOrError(schema, bytes, { strict: false });
        if (strict instanceof DecodeError) return;
        // Strict accepts only what protobuf-es reads the same way, and only encodable messages.
        expect(lenient).not.toBeInstanceOf(DecodeError);
        expect(same(schema, lenient, strict)).toBe(true);
        expect(same(schema, decode(schema, encode(schema, strict)), strict)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
