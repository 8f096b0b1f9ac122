// Bad framing: every case is a DecodeError with a code, the record index as its path and the
// stream byte offset of the problem, whatever the chunking; headers over the cap and overlong
// digit strings are refused at once, before the rest of the header or any data arrives.
import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import type { IssueCode } from "../../src/problems/index.js";
import { DEFAULT_MAX_RECORD_BYTES, readRecordIO } from "../../src/recordio/index.js";
import {
  bytes,
  cutAt,
  drain,
  everyChunking,
  hexes,
  SOURCE_KINDS,
  sourceOf,
  thenHang,
  thrownNow,
} from "./helpers.js";

interface ErrorCase {
  readonly name: string;
  readonly input: Uint8Array;
  readonly maxRecordBytes?: number;
  /** Records read before the error. */
  readonly before: readonly Uint8Array[];
  readonly code: IssueCode;
  readonly offset: number;
  /** Index of the record whose framing fails. */
  readonly index: number;
}

const e = (
  name: string,
  input: string | Uint8Array,
  code: IssueCode,
  offset: number,
  more: { before?: (string | Uint8Array)[]; index?: number; maxRecordBytes?: number } = {},
): ErrorCase => ({
  name,
  input: typeof input === "string" ? bytes(input) : input,
  code,
  offset,
  before: (more.before ?? []).map((r) => (typeof r === "string" ? bytes(r) : r)),
  index: more.index ?? 0,
  ...(more.maxRecordBytes === undefined ? {} : { maxRecordBytes: more.maxRecordBytes }),
});

const CASES: readonly ErrorCase[] = [
  e("non-digit header", "a", "recordio_invalid_length", 0),
  e("non-digit header with LF", "a\n", "recordio_invalid_length", 0),
  e("digit then letter", "1a\nb", "recordio_invalid_length", 1),
  e("empty header", "\n", "recordio_invalid_length", 0),
  e("negative length", "-1\na", "recordio_invalid_length", 0),
  e("leading +", "+1\na", "recordio_invalid_length", 0),
  e("leading space", " 1\na", "recordio_invalid_length", 0),
  e("trailing space", "1 \na", "recordio_invalid_length", 1),
  e("CRLF", "1\r\na", "recordio_invalid_length", 1),
  e("hex length", "0x1\na", "recordio_invalid_length", 1),
  e(
    "21 zeros: more digits than a uint64 has",
    `${"0".repeat(21)}\n`,
    "recordio_invalid_length",
    20,
  ),
  e("21 letters", "a".repeat(21), "recordio_invalid_length", 0),
  e("empty header after a record", "1\na\n", "recordio_invalid_length", 3, {
    before: ["a"],
    index: 1,
  }),
  e("a sign after a record", "1\na-1\nb", "recordio_invalid_length", 3, {
    before: ["a"],
    index: 1,
  }),
  // "2\n€": the first two bytes of € are the record, its last byte (0xAC) is read as a header.
  e(
    "a record one byte too short leaves a UTF-8 byte as header",
    "2\n€",
    "recordio_invalid_length",
    4,
    {
      before: [Uint8Array.of(0xe2, 0x82)],
      index: 1,
    },
  ),
  e("header without LF at end of stream", "12", "truncated", 2),
  e("header and LF, no data", "1\n", "truncated", 2),
  e("data cut short", "2\na", "truncated", 3),
  e("second record cut short", "5\nabcde5\nfgh", "truncated", 12, { before: ["abcde"], index: 1 }),
  e("header without LF after a record", "1\na7", "truncated", 4, { before: ["a"], index: 1 }),
  e("header over a small cap", "5\nabcde", "recordio_record_too_large", 0, { maxRecordBytes: 4 }),
  e("second header over a small cap", "1\na10\n", "recordio_record_too_large", 3, {
    maxRecordBytes: 9,
    before: ["a"],
    index: 1,
  }),
  e("cap 0 allows only empty records", "0\n1\na", "recordio_record_too_large", 2, {
    maxRecordBytes: 0,
    before: [""],
    index: 1,
  }),
  e(
    "one byte over the default cap",
    `${DEFAULT_MAX_RECORD_BYTES + 1}\n`,
    "recordio_record_too_large",
    0,
  ),
  e("2^60 bytes", `${2n ** 60n}\n`, "recordio_record_too_large", 0),
  e("21 digits of 9", `${"9".repeat(21)}\n`, "recordio_record_too_large", 0),
  e(
    "over the cap after leading zeros",
    `000${DEFAULT_MAX_RECORD_BYTES + 1}\n`,
    "recordio_record_too_large",
    0,
  ),
];

describe.each(CASES)("$name", (c) => {
  const options = c.maxRecordBytes === undefined ? {} : { maxRecordBytes: c.maxRecordBytes };

  test("same code, index and offset for whole, one-byte and every two-halves chunking", async () => {
    for (const [how, chunks] of everyChunking(c.input)) {
      const { items, error } = await drain(readRecordIO(chunks, options));
      expect(hexes(items), how).toEqual(hexes(c.before));
      expect(error?.code, how).toBe(c.code);
      expect(error?.offset, how).toBe(c.offset);
      expect(error?.issues.length, how).toBe(1);
      expect(error?.issues[0]?.path, how).toEqual([c.index]);
      expect(error?.issues[0]?.offset, how).toBe(c.offset);
      expect(error?.issues[0]?.severity, how).toBe("error");
    }
  });

  test.each(SOURCE_KINDS)("through a %s", async (kind) => {
    const { error } = await drain(readRecordIO(sourceOf(kind, [c.input]), options));
    expect(error?.code).toBe(c.code);
    expect(error?.offset).toBe(c.offset);
  });

  test("the message names the record and the offset", async () => {
    const { error } = await drain(readRecordIO(c.input, options));
    expect(error?.name).toBe("DecodeError");
    expect(error?.message).toContain(`record ${c.index}`);
    expect(error?.message).toContain(`offset ${c.offset}`);
    expect(error?.message).toContain(`[${c.code}]`);
  });
});

fcTest.prop(
  [
    fc.constantFrom(...CASES.map((_, i) => i)).chain((i) => {
      const c = CASES[i] as ErrorCase;
      return fc.record({
        i: fc.constant(i),
        cuts: fc
          .uniqueArray(fc.integer({ min: 0, max: c.input.length }), { maxLength: 8 })
          .map((cuts) => cuts.sort((a, b) => a - b)),
      });
    }),
  ],
  { numRuns: 200 },
)("any chunking of a bad stream gives the same error", async ({ i, cuts }) => {
  const c = CASES[i] as ErrorCase;
  const options = c.maxRecordBytes === undefined ? {} : { maxRecordBytes: c.maxRecordBytes };
  const { items, error } = await drain(readRecordIO(cutAt(c.input, cuts), options));
  expect(hexes(items)).toEqual(hexes(c.before));
  expect([error?.code, error?.offset]).toEqual([c.code, c.offset]);
});

describe("refused at once, before the rest of the stream arrives", () => {
  // Each source yields its bytes and then never delivers another chunk: reading on would hang
  // the test, so passing proves the decision was made on the bytes already seen.
  test.each([
    [
      "a header announcing 2^60 bytes, without its LF",
      `${2n ** 60n}`,
      "recordio_record_too_large",
      0,
    ],
    [
      "a header of 8 digits over the 7-digit default cap",
      "99999999",
      "recordio_record_too_large",
      0,
    ],
    ["21 zeros", "0".repeat(21), "recordio_invalid_length", 20],
    ["a non-digit", "1x", "recordio_invalid_length", 1],
  ] as const)("%s", async (_, input, code, offset) => {
    const source = thenHang([bytes(input)]);
    const { error } = await drain(readRecordIO(source));
    expect([error?.code, error?.offset]).toEqual([code, offset]);
    // The source was closed (its iterator's return called).
    expect(source.returned()).toBe(true);
  });

  test("a header at the cap is accepted and waits for its data", async () => {
    const source = thenHang([bytes(`${DEFAULT_MAX_RECORD_BYTES}\nab`)]);
    const reading = drain(readRecordIO(source));
    const outcome = await Promise.race([
      reading.then(() => "settled"),
      new Promise((resolve) => setTimeout(() => resolve("waiting"), 50)),
    ]);
    expect(outcome).toBe("waiting");
  });
});

describe("options are checked when readRecordIO is called", () => {
  test.each([
    ["NaN", { maxRecordBytes: Number.NaN }],
    ["negative", { maxRecordBytes: -1 }],
    ["non-integer", { maxRecordBytes: 1.5 }],
    ["Infinity", { maxRecordBytes: Number.POSITIVE_INFINITY }],
    ["past 2^53 - 1", { maxRecordBytes: 2 ** 53 }],
    ["a string", { maxRecordBytes: "4" }],
    ["a bigint", { maxRecordBytes: 4n }],
  ])("maxRecordBytes %s", (_, options) => {
    const error = thrownNow(() => readRecordIO(bytes("1\na"), options as never));
    expect(error.code).toBe("invalid_option");
    expect(error.path).toEqual(["maxRecordBytes"]);
    expect(error.message).toContain("maxRecordBytes");
  });

  test.each([null, 5, "fast", [1]])("options %j", (options) => {
    const error = thrownNow(() => readRecordIO(bytes("1\na"), options as never));
    expect(error.code).toBe("invalid_option");
  });

  test("undefined options and undefined maxRecordBytes mean the default", async () => {
    const header = bytes(`${DEFAULT_MAX_RECORD_BYTES + 1}\n`);
    for (const options of [undefined, {}, { maxRecordBytes: undefined }]) {
      const { error } = await drain(readRecordIO(header, options));
      expect(error?.code).toBe("recordio_record_too_large");
    }
  });

  test("a higher cap admits a larger record", async () => {
    const size = DEFAULT_MAX_RECORD_BYTES + 1;
    const stream = new Uint8Array(String(size).length + 1 + size);
    stream.set(bytes(`${size}\n`));
    const { items, error } = await drain(readRecordIO(stream, { maxRecordBytes: 8 << 20 }));
    expect(error).toBeUndefined();
    expect(items.map((r) => r.length)).toEqual([size]);
  });
});
