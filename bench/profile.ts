// Summarizes a V8 .cpuprofile (from `node --cpu-prof`) into the functions that cost the most:
// self time (where the CPU was) and total time (self + callees), with file:line in the compiled
// bench tree, so a missed budget can be traced to one function. See bench/README.md.
//
//   node bench/generated/js/bench/profile.js FILE.cpuprofile [--top N] [--match TEXT] [--within TEXT]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function key(frame: CallFrame): string {
  const file = frame.url
    .replace(/^file:\/\//, "")
    .replace(/^.*\/(bench\/generated\/js|node_modules)\//, "");
  return `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
}

interface Row {
  name: string;
  selfMs: number;
  totalMs: number;
}

/**
 * Self and total time per function. With `within`, only samples whose stack has a frame whose
 * name contains it count (e.g. "resolveLaunch src/"), so percentages are shares of that call.
 */
function summarizeProfile(
  profile: CpuProfile,
  within?: string,
): { rows: Row[]; sampledMs: number } {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let sampled = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const stack: string[] = [];
    for (let node = byId.get(id); node; node = byId.get(parent.get(node.id) ?? -1)) {
      stack.push(key(node.callFrame));
    }
    const leaf = stack[0];
    if (leaf === undefined || leaf.startsWith("(idle)")) return;
    if (within !== undefined && !stack.some((k) => k.includes(within))) return;
    sampled += us;
    self.set(leaf, (self.get(leaf) ?? 0) + us);
    // Each function once per sample, however deep it recurses.
    for (const k of new Set(stack)) total.set(k, (total.get(k) ?? 0) + us);
  });
  const rows = [...total.keys()]
    .map((name) => ({
      name,
      selfMs: (self.get(name) ?? 0) / 1e3,
      totalMs: (total.get(name) ?? 0) / 1e3,
    }))
    .sort((a, b) => b.selfMs - a.selfMs);
  return { rows, sampledMs: sampled / 1e3 };
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      top: { type: "string", default: "25" },
      match: { type: "string" },
      within: { type: "string" },
    },
  });
  for (const file of positionals) {
    const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
    const { rows, sampledMs } = summarizeProfile(profile, values.within);
    if (sampledMs === 0) continue;
    const shown = rows.filter((r) => values.match === undefined || r.name.includes(values.match));
    const scope = values.within === undefined ? "" : ` within "${values.within}"`;
    console.log(`${file}: ${sampledMs.toFixed(0)} ms sampled (idle excluded)${scope}`);
    console.log("  self ms   self %  total ms  total %  function");
    for (const r of shown.slice(0, Number(values.top))) {
      const pct = (ms: number) => `${((100 * ms) / sampledMs).toFixed(1).padStart(6)}%`;
      console.log(
        `${r.selfMs.toFixed(1).padStart(9)} ${pct(r.selfMs)} ${r.totalMs.toFixed(1).padStart(9)} ${pct(r.totalMs)}  ${r.name}`,
      );
    }
  }
}

main();
