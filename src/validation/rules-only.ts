// The rules-only walker of a plan: the walk validate() does, minus everything structural. It
// visits only message fields whose type (or some type below it) has domain rules bound, and runs
// each type's rules after its children, with the same child flags, in the same order as the full
// walker. It reports nothing the structural steps would (required fields, closed enums, unpaired
// surrogates): it is meant for a message the strict decoder has just built, where those steps
// can find nothing (see validate-decoded.ts for why that holds, and where it may be used).
//
// Compiled per type like the full walker (compile.ts), with an interpreter where the platform
// forbids code generation.
import type { Message } from "@bufbuild/protobuf";
import type { Collector } from "../rules/index.js";
import { canGenerate } from "./compile.js";
import { LIST_MESSAGE, MAP_MESSAGE, MESSAGE } from "./kinds.js";
import type { Plan, Run, Step } from "./plan.js";
import { childFlags, oneofValue } from "./walk.js";

/** The rules-only form of one plan. */
interface RulesPlan {
  /** The message steps that lead to rules (a subset of plan.steps, in the same order). */
  readonly steps: Step[];
  readonly check: ((m: Message, c: Collector, f: number) => void) | undefined;
  run: Run;
}

// One table per form of walker: compiled, and interpreted (where code generation is forbidden,
// or when a test asks for it).
const compiledForms = new WeakMap<Plan, RulesPlan>();
const interpretedForms = new WeakMap<Plan, RulesPlan>();

const NOTHING: Run = () => {};

/**
 * The rules-only walker of `plan`, with those of every plan it reaches built (a walker never
 * meets a stub, so its call sites stay monomorphic). `interpret`: the interpreter's walkers
 * (default: only where code generation is not allowed).
 */
export function rulesRunOf(plan: Plan, interpret = !canGenerate()): Run {
  const rulesOf = interpret ? interpretedForms : compiledForms;
  const known = rulesOf.get(plan);
  if (known !== undefined) return known.run;
  prepareRules(plan, rulesOf, interpret);
  return (rulesOf.get(plan) as RulesPlan).run;
}

function prepareRules(root: Plan, rulesOf: WeakMap<Plan, RulesPlan>, interpret: boolean): void {
  // Every plan reachable from the root that has no rules-only form yet.
  const plans: Plan[] = [];
  const seen = new Set<Plan>();
  const stack = [root];
  while (stack.length > 0) {
    const plan = stack.pop() as Plan;
    if (seen.has(plan) || rulesOf.has(plan)) continue;
    seen.add(plan);
    plans.push(plan);
    for (const step of plan.steps) if (step.child !== undefined) stack.push(step.child);
  }
  // Which of them lead to rules: a fixpoint, since types may hold themselves (directly or not).
  // A plan prepared by an earlier call already knows: its walker is NOTHING iff it leads nowhere.
  const leads = new Set<Plan>();
  const leadsTo = (p: Plan): boolean =>
    seen.has(p) ? leads.has(p) : (rulesOf.get(p) as RulesPlan).run !== NOTHING;
  for (const plan of plans) if (plan.check !== undefined) leads.add(plan);
  for (let changed = true; changed; ) {
    changed = false;
    for (const plan of plans) {
      if (leads.has(plan)) continue;
      if (plan.steps.some((s) => isMessageStep(s) && leadsTo(s.child as Plan))) {
        leads.add(plan);
        changed = true;
      }
    }
  }
  // Forms first (children may point at each other), then the walkers.
  for (const plan of plans) {
    rulesOf.set(plan, {
      steps: plan.steps.filter((s) => isMessageStep(s) && leadsTo(s.child as Plan)),
      check: plan.check as RulesPlan["check"],
      run: NOTHING,
    });
  }
  for (const plan of plans) {
    if (!leads.has(plan)) continue;
    const form = rulesOf.get(plan) as RulesPlan;
    const children = form.steps.map((s) => rulesOf.get(s.child as Plan) as RulesPlan);
    form.run = interpret
      ? (m, c, f) => interpretRules(form, children, m, c, f)
      : build(plan, form, children);
  }
}

function isMessageStep(step: Step): boolean {
  return step.kind === MESSAGE || step.kind === LIST_MESSAGE || step.kind === MAP_MESSAGE;
}

/** What generated code calls back into. */
const HELPERS = { childFlags, oneofValue, walkMap };

function build(plan: Plan, form: RulesPlan, children: readonly RulesPlan[]): Run {
  // A child whose walk is its rules alone (no message below it leads to rules: IDs, scalars,
  // ranges, sets) is checked by a direct call of its rules, one call instead of two.
  const leaves = children.map((child) => (child.steps.length === 0 ? child.check : undefined));
  const factory = new Function("S", "R", "H", "K", "L", source(plan, form, leaves)) as (
    steps: readonly Step[],
    rules: readonly RulesPlan[],
    h: typeof HELPERS,
    check: RulesPlan["check"],
    leaves: readonly RulesPlan["check"][],
  ) => Run;
  return factory(form.steps, children, HELPERS, form.check, leaves);
}

// `return function (m, c, flags) { ... }`: one block per step, then the type's rules. R[i].run is
// read at call time: the child's walker may be built after this one (recursive types).
function source(plan: Plan, form: RulesPlan, leaves: readonly RulesPlan["check"][]): string {
  const lines = ['"use strict";', "return function (m, c, flags) {", "let v;"];
  form.steps.forEach((step, i) => {
    const name = JSON.stringify(step.name);
    const flags = step.flags === undefined ? "0" : `H.childFlags(S[${i}], m, flags)`;
    const run = leaves[i] === undefined ? `R[${i}].run` : `L[${i}]`;
    lines.push(
      step.oneof === undefined
        ? `v = m[${JSON.stringify(step.key)}];`
        : `v = H.oneofValue(m, S[${i}]);`,
    );
    if (step.kind === MESSAGE) {
      lines.push(
        `if (v !== undefined) { c.path.push(${name}); ${run}(v, c, ${flags}); c.path.pop(); }`,
      );
    } else if (step.kind === LIST_MESSAGE) {
      lines.push(
        // One push for the whole list; the index slot is rewritten per element (a child's
        // walk leaves the path as it found it).
        `{ const n = v.length; if (n !== 0) { const p = c.path; const run = ${run}; const f = ${flags}; p.push(${name}, 0); const at = p.length - 1;`,
        `  for (let j = 0; j < n; j++) { p[at] = j; run(v[j], c, f); } p.pop(); p.pop(); } }`,
      );
    } else {
      lines.push(`H.walkMap(c, S[${i}], R[${i}], v, ${flags});`);
    }
  });
  if (form.check !== undefined) lines.push("K(m, c, flags);");
  lines.push("};");
  lines.push(
    `//# sourceURL=mesos-dockerinfo:rules/${plan.desc.typeName.replace(/[^A-Za-z0-9_.]/g, "_")}`,
  );
  return lines.join("\n");
}

function interpretRules(
  form: RulesPlan,
  children: readonly RulesPlan[],
  msg: Message,
  c: Collector,
  flags: number,
): void {
  const record = msg as unknown as Record<string, unknown>;
  for (let i = 0; i < form.steps.length; i++) {
    const step = form.steps[i] as Step;
    const child = children[i] as RulesPlan;
    const value = step.oneof === undefined ? record[step.key] : oneofValue(record, step);
    const f = childFlags(step, msg, flags);
    if (step.kind === MESSAGE) {
      if (value === undefined) continue;
      c.path.push(step.name);
      child.run(value as Message, c, f);
      c.path.pop();
    } else if (step.kind === LIST_MESSAGE) {
      const list = value as readonly Message[];
      for (let j = 0; j < list.length; j++) {
        c.path.push(step.name, j);
        child.run(list[j] as Message, c, f);
        c.path.pop();
        c.path.pop();
      }
    } else {
      walkMap(c, step, child, value, f);
    }
  }
  if (form.check !== undefined) form.check(msg, c, flags);
}

// Map values in key order, as the full walker visits them.
function walkMap(c: Collector, step: Step, child: RulesPlan, value: unknown, f: number): void {
  const map = value as Record<string, Message>;
  for (const key of Object.keys(map)) {
    c.path.push(step.name, key);
    child.run(map[key] as Message, c, f);
    c.path.pop();
    c.path.pop();
  }
}
