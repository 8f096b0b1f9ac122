// Differential testing against Go's protobuf (`buf convert`), one buf process per batch:
// - a batch of random messages encoded by us is decoded and re-encoded by Go, byte for byte the same;
// - a batch that Go encodes (from protobuf JSON) decodes here, strictly, to equal messages, and we
//   re-encode Go's bytes unchanged.
import { type DescMessage, equals, type Message, toJson } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { ExecutorInfoSchema, OfferSchema, TaskInfoSchema } from "../../gen/mesos/mesos_pb.js";
import { decode } from "../../src/codec/decode.js";
import { encode } from "../../src/codec/encode.js";
import { arbitraryMessage, executorInfo, offer, taskInfo } from "../../src/testing/index.js";
import {
  BATCH_FIELDS,
  type BatchItem,
  type BatchType,
  BufOracle,
  decodeBatch,
  encodeBatch,
  type SchemaOf,
} from "./buf-oracle.js";
import { DEEP, property } from "./harness.js";

const SCHEMA: SchemaOf = {
  TaskInfo: TaskInfoSchema,
  ExecutorInfo: ExecutorInfoSchema,
  Offer: OfferSchema,
};
/** Messages of each type per batch (more at depth, where a buf process is amortized better). */
const PER_TYPE = DEEP ? 100 : 20;

/** Valid messages of a type mixed with arbitrary ones that carry unknown fields. */
const ofType = (valid: fc.Arbitrary<Message>, schema: DescMessage): fc.Arbitrary<Message[]> =>
  fc.array(
    fc.oneof(valid, arbitraryMessage(schema, { unknownFields: true }) as fc.Arbitrary<Message>),
    {
      minLength: PER_TYPE,
      maxLength: PER_TYPE,
    },
  );

const batch: fc.Arbitrary<Record<BatchType, Message[]>> = fc.record({
  TaskInfo: ofType(taskInfo(), TaskInfoSchema),
  ExecutorInfo: ofType(executorInfo(), ExecutorInfoSchema),
  Offer: ofType(offer(), OfferSchema),
});

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/** Our encoding of every message, in wrapper field order (the order Go writes them back). */
function encodeAll(messages: Record<BatchType, Message[]>): BatchItem[] {
  return BATCH_FIELDS.flatMap((type) =>
    messages[type].map((m) => ({ type, bytes: encode(SCHEMA[type], m) })),
  );
}

let oracle: BufOracle;
beforeAll(() => {
  oracle = new BufOracle();
});
afterAll(() => oracle?.dispose());

describe("differential against Go protobuf (buf convert)", () => {
  property(
    "our encodings come back from Go byte-identical",
    fc.property(batch, (messages) => {
      const ours = encodeAll(messages);
      const theirs = decodeBatch(oracle.convert(encodeBatch(ours), "binpb", "binpb"));
      expect(theirs.length).toBe(ours.length);
      ours.forEach((item, i) => {
        const back = theirs[i];
        if (back?.type !== item.type || hex(back.bytes) !== hex(item.bytes)) {
          throw new Error(
            `item ${i} (${item.type}) differs after Go's decode + encode\n ours: ${hex(item.bytes)}\n Go:   ${back === undefined ? "(missing)" : hex(back.bytes)}`,
          );
        }
      });
    }),
    { runs: 2, perRun: 3 * PER_TYPE, shrink: false },
  );

  property(
    "Go's encodings decode here to equal messages and re-encode unchanged",
    fc.property(batch, (messages) => {
      // protobuf JSON is our input to Go (unknown fields do not travel in JSON; equals ignores them).
      const json = Object.fromEntries(
        BATCH_FIELDS.map((type, i) => [
          `items_${i + 1}`,
          messages[type].map((m) => toJson(SCHEMA[type], m)),
        ]),
      );
      const theirs = decodeBatch(oracle.convert(JSON.stringify(json), "json", "binpb"));
      const originals = BATCH_FIELDS.flatMap((type) => messages[type].map((m) => ({ type, m })));
      expect(theirs.length).toBe(originals.length);
      theirs.forEach((item, i) => {
        const original = originals[i];
        if (original === undefined) throw new Error(`extra item ${i}`);
        const schema = SCHEMA[item.type];
        const decoded = decode(schema, item.bytes);
        if (item.type !== original.type || !equals(schema, decoded, original.m)) {
          throw new Error(
            `item ${i} (${original.type}) decodes to another message\n Go bytes: ${hex(item.bytes)}\n expected: ${JSON.stringify(toJson(schema, original.m))}`,
          );
        }
        expect(hex(encode(schema, decoded))).toBe(hex(item.bytes));
      });
    }),
    { runs: 2, perRun: 3 * PER_TYPE, shrink: false },
  );
});
