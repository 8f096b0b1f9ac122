// The bench's pure helpers (statistics, formatting, tables, hostile inputs). No timing here:
// numbers on shared machines are noise, so the bench itself asserts nothing about speed.
import { describe, expect, test } from "vitest";
import { HOSTILE_PATTERNS, HOSTILE_SIZES, hostileInput } from "../../bench/image-inputs.js";
import {
  formatDuration,
  formatNsPerByte,
  formatOps,
  formatRatioSpread,
  linearityVerdict,
  markdownTable,
  median,
  opsPerSecond,
  pairedRatio,
  scaling,
  verdict,
} from "../../bench/report.js";

describe("statistics", () => {
  test("median of odd and even lengths, unsorted input left alone", () => {
    const input = [5, 1, 3];
    expect(median(input)).toBe(3);
    expect(input).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });

  test("paired ratio takes one ratio per round, then their spread", () => {
    // Round 2 is twice as slow for both sides (machine load): the per-round ratio stays 2.
    const r = pairedRatio([200, 400, 220], [100, 200, 100]);
    expect(r).toEqual({ median: 2, min: 2, max: 2.2 });
    expect(() => pairedRatio([1, 2], [1])).toThrow(RangeError);
  });

  test("ops/s from ns/op swaps min and max", () => {
    expect(opsPerSecond({ median: 2000, min: 1000, max: 4000 })).toEqual({
      median: 500_000,
      min: 250_000,
      max: 1_000_000,
    });
  });
});

describe("formatting", () => {
  const formatters = { formatOps, formatNsPerByte, formatDuration };
  test.each<[keyof typeof formatters, number, string]>([
    ["formatOps", 1_234_567, "1.23M"],
    ["formatOps", 12_345_678, "12.3M"],
    ["formatOps", 223_182, "223k"],
    ["formatOps", 4_512, "4.5k"],
    ["formatOps", 812.4, "812"],
    ["formatOps", 3.256, "3.26"],
    ["formatNsPerByte", 6.944, "6.94"],
    ["formatNsPerByte", 0.37, "0.37"],
    ["formatNsPerByte", 10, "10"],
    ["formatNsPerByte", 0.004321, "0.00432"],
    ["formatNsPerByte", 0, "0"],
    ["formatNsPerByte", 123.6, "124"],
    ["formatDuration", 812.4, "812 ns"],
    ["formatDuration", 45.5, "45.5 ns"],
    ["formatDuration", 4521, "4.52 µs"],
    ["formatDuration", 422_860, "423 µs"],
    ["formatDuration", 1_200_000, "1.20 ms"],
  ])("%s(%d) = %s", (name, value, text) => {
    expect(formatters[name](value)).toBe(text);
  });

  test("ratios as times and as percent", () => {
    const r = { median: 0.098, min: 0.081, max: 0.11 };
    expect(formatRatioSpread(r, "percent")).toBe("9.8 % (8.1–11.0)");
    expect(formatRatioSpread({ median: 1.125, min: 1.05, max: 1.2 })).toBe("1.13× (1.05–1.20)");
  });

  test("the median decides a budget, not the spread", () => {
    const budget = { max: 1.3, style: "times" } as const;
    expect(verdict({ median: 1.29, min: 1.1, max: 1.9 }, budget)).toBe("ok");
    expect(verdict({ median: 1.31, min: 1.0, max: 1.4 }, budget)).toBe("over");
  });

  test("linearity: same ns/byte at both sizes is linear, 10× more is not", () => {
    expect(linearityVerdict(scaling(4, 3.5))).toBe("linear");
    expect(linearityVerdict(scaling(4, 40))).toBe("superlinear");
    // 64× the input in about the same time: the parser gave up at the first bad character.
    expect(linearityVerdict(scaling(0.35, 0.0135))).toBe("stops early");
  });

  test("markdown table pads by code points and right-aligns numbers", () => {
    const table = markdownTable(["op", "ratio"], [["decode", "1.2×"]], ["left", "right"]);
    expect(table.split("\n")).toEqual([
      "| op     | ratio |",
      "|--------|------:|",
      "| decode |  1.2× |",
    ]);
  });
});

describe("hostile image references", () => {
  const patterns = Object.keys(HOSTILE_PATTERNS) as (keyof typeof HOSTILE_PATTERNS)[];
  test.each(patterns)("%s has exactly the requested length in bytes", (pattern) => {
    for (const size of HOSTILE_SIZES) {
      const input = hostileInput(pattern, size);
      expect(new TextEncoder().encode(input).length).toBe(size);
    }
  });
});
