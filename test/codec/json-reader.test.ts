// The JSON text reader against JSON.parse, and the UTF-8 validator against TextDecoder.
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DecodeError } from "../../src/codec/errors.js";
import { type ReadJson, readJson, UnsafeInteger } from "../../src/codec/read-json.js";
import { firstInvalidUtf8 } from "../../src/codec/utf8.js";

/** The reader's value in JSON.parse's terms (plain prototypes, unsafe integers as numbers). */
function plain(value: ReadJson): unknown {
  if (value instanceof UnsafeInteger) return value.value;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

function parses(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
}

describe("readJson", () => {
  test("reads every JSON text as JSON.parse does", () => {
    fc.assert(
      fc.property(fc.json({ depthSize: "small", stringUnit: "binary" }), (text) => {
        expect(plain(readJson(text, 1000))).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  test("rejects exactly the texts JSON.parse rejects (without duplicate keys)", () => {
    const alphabet = fc.constantFrom(...'{}[]:,"\\ \n\t0123456789.eE+-truefalsnl\u00e9x'.split(""));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 24 }), (text) => {
        let ours: boolean;
        try {
          readJson(text, 1000);
          ours = true;
        } catch (e) {
          if (!(e instanceof DecodeError)) throw e;
          if (e.code === "duplicate_key") return; // JSON.parse keeps the last one silently
          expect(e.code).toBe("invalid_json");
          ours = false;
        }
        expect(ours).toBe(parses(() => JSON.parse(text)));
      }),
      { numRuns: 1000 },
    );
  });

  test("keeps the digits of integers past 2^53 and the keys __proto__ and constructor", () => {
    const value = readJson('{"a": 9007199254740993, "b": -18446744073709551615, "c": 1e400}', 10);
    expect(value).toEqual({
      a: new UnsafeInteger("9007199254740993", 9007199254740992),
      b: new UnsafeInteger("-18446744073709551615", -18446744073709552000),
      c: Number.POSITIVE_INFINITY,
    });
    const protoKeys = readJson('{"__proto__": {"x": 1}, "constructor": 2}', 10) as object;
    expect(Object.keys(protoKeys)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(protoKeys)).toBeNull();
  });

  test("skips a byte-order mark; reports positions and nesting", () => {
    expect(readJson('\ufeff{"a": 1}', 10)).toEqual(Object.assign(Object.create(null), { a: 1 }));
    const error = (() => {
      try {
        readJson('[1, 2,\n  {"a": tru}]', 10);
      } catch (e) {
        return e as DecodeError;
      }
      throw new Error("expected an error");
    })();
    expect([error.code, error.offset, error.path]).toEqual(["invalid_json", 15, [2, "a"]]);
    expect(error.message).toContain("line 2, column 9");
    expect(() => readJson("[".repeat(11), 10)).toThrow(/max_depth_exceeded/);
    expect(() => readJson('{"a": 1, "a": 2}', 10)).toThrow(/a \(offset 9\): .*\[duplicate_key\]/);
  });
});

describe("firstInvalidUtf8", () => {
  const fatal = new TextDecoder("utf-8", { fatal: true });
  const bytes = fc.uint8Array({ maxLength: 12 }).chain((raw) =>
    // Bias toward lead and continuation bytes, where the rules are.
    fc.constant(raw.map((b) => (b & 1 ? b | 0x80 : b))),
  );

  test("agrees with TextDecoder({ fatal: true }) on whether bytes are UTF-8", () => {
    fc.assert(
      fc.property(bytes, (b) => {
        expect(firstInvalidUtf8(b, 0, b.length) === -1).toBe(parses(() => fatal.decode(b)));
      }),
      { numRuns: 3000 },
    );
  });

  test("points at the first byte of the first bad sequence", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 8 }), bytes, (s, tail) => {
        const good = new TextEncoder().encode(s);
        const all = new Uint8Array([...good, ...tail]);
        const at = firstInvalidUtf8(all, 0, all.length);
        if (at >= 0) {
          expect(at).toBeGreaterThanOrEqual(good.length);
          expect(parses(() => fatal.decode(all.subarray(0, at)))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
