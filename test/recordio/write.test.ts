// writeRecordIO / writeRecordIOText: the frame is the byte count, an LF and the bytes, and what
// they write reads back through readRecordIO.
import { fc, test as fcTest } from "@fast-check/vitest";
import { expect, test } from "vitest";
import { EncodeError } from "../../src/problems/index.js";
import { readRecordIO, writeRecordIO, writeRecordIOText } from "../../src/recordio/index.js";
import { bytes, concat, drain, hexes, text } from "./helpers.js";

test.each([
  ["", "0\n"],
  ["a", "1\na"],
  ['{"type":"HEARTBEAT"}', '20\n{"type":"HEARTBEAT"}'],
  ["é", "2\né"],
  ["€", "3\n€"],
  ["😀", "4\n😀"],
  ["x".repeat(12345), `12345\n${"x".repeat(12345)}`],
])("writeRecordIOText(%j) counts UTF-8 bytes", (record, framed) => {
  expect(text(writeRecordIOText(record))).toBe(framed);
  expect(writeRecordIO(bytes(record))).toEqual(bytes(framed));
});

test("writeRecordIO copies: changing the record afterwards does not change the frame", () => {
  const record = bytes("abc");
  const framed = writeRecordIO(record);
  record.fill(0);
  expect(text(framed)).toBe("3\nabc");
});

test.each([
  ["a lone high surrogate", "a\ud800b", 1],
  ["a lone low surrogate", "ab\udc00", 2],
  ["a reversed pair", "\udc00\ud800", 0],
])("writeRecordIOText refuses %s (unpaired_surrogate)", (_, input, at) => {
  let error: unknown;
  try {
    writeRecordIOText(input);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(EncodeError);
  expect((error as EncodeError).code).toBe("unpaired_surrogate");
  expect((error as EncodeError).offset).toBe(at);
});

test.each([
  ["writeRecordIO", () => writeRecordIO("abc" as never)],
  ["writeRecordIO", () => writeRecordIO([1, 2] as never)],
  ["writeRecordIOText", () => writeRecordIOText(bytes("abc") as never)],
  ["writeRecordIOText", () => writeRecordIOText(undefined as never)],
])("%s refuses a value of the wrong type (invalid_input)", (_, run) => {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(EncodeError);
  expect((error as EncodeError).code).toBe("invalid_input");
});

fcTest.prop([fc.array(fc.string({ unit: "grapheme", maxLength: 20 }), { maxLength: 10 })])(
  "text records framed with writeRecordIOText read back as the same text",
  async (records) => {
    const stream = concat(records.map((r) => writeRecordIOText(r)));
    const { items, error } = await drain(readRecordIO(stream));
    expect(error).toBeUndefined();
    expect(items.map(text)).toEqual(records);
  },
);

fcTest.prop([fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 10 })])(
  "byte records framed with writeRecordIO read back as the same bytes",
  async (records) => {
    const stream = concat(records.map((r) => writeRecordIO(r)));
    const { items, error } = await drain(readRecordIO(stream));
    expect(error).toBeUndefined();
    expect(hexes(items)).toEqual(hexes(records));
  },
);
