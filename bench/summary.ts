// Turns per-round samples into the results written to bench/results.json and printed as tables.
import type { CheckResult, OperationKind, PreparedCase } from "./cases.js";
import { OPERATION_KINDS } from "./cases.js";
import type { RoundSamples } from "./harness.js";
import { HOSTILE_SIZES, type HostilePattern } from "./image-inputs.js";
import { hostileId, type ImagePlan } from "./image-reference.js";
import type { RatioSpec } from "./ratios.js";
import {
  type Budget,
  type Linearity,
  linearityVerdict,
  opsPerSecond,
  pairedRatio,
  type Spread,
  scaling,
  spread,
  type Verdict,
  verdict,
} from "./report.js";

export interface Measured {
  readonly nsPerOp: Spread;
  readonly opsPerSec: Spread;
  /** Median ns per call of each round. */
  readonly rounds: readonly number[];
}

export type OperationOutcome = Measured | { readonly unavailable: string };

export interface MessageResult {
  readonly id: string;
  readonly label: string;
  readonly bytes: number;
  readonly operations: Partial<Record<OperationKind, OperationOutcome>>;
}

export interface RatioResult {
  readonly id: string;
  readonly label: string;
  readonly style: "times" | "percent";
  readonly budget?: Budget;
  /** Per message id: the ratio, or null when one side was not measured. */
  readonly perMessage: Record<string, Spread | null>;
  /** Messages the budget was read on and whether each met it. */
  readonly verdicts: Record<string, Verdict>;
}

export interface ImageResult {
  readonly id: string;
  readonly label: string;
  readonly pattern?: HostilePattern;
  readonly bytes: number;
  /** How many references one measured call parses. */
  readonly references: number;
  readonly parserSays: string;
  readonly nsPerReference?: Spread;
  readonly nsPerByte?: number;
  /** For the largest hostile size: its ns/byte over the smallest size's ns/byte. */
  readonly scaling?: number;
  readonly linearity?: Linearity;
  readonly skipped?: string;
}

/** The reason given for an operation that --filter left out. */
export const FILTERED_OUT = "filtered out";

function measured(rounds: readonly number[]): Measured {
  const nsPerOp = spread(rounds);
  return { nsPerOp, opsPerSec: opsPerSecond(nsPerOp), rounds };
}

export function summarizeMessages(
  cases: readonly PreparedCase[],
  samples: RoundSamples,
): MessageResult[] {
  return cases.map(({ messageCase: c, operations, unavailable }) => {
    const outcomes: Partial<Record<OperationKind, OperationOutcome>> = {};
    for (const kind of OPERATION_KINDS) {
      const rounds = samples.get(operations.get(kind)?.id ?? "");
      if (rounds !== undefined && rounds.length > 0) outcomes[kind] = measured(rounds);
      else outcomes[kind] = { unavailable: unavailable.get(kind) ?? FILTERED_OUT };
    }
    return { id: c.id, label: c.label, bytes: c.bytes.length, operations: outcomes };
  });
}

export function summarizeRatios(
  specs: readonly RatioSpec[],
  cases: readonly PreparedCase[],
  samples: RoundSamples,
): RatioResult[] {
  const roundsOf = (p: PreparedCase, kind: OperationKind) => {
    const rounds = samples.get(p.operations.get(kind)?.id ?? "");
    return rounds !== undefined && rounds.length > 0 ? rounds : undefined;
  };
  return specs.map((spec) => {
    const perMessage: Record<string, Spread | null> = {};
    const verdicts: Record<string, Verdict> = {};
    for (const p of cases) {
      const id = p.messageCase.id;
      const num = roundsOf(p, spec.numerator(p.messageCase));
      const den = roundsOf(p, spec.denominator);
      const ratio = num && den ? pairedRatio(num, den) : null;
      perMessage[id] = ratio;
      const budgeted = spec.budgetOn === undefined || spec.budgetOn.includes(id);
      if (ratio && spec.budget && budgeted) verdicts[id] = verdict(ratio, spec.budget);
    }
    return {
      id: spec.id,
      label: spec.label,
      style: spec.style,
      ...(spec.budget ? { budget: spec.budget } : {}),
      perMessage,
      verdicts,
    };
  });
}

export function summarizeImages(plan: ImagePlan, samples: RoundSamples): ImageResult[] {
  const results = plan.inputs.map((input): ImageResult => {
    const base = {
      id: input.id,
      label: input.label,
      ...(input.pattern ? { pattern: input.pattern } : {}),
      bytes: input.bytes,
      references: input.inputs.length,
      parserSays: input.parserSays,
    };
    const rounds = samples.get(input.id);
    if (rounds === undefined || rounds.length === 0) {
      return { ...base, skipped: plan.skipped.get(input.id) ?? FILTERED_OUT };
    }
    const perCall = spread(rounds);
    const n = input.inputs.length;
    return {
      ...base,
      nsPerReference: { median: perCall.median / n, min: perCall.min / n, max: perCall.max / n },
      nsPerByte: perCall.median / input.bytes,
    };
  });
  // Linearity: ns/byte of the largest hostile size against the smallest, per pattern.
  const small = Math.min(...HOSTILE_SIZES);
  const large = Math.max(...HOSTILE_SIZES);
  const byId = new Map(results.map((r) => [r.id, r]));
  return results.map((r) => {
    if (r.pattern === undefined || r.bytes !== large || r.nsPerByte === undefined) return r;
    const smallNsPerByte = byId.get(hostileId(r.pattern, small))?.nsPerByte;
    if (smallNsPerByte === undefined) return r;
    const scale = scaling(smallNsPerByte, r.nsPerByte);
    return { ...r, scaling: scale, linearity: linearityVerdict(scale) };
  });
}

export function failedChecks(cases: readonly PreparedCase[]): CheckResult[] {
  return cases.flatMap((p) => p.checks.filter((c) => !c.ok));
}
