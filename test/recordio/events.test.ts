// readEvents: typed messages from a RecordIO stream, protobuf or JSON, with a DecodeError that
// names the record index and stream offset for a record that does not decode. The seed's Offer
// stands in for the v1 scheduler Event (the code is schema-first).
import { create, equals } from "@bufbuild/protobuf";
import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { type Offer, OfferSchema, TaskIDSchema } from "../../gen/mesos/mesos_pb.js";
import { decode, encode, fromMesosJson, toMesosJson } from "../../src/codec/index.js";
import { readEvents, writeRecordIO, writeRecordIOText } from "../../src/recordio/index.js";
import { offer } from "../../src/testing/index.js";
import { bytes, concat, cutAt, drain, SOURCE_KINDS, sourceOf, thrownNow } from "./helpers.js";

const OFFER_JSON =
  '{"id":{"value":"o1"},"framework_id":{"value":"f1"},"slave_id":{"value":"s1"},"hostname":"h"}';
const OFFER = create(OfferSchema, {
  id: { value: "o1" },
  frameworkId: { value: "f1" },
  slaveId: { value: "s1" },
  hostname: "h",
});

const protobufFrame = (o: Offer) => writeRecordIO(encode(OfferSchema, o));
// Without Mesos's written defaults (role "*"), so the offers read back equal the ones framed.
const jsonFrame = (o: Offer) =>
  writeRecordIOText(JSON.stringify(toMesosJson(OfferSchema, o, { emitDefaults: false })));

const streamOf = (frames: readonly (Uint8Array | string)[]) =>
  concat(frames.map((f) => (typeof f === "string" ? bytes(f) : f)));

describe.each([
  ["protobuf", protobufFrame],
  ["json", jsonFrame],
] as const)("%s events", (format, frame) => {
  fcTest.prop(
    [
      fc.array(offer(), { maxLength: 5 }).chain((offers) => {
        const stream = concat(offers.map(frame));
        return fc.record({
          offers: fc.constant(offers),
          stream: fc.constant(stream),
          cuts: fc
            .uniqueArray(fc.integer({ min: 0, max: stream.length }), { maxLength: 12 })
            .map((c) => c.sort((a, b) => a - b)),
          kind: fc.constantFrom(...SOURCE_KINDS),
        });
      }),
    ],
    { numRuns: 60 },
  )("any offers, any chunking, any source kind: the same offers back", async (t) => {
    const source = sourceOf(t.kind, cutAt(t.stream, t.cuts));
    const { items, error } = await drain(readEvents(OfferSchema, source, { format }));
    expect(error).toBeUndefined();
    expect(items).toHaveLength(t.offers.length);
    items.forEach((item, i) => {
      expect(equals(OfferSchema, item, t.offers[i] as Offer)).toBe(true);
    });
  });

  test("empty records are skipped but counted in the record index", async () => {
    const stream = streamOf(["0\n", frame(OFFER), "0\n", "3\n\u0000\u0000\u0000"]);
    const { items, error } = await drain(readEvents(OfferSchema, stream, { format }));
    expect(items).toHaveLength(1);
    expect(equals(OfferSchema, items[0] as Offer, OFFER)).toBe(true);
    // The bad record is the fourth (index 3), though only the second non-empty one.
    expect(error?.issues[0]?.path[0]).toBe(3);
    expect(error?.message).toContain("event 3");
  });

  test("framing errors come through unchanged", async () => {
    const stream = streamOf([frame(OFFER), "-1\n"]);
    const { items, error } = await drain(readEvents(OfferSchema, stream, { format }));
    expect(items).toHaveLength(1);
    expect(error?.code).toBe("recordio_invalid_length");
    expect(error?.offset).toBe(frame(OFFER).length);
  });

  test("maxRecordBytes above the codec's 4 MiB default admits a larger event", async () => {
    const big = create(OfferSchema, { ...OFFER, hostname: "h".repeat(5 << 20) });
    const { items, error } = await drain(
      readEvents(OfferSchema, frame(big), { format, maxRecordBytes: 8 << 20 }),
    );
    expect(error).toBeUndefined();
    expect(items[0]?.hostname.length).toBe(5 << 20);
  });
});

describe("a record that does not decode", () => {
  test("protobuf: code, path from the record index, stream byte offset, heading", async () => {
    // Field 4 (hostname), length 5, but only 1 byte follows.
    const bad = Uint8Array.of(0x22, 0x05, 0x61);
    const first = protobufFrame(OFFER);
    const stream = streamOf([first, writeRecordIO(bad)]);
    const { items, error } = await drain(readEvents(OfferSchema, stream, { format: "protobuf" }));
    expect(items).toHaveLength(1);
    expect(error?.code).toBe("truncated");
    expect(error?.path[0]).toBe(1);
    const dataOffset = first.length + "3\n".length;
    // The codec reports the truncation inside the record; the offset is in the stream.
    expect(error?.offset).toBeGreaterThanOrEqual(dataOffset);
    expect(error?.offset).toBeLessThanOrEqual(dataOffset + bad.length);
    expect(error?.message).toContain(`event 1 as mesos.Offer`);
    expect(error?.message).toContain(`stream offset ${first.length}`);
  });

  test("protobuf: a record-relative offset becomes a stream offset", async () => {
    // A valid encoding of an Offer with only a hostname: the required ids are missing.
    const bad = encode(OfferSchema, OFFER).slice(-3);
    let inRecord = -1;
    try {
      decode(OfferSchema, bad);
    } catch (e) {
      inRecord = (e as { offset: number }).offset;
    }
    expect(inRecord).toBeGreaterThanOrEqual(0);
    const stream = streamOf(["0\n", writeRecordIO(bad)]);
    const { error } = await drain(readEvents(OfferSchema, stream, { format: "protobuf" }));
    expect(error?.code).toBe("required_field_missing");
    expect(error?.issues.every((i) => i.path[0] === 1)).toBe(true);
    expect(error?.offset).toBe("0\n".length + "3\n".length + inRecord);
  });

  test("JSON: a missing required field is placed at the object that lacks it, in stream bytes", async () => {
    let codecOffset: unknown = "not thrown";
    try {
      fromMesosJson(OfferSchema, '{"hostname":"h"}');
    } catch (e) {
      codecOffset = (e as { offset: unknown }).offset;
    }
    expect(codecOffset).toBe(0); // the codec points at the object lacking the field
    const stream = streamOf(["0\n", writeRecordIOText('{"hostname":"h"}')]);
    const { error } = await drain(readEvents(OfferSchema, stream, { format: "json" }));
    expect(error?.code).toBe("required_field_missing");
    expect(error?.offset).toBe("0\n".length + "16\n".length);
  });

  test("JSON: the codec's character offset becomes a stream byte offset", async () => {
    const badText = '{"hostname":"é€😀", "id":}';
    // Where the codec itself places the syntax error, in characters of the text.
    let charOffset = -1;
    try {
      fromMesosJson(OfferSchema, badText);
    } catch (e) {
      charOffset = (e as { offset: number }).offset;
    }
    expect(charOffset).toBeGreaterThan(0);
    const first = jsonFrame(OFFER);
    const second = writeRecordIOText(badText);
    const stream = streamOf([first, second]);
    const { error } = await drain(readEvents(OfferSchema, stream, { format: "json" }));
    expect(error?.code).toBe("invalid_json");
    const header = second.length - bytes(badText).length;
    const byteOffset = Buffer.byteLength(badText.slice(0, charOffset));
    expect(byteOffset).toBeGreaterThan(charOffset); // the text has multi-byte characters before it
    expect(error?.offset).toBe(first.length + header + byteOffset);
    expect(error?.path[0]).toBe(1);
  });

  test("JSON: a record that is not UTF-8 is invalid_utf8 at the bad byte", async () => {
    const bad = concat([bytes('{"hostname":"'), Uint8Array.of(0xff), bytes('"}')]);
    const { error } = await drain(readEvents(OfferSchema, writeRecordIO(bad), { format: "json" }));
    expect(error?.code).toBe("invalid_utf8");
    expect(error?.offset).toBe(String(bad.length).length + 1 + '{"hostname":"'.length);
    expect(error?.path).toEqual([0]);
  });

  test("JSON: unknown fields fail unless ignoreUnknownFields", async () => {
    const stream = writeRecordIOText(OFFER_JSON.replace("{", '{"agent_info":{},'));
    const strict = await drain(readEvents(OfferSchema, stream, { format: "json" }));
    expect(strict.error?.code).toBe("unknown_field");
    expect(strict.error?.path).toEqual([0, "agent_info"]);
    const lenient = await drain(
      readEvents(OfferSchema, stream, { format: "json", ignoreUnknownFields: true }),
    );
    expect(lenient.error).toBeUndefined();
    expect(equals(OfferSchema, lenient.items[0] as Offer, OFFER)).toBe(true);
  });

  test("strict: false lets a record without required fields through", async () => {
    const stream = writeRecordIOText('{"hostname":"h"}');
    const strict = await drain(readEvents(OfferSchema, stream, { format: "json" }));
    expect(strict.error?.code).toBe("required_field_missing");
    const lenient = await drain(readEvents(OfferSchema, stream, { format: "json", strict: false }));
    expect(lenient.items.map((o) => o.hostname)).toEqual(["h"]);
  });

  test("maxDepth is passed to the codec", async () => {
    const stream = writeRecordIOText(OFFER_JSON);
    const { error } = await drain(readEvents(OfferSchema, stream, { format: "json", maxDepth: 1 }));
    expect(error?.code).toBe("max_depth_exceeded");
  });
});

test("the type parameter follows the schema", async () => {
  const stream = writeRecordIO(encode(TaskIDSchema, create(TaskIDSchema, { value: "t" })));
  const { items } = await drain(readEvents(TaskIDSchema, stream, { format: "protobuf" }));
  // Typed as TaskID: `.value` compiles only because the element type follows the schema.
  expect(items.map((id) => id.value)).toEqual(["t"]);
});

describe("arguments are checked when readEvents is called", () => {
  test.each([
    ["format missing", {}],
    ["format unknown", { format: "xml" }],
    ["maxRecordBytes NaN", { format: "json", maxRecordBytes: Number.NaN }],
    ["maxDepth negative", { format: "json", maxDepth: -1 }],
    ["maxDepth non-integer", { format: "json", maxDepth: 2.5 }],
    ["strict not a boolean", { format: "json", strict: "yes" }],
    ["ignoreUnknownFields not a boolean", { format: "json", ignoreUnknownFields: 1 }],
  ])("%s → invalid_option", (_, options) => {
    const error = thrownNow(() => readEvents(OfferSchema, bytes(""), options as never));
    expect(error.code).toBe("invalid_option");
    expect(error.path).toHaveLength(1);
  });

  test.each([
    ["options missing", undefined],
    ["options null", null],
  ])("%s → invalid_option", (_, options) => {
    expect(thrownNow(() => readEvents(OfferSchema, bytes(""), options as never)).code).toBe(
      "invalid_option",
    );
  });

  test.each([
    ["undefined", undefined],
    ["a type name", OfferSchema.typeName],
    ["a message instead of its schema", OFFER],
  ])("schema %s → invalid_input", (_, schema) => {
    const error = thrownNow(() => readEvents(schema as never, bytes(""), { format: "json" }));
    expect(error.code).toBe("invalid_input");
  });

  test("a bad source → invalid_input", () => {
    const error = thrownNow(() => readEvents(OfferSchema, 7 as never, { format: "json" }));
    expect(error.code).toBe("invalid_input");
  });
});
