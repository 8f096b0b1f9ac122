// Pure helpers of the bench: statistics over per-round samples, number formatting, budget verdicts
// and Markdown tables. No I/O and no timing here, so test/bench/report.test.ts can check them.

/** Median of a non-empty list (mean of the two middle values for an even length). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const at = (i: number) => sorted[i] as number; // i is inside the non-empty list
  return sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/** Median with the smallest and largest value: how a spread of rounds is reported. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Time ratio a/b of two operations measured in the same rounds: one ratio per round (so drift of
 * a noisy machine between rounds cancels out), then the spread of those ratios.
 */
export function pairedRatio(aNs: readonly number[], bNs: readonly number[]): Spread {
  if (aNs.length !== bNs.length || aNs.length === 0) {
    throw new RangeError(
      `paired ratio needs equal, non-empty round lists (${aNs.length} vs ${bNs.length})`,
    );
  }
  return spread(aNs.map((a, i) => a / (bNs[i] as number)));
}

/** Converts a spread of nanoseconds per operation into operations per second (min and max swap). */
export function opsPerSecond(ns: Spread): Spread {
  return { median: 1e9 / ns.median, min: 1e9 / ns.max, max: 1e9 / ns.min };
}

/** 1234567 → "1.23M", 223182 → "223k", 812.4 → "812". */
export function formatOps(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value >= 1e6) return `${(value / 1e6).toFixed(value >= 1e7 ? 1 : 2)}M`;
  if (value >= 1e4) return `${Math.round(value / 1e3)}k`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)}k`;
  if (value >= 10) return String(Math.round(value));
  return value.toFixed(2);
}

export function formatOpsSpread(ops: Spread): string {
  return `${formatOps(ops.median)} (${formatOps(ops.min)}–${formatOps(ops.max)})`;
}

/** Nanoseconds with a unit that keeps 3 significant digits: "812 ns", "4.52 µs", "1.20 ms". */
export function formatDuration(ns: number): string {
  const [value, unit] = ns >= 1e6 ? [ns / 1e6, "ms"] : ns >= 1e3 ? [ns / 1e3, "µs"] : [ns, "ns"];
  return `${value >= 100 ? Math.round(value) : value.toPrecision(3)} ${unit}`;
}

/** ns per input byte with 3 significant digits: "6.94", "0.37", "0.0043". */
export function formatNsPerByte(ns: number): string {
  if (ns >= 100 || ns === 0) return String(Math.round(ns));
  return ns.toPrecision(3).replace(/\.?0+$/, "");
}

export type RatioStyle = "times" | "percent";

export function formatRatio(ratio: number, style: RatioStyle = "times"): string {
  return style === "percent" ? `${(ratio * 100).toFixed(1)} %` : `${ratio.toFixed(2)}×`;
}

/** "1.12× (1.05–1.20)" or "9.8 % (8.1–11.0)". */
export function formatRatioSpread(ratio: Spread, style: RatioStyle = "times"): string {
  const lo = style === "percent" ? (ratio.min * 100).toFixed(1) : ratio.min.toFixed(2);
  const hi = style === "percent" ? (ratio.max * 100).toFixed(1) : ratio.max.toFixed(2);
  return `${formatRatio(ratio.median, style)} (${lo}–${hi})`;
}

/** A goal a time ratio is read against (an upper bound on ours/baseline). Not an assertion. */
export interface Budget {
  readonly max: number;
  readonly style: RatioStyle;
}

export type Verdict = "ok" | "over";

/** The median decides: a round-to-round spread that crosses the line is noise, not a miss. */
export function verdict(ratio: Spread, budget: Budget): Verdict {
  return ratio.median <= budget.max ? "ok" : "over";
}

export function formatBudget(budget: Budget): string {
  return `≤ ${formatRatio(budget.max, budget.style)}`;
}

/**
 * ns per input byte at two sizes and their quotient: ≈1 (or below, when a fixed cost is spread
 * over more bytes) means linear; well above 1 means the parser grows faster than its input.
 */
export function scaling(nsPerByteSmall: number, nsPerByteLarge: number): number {
  return nsPerByteLarge / nsPerByteSmall;
}

/** Above this, 64× more input cost clearly more than 64× the time: report it as superlinear. */
export const SUPERLINEAR_THRESHOLD = 2;

/** Below this, the parser clearly stopped before reading the whole input (it failed early). */
export const STOPS_EARLY_THRESHOLD = 0.5;

export type Linearity = "stops early" | "linear" | "superlinear";

export function linearityVerdict(scale: number): Linearity {
  if (scale < STOPS_EARLY_THRESHOLD) return "stops early";
  return scale <= SUPERLINEAR_THRESHOLD ? "linear" : "superlinear";
}

export type Align = "left" | "right";

/** A GitHub Markdown table, padded so it also reads well as plain text in a terminal. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const widths = header.map((h, c) =>
    Math.max(
      3,
      [h, ...rows.map((r) => r[c] ?? "")].reduce((w, s) => Math.max(w, width(s)), 0),
    ),
  );
  const pad = (s: string, c: number) => {
    const fill = " ".repeat((widths[c] as number) - width(s));
    return align[c] === "right" ? fill + s : s + fill;
  };
  const line = (cells: readonly string[]) =>
    `| ${header.map((_, c) => pad(cells[c] ?? "", c)).join(" | ")} |`;
  const rule = `|${widths.map((w, c) => (align[c] === "right" ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** Display width: code points, so "×", "µ" and "–" count as one column. */
function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
