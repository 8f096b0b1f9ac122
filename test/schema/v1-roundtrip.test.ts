// Round-trip properties for the Mesos 1.11 schema: any v1 message (maps, the oneofs, closed enums,
// int64 beyond 2^53, Infinity in doubles) survives binary and JSON, and the seed messages that
// Mesos kept unchanged (Offer and everything in it) are v1 messages byte for byte.
import {
  type DescMessage,
  equals,
  fromBinary,
  fromJson,
  toBinary,
  toJson,
} from "@bufbuild/protobuf";
import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import * as seed from "../../gen/mesos/mesos_pb.js";
import * as v1 from "../../gen/mesos/v1/mesos_pb.js";
import { CallSchema, EventSchema } from "../../gen/mesos/v1/scheduler/scheduler_pb.js";
import { arbitraryMessage } from "../../src/testing/index.js";

const RUNS = { numRuns: 40 };
const OPTIONS = { maxDepth: 3, maxLength: 2 };

const SCHEMAS: [string, DescMessage][] = [
  ["TaskInfo", v1.TaskInfoSchema],
  ["ExecutorInfo", v1.ExecutorInfoSchema],
  ["TaskGroupInfo", v1.TaskGroupInfoSchema],
  ["ContainerInfo", v1.ContainerInfoSchema],
  ["Offer", v1.OfferSchema],
  ["Call", CallSchema],
  ["Event", EventSchema],
];

describe.each(SCHEMAS)("v1 %s", (_name, schema) => {
  test.prop([arbitraryMessage(schema, OPTIONS)], RUNS)(
    "binary: decodes equal, re-encodes to the same bytes",
    (msg) => {
      const bytes = toBinary(schema, msg);
      const back = fromBinary(schema, bytes);
      expect(equals(schema, back, msg)).toBe(true);
      expect(toBinary(schema, back)).toEqual(bytes);
    },
  );

  test.prop([arbitraryMessage(schema, OPTIONS)], RUNS)("JSON: reads back equal", (msg) => {
    expect(equals(schema, fromJson(schema, toJson(schema, msg)), msg)).toBe(true);
  });
});

describe("seed messages Mesos kept are v1 messages on the wire", () => {
  test.prop([arbitraryMessage(seed.OfferSchema, OPTIONS)], RUNS)(
    "a seed Offer decodes as v1 with nothing unknown and re-encodes to the same bytes",
    (offer) => {
      const bytes = toBinary(seed.OfferSchema, offer);
      const asV1 = fromBinary(v1.OfferSchema, bytes);
      expect(toBinary(v1.OfferSchema, asV1)).toEqual(bytes);
      expect(asV1.agentId?.value).toBe(offer.slaveId?.value);
      expect(hasUnknown(asV1)).toBe(false);
    },
  );
});

// True if any message in the tree carries unknown fields.
function hasUnknown(value: unknown): boolean {
  if (value === null || typeof value !== "object" || value instanceof Uint8Array) return false;
  if ("$unknown" in value && (value as { $unknown?: unknown[] }).$unknown?.length) return true;
  return Object.values(value).some(hasUnknown);
}
