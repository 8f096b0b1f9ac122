// The toEqual fast path for byte arrays (test/helpers/byte-equality.ts, registered by the setup
// file) must never change a verdict: it may only answer "equal" where vitest's own comparison
// does, and must leave every other pair to it.
import { equals, iterableEquality, typeEquality } from "@vitest/expect";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { equalByteArrays } from "../helpers/byte-equality.js";

const bytes = (...b: number[]) => new Uint8Array(b);
const withExtra = (b: Uint8Array, value: unknown) => Object.assign(b, { extra: value });

// toEqual's and toStrictEqual's comparisons, without and with the fast path in front.
const loose = (a: unknown, b: unknown, fast: boolean) =>
  equals(a, b, fast ? [equalByteArrays, iterableEquality] : [iterableEquality]);
const strict = (a: unknown, b: unknown, fast: boolean) =>
  equals(
    a,
    b,
    fast ? [equalByteArrays, iterableEquality, typeEquality] : [iterableEquality, typeEquality],
    true,
  );

describe("equalByteArrays", () => {
  test.each<[string, unknown, unknown, boolean | undefined, boolean]>([
    ["the same bytes", bytes(1, 2, 3), bytes(1, 2, 3), true, true],
    ["two empty arrays", bytes(), bytes(), true, true],
    ["one byte differs", bytes(1, 2, 3), bytes(1, 2, 4), undefined, false],
    ["a prefix", bytes(1, 2), bytes(1, 2, 3), undefined, false],
    [
      "a Buffer and a Uint8Array with the same bytes",
      Buffer.from([1, 2]),
      bytes(1, 2),
      undefined,
      false,
    ],
    ["two Buffers", Buffer.from([1, 2]), Buffer.from([1, 2]), true, true],
    ["a plain array of the same numbers", bytes(1, 2), [1, 2], undefined, false],
    ["an Int8Array", bytes(1, 2), new Int8Array([1, 2]), undefined, false],
    ["an own property on one side", withExtra(bytes(1), 1), bytes(1), undefined, false],
    [
      "equal own properties on both",
      withExtra(bytes(1), 1),
      withExtra(bytes(1), 1),
      undefined,
      true,
    ],
    ["numbers", 1, 1, undefined, true],
    ["objects holding equal byte arrays", { b: bytes(7) }, { b: bytes(7) }, true, true],
  ])("%s", (_what, a, b, verdict, equal) => {
    // Nested values reach the tester through the recursive comparison, not as the top pair.
    if (typeof a !== "object" || a instanceof Uint8Array)
      expect(equalByteArrays(a, b)).toBe(verdict);
    expect(loose(a, b, true)).toBe(equal);
    expect(loose(a, b, false)).toBe(equal);
    if (equal) expect(a).toEqual(b);
    else expect(a).not.toEqual(b);
  });

  test("the setup file registered it once in this worker", () => {
    const state = (globalThis as Record<symbol, { customEqualityTesters: unknown[] }>)[
      Symbol.for("$$jest-matchers-object")
    ];
    expect(
      state?.customEqualityTesters.filter(
        (t) => typeof t === "function" && t.name === "equalByteArrays",
      ),
    ).toHaveLength(1);
  });

  test("never changes a verdict of toEqual or toStrictEqual", () => {
    const arrays = fc.oneof(
      fc.uint8Array({ maxLength: 8 }),
      fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b)),
      fc.uint8Array({ maxLength: 8 }).map((b) => withExtra(b, 1)),
    );
    // Pairs that are often equal: a copy of the first, possibly changed in one place.
    const pairs = fc.oneof(
      fc.tuple(arrays, arrays),
      fc
        .tuple(arrays, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean())
        .map(([a, at, value, change]) => {
          const b = new Uint8Array(a);
          if (change && b.length > 0) b[at % b.length] = value;
          return [a, b] as const;
        }),
    );
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        expect(loose(a, b, true)).toBe(loose(a, b, false));
        expect(strict(a, b, true)).toBe(strict(a, b, false));
        expect(loose({ a }, { a: b }, true)).toBe(loose({ a }, { a: b }, false));
      }),
      { numRuns: 500 },
    );
  });
});
