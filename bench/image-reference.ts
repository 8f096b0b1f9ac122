// parseImageReference: typical references, then hostile inputs of 1 KiB and 64 KiB reported in ns
// per input byte, so linearity can be read off (the same ns/byte at both sizes = linear).
import { Worker } from "node:worker_threads";
import { parseImageReference as parse } from "../src/index.js";
import type { Operation } from "./harness.js";
import {
  HOSTILE_PATTERNS,
  HOSTILE_SIZES,
  type HostilePattern,
  hostileInput,
  TYPICAL_REFERENCES,
  UNCAPPED,
} from "./image-inputs.js";

/** One call on 64 KiB taking longer than this is no longer a parse: it is a hang in the making. */
export const PROBE_LIMIT_MS = 2000;

export type ProbeOutcome =
  | { readonly kind: "ok"; readonly ms: number }
  | { readonly kind: "timeout"; readonly ms: number }
  | { readonly kind: "error"; readonly message: string };

export interface ImageInput {
  readonly id: string;
  /** How the table names the input. */
  readonly label: string;
  /** Hostile inputs only (parsed with the length cap lifted). */
  readonly pattern?: HostilePattern;
  readonly inputs: readonly string[];
  readonly bytes: number;
  /** What the parser said ("accepted", or its error code), for the table. */
  readonly parserSays: string;
}

export interface ImagePlan {
  readonly inputs: ImageInput[];
  readonly operations: Operation[];
  /** Inputs not measured in rounds, with the reason (probe timeout, error). */
  readonly skipped: Map<string, string>;
  readonly probes: Map<HostilePattern, ProbeOutcome>;
}

function probe(pattern: HostilePattern, size: number): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./probe-worker.js", import.meta.url), {
      workerData: { pattern, size },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ kind: "timeout", ms: PROBE_LIMIT_MS });
    }, PROBE_LIMIT_MS);
    const settle = (outcome: ProbeOutcome) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    worker.once("message", (m: { ms: number }) => settle({ kind: "ok", ms: m.ms }));
    worker.once("error", (e) => settle({ kind: "error", message: String(e) }));
    worker.once("exit", (code) => settle({ kind: "error", message: `worker exited (${code})` }));
  });
}

function parserSays(input: string, options?: typeof UNCAPPED): string {
  const result = parse(input, options);
  return result.success ? "accepted" : `rejected: ${result.error.code}`;
}

const typicalId = "image/typical";
const defaultCapId = "image/default-cap";

export function hostileId(pattern: HostilePattern, size: number): string {
  return `image/${pattern}/${size}`;
}

/** Every operation id the plan can produce, known before probing (for --filter). */
export function imageOperationIds(): string[] {
  const patterns = Object.keys(HOSTILE_PATTERNS) as HostilePattern[];
  return [
    typicalId,
    defaultCapId,
    ...patterns.flatMap((p) => HOSTILE_SIZES.map((size) => hostileId(p, size))),
  ];
}

export async function planImageReference(): Promise<ImagePlan> {
  const patterns = Object.keys(HOSTILE_PATTERNS) as HostilePattern[];
  const largest = Math.max(...HOSTILE_SIZES);
  const probes = new Map<HostilePattern, ProbeOutcome>();
  // Sequential: two cores, and a runaway worker must not slow the others' timings.
  for (const pattern of patterns) probes.set(pattern, await probe(pattern, largest));

  const inputs: ImageInput[] = [];
  const operations: Operation[] = [];
  const skipped = new Map<string, string>();
  inputs.push({
    id: typicalId,
    label: `${TYPICAL_REFERENCES.length} typical references`,
    inputs: TYPICAL_REFERENCES,
    bytes: TYPICAL_REFERENCES.reduce((n, s) => n + s.length, 0),
    parserSays: TYPICAL_REFERENCES.map((r) => parserSays(r)).every((s) => s === "accepted")
      ? "all accepted"
      : TYPICAL_REFERENCES.map((r) => `${r}: ${parserSays(r)}`).join("; "),
  });
  operations.push({
    id: typicalId,
    fn: () => {
      let last: unknown;
      for (const reference of TYPICAL_REFERENCES) last = parse(reference);
      return last;
    },
  });
  const overCap = hostileInput("aaaa…", largest);
  inputs.push({
    id: defaultCapId,
    label: "any input over the cap, default options",
    inputs: [overCap],
    bytes: largest,
    parserSays: parserSays(overCap),
  });
  operations.push({ id: defaultCapId, fn: () => parse(overCap) });
  for (const pattern of patterns) {
    const outcome = probes.get(pattern) as ProbeOutcome;
    for (const size of HOSTILE_SIZES) {
      const id = hostileId(pattern, size);
      const label = `\`${pattern}\` (cap lifted)`;
      const input = hostileInput(pattern, size);
      if (outcome.kind !== "ok") {
        const reason =
          outcome.kind === "timeout"
            ? `one ${largest}-byte call ran over ${PROBE_LIMIT_MS} ms (superlinear)`
            : outcome.message;
        inputs.push({
          id,
          label,
          pattern,
          inputs: [input],
          bytes: size,
          parserSays: "not measured",
        });
        skipped.set(id, reason);
        continue;
      }
      const says = parserSays(input, UNCAPPED);
      inputs.push({ id, label, pattern, inputs: [input], bytes: size, parserSays: says });
      operations.push({ id, fn: () => parse(input, UNCAPPED) });
    }
  }
  return { inputs, operations, skipped, probes };
}
