// The walker of a plan, compiled: the plan's steps written out as one JavaScript function per
// message type, so every field is read by a property load of its own (monomorphic, as in a
// hand-written walker) instead of one shared keyed load that sees every type. The generated
// source holds only JSON-quoted property and field names and step indexes; the steps, the
// child plans and the rules are passed in as arguments, never written into the text.
//
// Where the platform forbids code generation (a Content-Security-Policy without 'unsafe-eval',
// some edge runtimes), the plan is interpreted instead (walk.ts): same steps, same issues.
import type { Message } from "@bufbuild/protobuf";
import { type Collector, checkWellFormed } from "../rules/index.js";
import { ENUM, LIST_MESSAGE, LIST_STRING, MAP_MESSAGE, MESSAGE, SCALAR, STRING } from "./kinds.js";
import type { Plan, Run, Step } from "./plan.js";
import { checkEnum, missing, oneofValue, walk, walkStep } from "./walk.js";

/** What generated code calls back into. */
const HELPERS = {
  hasOwn: Object.prototype.hasOwnProperty,
  missing,
  checkEnum,
  checkWellFormed,
  oneofValue,
  walkStep,
};

type CheckFn = (m: Message, c: Collector, f: number) => void;

type Factory = (
  steps: readonly Step[],
  h: typeof HELPERS,
  check: CheckFn | undefined,
  leaves: readonly (CheckFn | undefined)[],
) => Run;

let codegen: boolean | undefined;

/** Whether `new Function` works here (false under a CSP that forbids it). Checked once. */
export function canGenerate(): boolean {
  if (codegen === undefined) {
    try {
      codegen = new Function("return true")() === true;
    } catch {
      codegen = false;
    }
  }
  return codegen;
}

/**
 * How many walks of a plan the interpreter makes before the plan is compiled. Code made by
 * `new Function` is compiled afresh in every process (no code cache keeps it), and compiling a
 * plan costs more than interpreting it a few times: a one-shot validation such as the CLI's
 * `check` walks each plan once (compiling the plans of a Mesos 1.11 TaskInfo was about a tenth of
 * such a check), while a service walks its plans thousands of times and gets the compiled walker
 * after a few. Both give the same issues in the same order (test/validation/tiers.test.ts).
 */
export const COMPILE_AFTER = 4;

/**
 * The walker of `plan`: the interpreter for its first walks, then (where code generation is
 * allowed) the compiled walker, which replaces `plan.run` for the plan and every plan it reaches.
 */
export function buildRun(plan: Plan): Run {
  if (!canGenerate()) return (msg, c, flags) => walk(plan, msg, c, flags);
  let walks = 0;
  return (msg, c, flags) => {
    if (++walks === COMPILE_AFTER) compileTree(plan);
    walk(plan, msg, c, flags);
  };
}

const compiled = new WeakSet<Plan>();

/**
 * Compiles `plan` and every plan it reaches that is not compiled yet, children first, so a new
 * walker's call sites (which read `child.run` at call time) meet compiled walkers from the start.
 */
export function compileTree(plan: Plan): void {
  if (compiled.has(plan) || !canGenerate()) return;
  compiled.add(plan);
  for (const step of plan.steps) if (step.child !== undefined) compileTree(step.child);
  plan.run = compile(plan);
}

/** The compiled walker of `plan`. */
function compile(plan: Plan): Run {
  // A child whose walk is its rules alone (a plan without steps: IDs, ranges, sets in the
  // rules-only walk) is checked by a direct call of its rules, one call instead of two.
  const leaves = plan.steps.map((step) =>
    step.child !== undefined && step.child.steps.length === 0
      ? (step.child.check as CheckFn | undefined)
      : undefined,
  );
  const factory = new Function("S", "H", "K", "L", source(plan, leaves)) as Factory;
  const walker = factory(plan.steps, HELPERS, plan.check as CheckFn | undefined, leaves);
  const clean = plan.clean;
  if (clean === undefined) return walker;
  return (m, c, flags) => {
    if (!clean(m as never, flags)) walker(m, c, flags);
  };
}

// The body of the factory: `return function (m, c, flags) { ... }`.
function source(plan: Plan, leaves: readonly (CheckFn | undefined)[]): string {
  const lines = [
    '"use strict";',
    "const hasOwn = H.hasOwn;",
    "return function (m, c, flags) {",
    "let v;",
  ];
  plan.steps.forEach((step, i) => {
    // A message step calls its child's walker, read at call time (it may be built after this
    // one, for recursive types), or the child's rules when that is all its walk does.
    const run = leaves[i] === undefined ? `S[${i}].child.run` : `L[${i}]`;
    lines.push(load(step, i), ...stepCode(step, i, run));
  });
  if (plan.check !== undefined) lines.push("K(m, c, flags);");
  lines.push("};");
  // Names the walker in profiles and stack traces; the type name is a protobuf identifier path,
  // and only [A-Za-z0-9_.] of it is kept.
  lines.push(
    `//# sourceURL=mesos-dockerinfo:${plan.rulesOnly === true ? "rules" : "validate"}/${plan.desc.typeName.replace(/[^A-Za-z0-9_.]/g, "_")}`,
  );
  return lines.join("\n");
}

function load(step: Step, i: number): string {
  return step.oneof === undefined
    ? `v = m[${JSON.stringify(step.key)}];`
    : `v = H.oneofValue(m, S[${i}]);`;
}

function stepCode(step: Step, i: number, run: string): string[] {
  const key = JSON.stringify(step.key);
  const name = JSON.stringify(step.name);
  const s = `S[${i}]`;
  // The binding's flags function, called at its own site (only emitted when there is one).
  const flags = step.flags === undefined ? "0" : `${s}.flags(m, flags)`;
  switch (step.kind) {
    case STRING: {
      const absent = step.required ? [`else if (v === undefined) H.missing(c, m, ${s});`] : [];
      const unset =
        step.required && step.oneof === undefined && typeof step.dflt === "string"
          ? `if (v === ${JSON.stringify(step.dflt)} && !hasOwn.call(m, ${key})) H.missing(c, m, ${s}); else `
          : "";
      return [
        `if (typeof v === "string") { ${unset}if (!v.isWellFormed()) H.checkWellFormed(c, v, ${name}); }`,
        ...absent,
      ];
    }
    case SCALAR:
      return [`if (v === undefined || !hasOwn.call(m, ${key})) H.missing(c, m, ${s});`];
    case ENUM: {
      // The common case, a set and defined value with nothing in $unknown, is settled here; the
      // rest (and open enums) goes to the full check.
      const desc = step.enumDesc;
      if (desc === undefined || step.oneof !== undefined) return [`H.checkEnum(c, m, ${s}, v);`];
      const dflt = JSON.stringify(step.dflt);
      return [
        `if (m.$unknown !== undefined || typeof v !== "number" || ${s}.enumDesc.value[v] === undefined || (v === ${dflt} && !hasOwn.call(m, ${key}))) H.checkEnum(c, m, ${s}, v);`,
      ];
    }
    case MESSAGE:
      return [
        `if (v !== undefined) { c.path.push(${name}); ${run}(v, c, ${flags}); c.path.pop(); }`,
        ...(step.required ? [`else H.missing(c, m, ${s});`] : []),
      ];
    case LIST_MESSAGE:
      return [
        // One push for the whole list; the index slot is rewritten per element (a child's
        // walk leaves the path as it found it).
        `{ const n = v.length; if (n !== 0) { const p = c.path; const run = ${run}; const f = ${flags}; p.push(${name}, 0); const at = p.length - 1;`,
        `  for (let j = 0; j < n; j++) { p[at] = j; run(v[j], c, f); } p.pop(); p.pop(); } }`,
      ];
    case MAP_MESSAGE:
      return [
        // Values in key order (Object.keys, as the interpreter), the key slot rewritten per
        // value; an empty map (the usual case, e.g. TaskInfo.limits) costs one Object.keys.
        `{ const keys = Object.keys(v); const n = keys.length; if (n !== 0) { const p = c.path; const run = ${run}; const f = ${flags}; p.push(${name}, ""); const at = p.length - 1;`,
        `  for (let j = 0; j < n; j++) { const k = keys[j]; p[at] = k; run(v[k], c, f); } p.pop(); p.pop(); } }`,
      ];
    case LIST_STRING:
      return [
        `for (let j = 0; j < v.length; j++) { const t = v[j]; if (!t.isWellFormed()) H.checkWellFormed(c, t, ${name}, j); }`,
      ];
    default:
      // Repeated enums, maps of strings and enums: rare, so the interpreter's step does them.
      return [`H.walkStep(c, m, ${s}, v, flags);`];
  }
}
