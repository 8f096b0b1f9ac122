// The framing vectors (Mesos docs/recordio.md, mesos-go api/v1/lib/recordio/reader_test.go),
// each fed whole, one byte at a time, as two halves at every split point and through every
// source kind, plus the property that any chunking of any records reads back the same records.
import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { readRecordIO, writeRecordIO } from "../../src/recordio/index.js";
import {
  bytes,
  concat,
  cutAt,
  drain,
  everyChunking,
  hexes,
  SOURCE_KINDS,
  sourceOf,
} from "./helpers.js";

interface Vector {
  readonly name: string;
  readonly input: Uint8Array;
  readonly records: readonly Uint8Array[];
}

const v = (name: string, input: string | Uint8Array, records: (string | Uint8Array)[]): Vector => ({
  name,
  input: typeof input === "string" ? bytes(input) : input,
  records: records.map((r) => (typeof r === "string" ? bytes(r) : r)),
});

const kilobyte = "x".repeat(1000);

const VECTORS: readonly Vector[] = [
  v("the Mesos docs' example: 20 bytes", '20\n{"type":"HEARTBEAT"}', ['{"type":"HEARTBEAT"}']),
  v("empty stream: no records", "", []),
  v("one byte", "1\na", ["a"]),
  v("two-byte UTF-8 counted in bytes", '10\n{"m":"é"}', ['{"m":"é"}']),
  v("three-byte UTF-8 counted in bytes", "3\n€", ["€"]),
  v("four-byte UTF-8 counted in bytes", "4\n😀1\nz", ["😀", "z"]),
  v("back to back", "1\na1\nb1\nc", ["a", "b", "c"]),
  v("back to back, different sizes", "5\nabcde3\nfgh", ["abcde", "fgh"]),
  v("0-length record yields an empty record", "0\n", [""]),
  v("20 zeros is a 0-length header", `${"0".repeat(20)}\n`, [""]),
  v("several 0-length records", "0\n0\n0\n", ["", "", ""]),
  v("0-length record between two", "1\na0\n1\nb", ["a", "", "b"]),
  v("leading zeros", "005\nabcde", ["abcde"]),
  v("data that looks like framing", "4\n1\na\n2\n\n\n", ["1\na\n", "\n\n"]),
  v("binary data", Uint8Array.of(0x33, 0x0a, 0x00, 0xff, 0x0a), [Uint8Array.of(0x00, 0xff, 0x0a)]),
  v("a 1000-byte record", `1000\n${kilobyte}`, [kilobyte]),
];

describe.each(VECTORS)("$name", ({ input, records }) => {
  test("whole, one byte at a time, and as two halves at every split point", async () => {
    for (const [how, chunks] of everyChunking(input)) {
      const { items, error } = await drain(readRecordIO(sourceOf("async iterable", chunks)));
      expect(error, how).toBeUndefined();
      expect(hexes(items), how).toEqual(hexes(records));
    }
  });

  test.each(SOURCE_KINDS)("through a %s, one byte at a time", async (kind) => {
    const chunks = Array.from(input, (b) => Uint8Array.of(b));
    const { items, error } = await drain(readRecordIO(sourceOf(kind, chunks)));
    expect(error).toBeUndefined();
    expect(items).toEqual(records);
  });

  test("from one Uint8Array and from an array of chunks", async () => {
    expect((await drain(readRecordIO(input))).items).toEqual(records);
    expect((await drain(readRecordIO([input.slice(0, 1), input.slice(1)]))).items).toEqual(records);
  });
});

test("the docs' example is exactly 20 bytes and writeRecordIO frames it the same way", () => {
  const record = bytes('{"type":"HEARTBEAT"}');
  expect(record.length).toBe(20);
  expect(writeRecordIO(record)).toEqual(bytes('20\n{"type":"HEARTBEAT"}'));
});

const records = fc.array(
  fc.oneof(
    fc.uint8Array({ maxLength: 40 }),
    // bytes that look like framing: digits and LFs
    fc
      .array(fc.constantFrom(0x0a, 0x30, 0x31, 0x39), { maxLength: 12 })
      .map((a) => Uint8Array.from(a)),
    fc.string({ unit: "binary", maxLength: 12 }).map((s) => bytes(s)),
  ),
  { maxLength: 8 },
);

/** A stream of the records and sorted cut positions inside it. */
const streamAndCuts = records.chain((recs) => {
  const stream = concat(recs.map((r) => writeRecordIO(r)));
  return fc.record({
    recs: fc.constant(recs),
    stream: fc.constant(stream),
    cuts: fc
      .uniqueArray(fc.integer({ min: 0, max: stream.length }), { maxLength: 30 })
      .map((cuts) => cuts.sort((a, b) => a - b)),
    kind: fc.constantFrom(...SOURCE_KINDS),
  });
});

fcTest.prop([streamAndCuts], { numRuns: 300 })(
  "any chunking of any records, through any source kind, reads back the same records",
  async ({ recs, stream, cuts, kind }) => {
    const { items, error } = await drain(readRecordIO(sourceOf(kind, cutAt(stream, cuts))));
    expect(error).toBeUndefined();
    expect(items).toEqual(recs);
  },
);
