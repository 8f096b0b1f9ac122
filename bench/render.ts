// The printed report: Markdown tables that paste into the README as they are.
import { OPERATION_KINDS, OPERATION_LABELS } from "./cases.js";
import type { Machine } from "./machine.js";
import {
  formatBudget,
  formatDuration,
  formatNsPerByte,
  formatOpsSpread,
  formatRatioSpread,
  markdownTable,
} from "./report.js";
import { FILTERED_OUT, type ImageResult, type MessageResult, type RatioResult } from "./summary.js";

export interface RunInfo {
  readonly date: string;
  readonly machine: Machine;
  readonly protobufjs: string;
  readonly method: string;
}

export function renderHeader(run: RunInfo): string {
  const m = run.machine;
  const v = m.versions;
  return [
    `Run of ${run.date} on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}),`,
    `Node ${m.node} (V8 ${m.v8}); @bufbuild/protobuf ${v["@bufbuild/protobuf"]}, protobufjs ${v.protobufjs} (${run.protobufjs}), tinybench ${v.tinybench}.`,
    run.method,
  ].join("\n");
}

export function renderThroughput(messages: readonly MessageResult[]): string {
  const header = ["ops/s: median (min–max of rounds)", ...messages.map((m) => m.label)];
  const sizes = ["message size", ...messages.map((m) => `${m.bytes} B`)];
  const rows = OPERATION_KINDS.map((kind) => [
    OPERATION_LABELS[kind],
    ...messages.map((m) => {
      const outcome = m.operations[kind];
      if (outcome === undefined) return "";
      return "unavailable" in outcome ? "n/a" : formatOpsSpread(outcome.opsPerSec);
    }),
  ]);
  return markdownTable(header, [sizes, ...rows], ["left", ...messages.map(() => "right" as const)]);
}

export function renderRatios(
  ratios: readonly RatioResult[],
  messages: readonly MessageResult[],
): string {
  const header = [
    "time ratio: median (min–max of rounds)",
    ...messages.map((m) => m.label),
    "budget (issues 8, 14)",
    "verdict",
  ];
  const rows = ratios.map((r) => {
    const verdicts = Object.entries(r.verdicts);
    const over = verdicts.filter(([, v]) => v === "over").map(([id]) => id);
    const on = verdicts.map(([id]) => id);
    const verdictText =
      r.budget === undefined
        ? ""
        : verdicts.length === 0
          ? "not measured"
          : over.length > 0
            ? `over on ${over.join(", ")}`
            : `ok (${on.length === messages.length ? "all" : on.join(", ")})`;
    return [
      r.label,
      ...messages.map((m) => {
        const ratio = r.perMessage[m.id];
        return ratio ? formatRatioSpread(ratio, r.style) : "n/a";
      }),
      r.budget ? formatBudget(r.budget) : "",
      verdictText,
    ];
  });
  return markdownTable(header, rows, [
    "left",
    ...messages.map(() => "right" as const),
    "left",
    "left",
  ]);
}

export function renderImages(images: readonly ImageResult[]): string {
  const header = [
    "parseImageReference input",
    "bytes",
    "parser says",
    "time per call (per reference)",
    "ns/byte",
    "64 KiB ÷ 1 KiB ns/byte",
  ];
  const rows = images
    .filter((i) => i.skipped !== FILTERED_OUT)
    .map((i) => {
      const name = i.label;
      if (i.skipped !== undefined) return [name, String(i.bytes), i.parserSays, i.skipped, "", ""];
      return [
        name,
        i.references > 1 ? `${i.bytes} total` : String(i.bytes),
        i.parserSays,
        i.nsPerReference ? formatDuration(i.nsPerReference.median) : "",
        i.nsPerByte === undefined ? "" : formatNsPerByte(i.nsPerByte),
        i.scaling === undefined ? "" : `${i.scaling.toFixed(2)} (${i.linearity})`,
      ];
    });
  return markdownTable(header, rows, ["left", "right", "left", "right", "right", "left"]);
}
