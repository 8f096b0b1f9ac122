// Round trips through our codec, on arbitrary messages (with unknown fields) and on valid ones:
// binary (decode(encode(m)) equals m and re-encodes to the same bytes) and Mesos-style JSON
// (fromMesosJson(toMesosJson(m)) equals m, as a value and as JSON text).
import { type DescMessage, equals, type Message } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect } from "vitest";
import {
  CommandInfoSchema,
  ContainerInfoSchema,
  ExecutorInfoSchema,
  OfferSchema,
  TaskInfoSchema,
} from "../../gen/mesos/mesos_pb.js";
import { decode } from "../../src/codec/decode.js";
import { encode } from "../../src/codec/encode.js";
import { fromMesosJson } from "../../src/codec/from-mesos-json.js";
import { toMesosJson } from "../../src/codec/to-mesos-json.js";
import {
  arbitraryMessage,
  invalidTaskInfo,
  invalidTaskInfoCodes,
  offer,
  taskInfo,
} from "../../src/testing/index.js";
import { validate } from "../../src/validation/index.js";
import { property } from "./harness.js";

const SCHEMAS: readonly DescMessage[] = [
  TaskInfoSchema,
  ExecutorInfoSchema,
  OfferSchema,
  ContainerInfoSchema,
  CommandInfoSchema,
];

/** A schema and one of its arbitrary messages (unknown fields included). */
const anyMessage = (unknownFields: boolean) =>
  fc
    .constantFrom(...SCHEMAS)
    .chain((schema) =>
      fc.tuple(
        fc.constant(schema),
        arbitraryMessage(schema, { unknownFields }) as fc.Arbitrary<Message>,
      ),
    );

const UNENCODABLE: readonly string[] = [
  "unknown_enum_value",
  "required_field_missing",
  "executor_command_missing",
];

/** Valid tasks and offers, and near misses (invalid, but well-formed messages). */
const domainMessage: fc.Arbitrary<[DescMessage, Message]> = fc.oneof(
  taskInfo().map((t): [DescMessage, Message] => [TaskInfoSchema, t]),
  // Near misses that can be encoded: encode refuses unknown enum values and missing required
  // fields (ExecutorInfo.command is a required field too).
  invalidTaskInfo({ code: invalidTaskInfoCodes().filter((c) => !UNENCODABLE.includes(c)) }).map(
    (m): [DescMessage, Message] => [TaskInfoSchema, m.task],
  ),
  offer().map((o): [DescMessage, Message] => [OfferSchema, o]),
);

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/**
 * Equal messages; where a double is NaN (a near miss of scalar_invalid), `equals` cannot say so
 * (NaN !== NaN), and equal encodings decide.
 */
function same(schema: DescMessage, a: Message, b: Message): boolean {
  return equals(schema, a, b) || hex(encode(schema, a)) === hex(encode(schema, b));
}

function binaryRoundTrip(schema: DescMessage, message: Message): void {
  const bytes = encode(schema, message);
  const back = decode(schema, bytes);
  expect(same(schema, back, message)).toBe(true);
  // Unknown fields included: the same bytes again.
  expect(hex(encode(schema, back))).toBe(hex(bytes));
}

function jsonRoundTrip(schema: DescMessage, message: Message): void {
  // Without the defaults Mesos writes, so that the same fields come back set (proto2 presence).
  const json = toMesosJson(schema, message, { emitDefaults: false });
  expect(same(schema, fromMesosJson(schema, json), message)).toBe(true);
  const text = JSON.stringify(json);
  expect(same(schema, fromMesosJson(schema, text), message)).toBe(true);
}

describe("binary round trip", () => {
  property(
    "binary: arbitrary messages with unknown fields",
    fc.property(anyMessage(true), ([schema, message]) => binaryRoundTrip(schema, message)),
    { runs: 300 },
  );
  property(
    "binary: valid tasks and offers, and near misses; validation is unchanged by the trip",
    fc.property(domainMessage, ([schema, message]) => {
      binaryRoundTrip(schema, message);
      const back = decode(schema, encode(schema, message));
      expect(validate(schema, back).issues).toEqual(validate(schema, message).issues);
    }),
    { runs: 200 },
  );
});

describe("Mesos JSON round trip", () => {
  property(
    "JSON: arbitrary messages (unknown fields do not travel in JSON)",
    fc.property(anyMessage(true), ([schema, message]) => jsonRoundTrip(schema, message)),
    { runs: 300 },
  );
  property(
    "JSON: valid tasks and offers, and near misses",
    fc.property(domainMessage, ([schema, message]) => jsonRoundTrip(schema, message)),
    { runs: 200 },
  );
});
