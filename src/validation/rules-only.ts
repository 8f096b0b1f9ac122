// The rules-only walk of a plan: validate()'s walk minus everything structural (required fields,
// closed enums, unpaired surrogates), for a message the strict decoder has just built, where those
// steps can find nothing (validate-decoded.ts says why, and where it may be used). It visits only
// message fields that lead to bound rules, and runs each type's rules after its children, with
// the same child flags, in the same order as the full walk. It is itself a plan (those message
// steps, none required, each pointing at its type's rules-only plan, and the same rules), so one
// compiler (compile.ts) and one interpreter (walk.ts) run both walks.
//
// A type may bind a fast verdict (Binding.clean): the compiled walk asks it first and skips the
// subtree when it says clean; the interpreter asks only for a type without children (whose rules
// the verdict wraps). Either way the issues come from the rules alone.
import { bindingOf, type Collector } from "../rules/index.js";
import { buildRun, canGenerate, compileTree } from "./compile.js";
import { LIST_MESSAGE, MAP_MESSAGE, MESSAGE } from "./kinds.js";
import type { Plan, Run, Step } from "./plan.js";
import { walk } from "./walk.js";

// Full plan -> its rules-only plan, or null when no rule is reachable from it.
const rulesForms = new WeakMap<Plan, Plan | null>();

const NOTHING: Run = () => {};

/**
 * The rules-only walker of `plan` (those of every plan it reaches are built first, so a walker
 * never meets a stub and its call sites stay monomorphic). `interpret`: the interpreter instead
 * of the compiled walker (default: only where code generation is not allowed).
 */
export function rulesRunOf(plan: Plan, interpret = !canGenerate()): Run {
  const rules = rulesPlanOf(plan);
  if (rules === null) return NOTHING;
  if (interpret) return (m, c, f) => walk(rules, m, c, f);
  compileTree(rules);
  return rules.run;
}

/**
 * The rules-only form of `plan` (its walker is `.run`, read at each call: it is replaced when
 * the plan is compiled), or null when no rule is reachable from it.
 */
export function rulesPlanOf(plan: Plan): Plan | null {
  if (!rulesForms.has(plan)) prepareRules(plan);
  return rulesForms.get(plan) as Plan | null;
}

function prepareRules(root: Plan): void {
  // Every plan reachable from the root that has no rules-only form yet.
  const plans = new Set<Plan>();
  const stack = [root];
  while (stack.length > 0) {
    const plan = stack.pop() as Plan;
    if (plans.has(plan) || rulesForms.has(plan)) continue;
    plans.add(plan);
    for (const step of plan.steps) if (step.child !== undefined) stack.push(step.child);
  }
  // Which of them lead to rules: a fixpoint, since types may hold themselves (directly or not).
  // A plan prepared by an earlier call already knows: its form is null iff it leads nowhere.
  const leads = new Set<Plan>();
  const leadsTo = (p: Plan): boolean => (plans.has(p) ? leads.has(p) : rulesForms.get(p) !== null);
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
  // The forms first (children may point at each other, or at themselves), then their steps,
  // then the walkers (a step reads its child's walker at call time).
  const formed: Plan[] = [];
  for (const plan of plans) {
    if (!leads.has(plan)) {
      rulesForms.set(plan, null);
      continue;
    }
    const form: Plan = { ...plan, steps: [], run: NOTHING, rulesOnly: true };
    rulesForms.set(plan, form);
    formed.push(plan);
  }
  for (const plan of formed) {
    const form = rulesForms.get(plan) as Plan;
    for (const step of plan.steps) {
      if (!isMessageStep(step) || !leadsTo(step.child as Plan)) continue;
      form.steps.push({
        ...step,
        required: false,
        child: rulesForms.get(step.child as Plan) as Plan,
      });
    }
  }
  // A type whose binding has a fast verdict (Binding.clean) skips its subtree when the verdict
  // is clean: the compiled walker asks it first (compile.ts), and a form without steps, whose
  // parents call its rules directly, has them wrapped in it. All set before any walker is compiled.
  for (const plan of formed) {
    const form = rulesForms.get(plan) as Plan & { check: Check | undefined };
    const clean = bindingOf(plan.desc)?.clean;
    const check = form.check;
    if (clean !== undefined && form.steps.length > 0) {
      form.clean = clean;
    } else if (clean !== undefined && check !== undefined) {
      form.check = (m, c, f) => {
        if (!clean(m, f)) check(m, c, f);
      };
    }
    form.run = buildRun(form);
  }
}

type Check = (m: never, c: Collector, f: number) => void;

function isMessageStep(step: Step): boolean {
  return step.kind === MESSAGE || step.kind === LIST_MESSAGE || step.kind === MAP_MESSAGE;
}
