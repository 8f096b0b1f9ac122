// Validation plans run interpreted for their first walks and compiled after COMPILE_AFTER
// (src/validation/compile.ts): both tiers must report the same issues in the same order, on
// valid, near-miss and random messages of both schemas, and the switch must happen as documented.
import { create, type DescMessage, type Message } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { CommandInfoSchema, OfferSchema, TaskInfoSchema } from "../../src/index.js";
import { Collector } from "../../src/rules/index.js";
import { arbitraryMessage, invalidTaskInfo, taskInfo } from "../../src/testing/index.js";
import * as v1 from "../../src/v1/index.js";
import { buildRun, COMPILE_AFTER, compileTree } from "../../src/validation/compile.js";
import { type Plan, planOf, readyPlanOf } from "../../src/validation/plan.js";
import { walk } from "../../src/validation/walk.js";

const SCHEMAS: [string, DescMessage][] = [
  ["seed TaskInfo", TaskInfoSchema],
  ["seed Offer", OfferSchema],
  ["v1 TaskInfo", v1.TaskInfoSchema],
  ["v1 Offer", v1.OfferSchema],
  ["v1 scheduler Call", v1.CallSchema],
];

function issuesOf(run: (m: Message, c: Collector, f: number) => void, m: Message, flags: number) {
  const c = new Collector();
  run(m, c, flags);
  return c.issues;
}

describe("the switch from interpreter to compiled walker", () => {
  test(`a plan is compiled on its walk number ${COMPILE_AFTER}, with its children, and its results do not change`, () => {
    // Fresh copies of CommandInfo's plan and of one child plan (plans are cached per type and
    // shared by every test in the worker, so the cached ones may already be compiled).
    const base = planOf(CommandInfoSchema);
    const at = base.steps.findIndex((step) => step.child !== undefined);
    const baseChild = base.steps[at]?.child as Plan;
    const child: Plan = { ...baseChild };
    child.run = buildRun(child);
    const plan: Plan = {
      ...base,
      steps: base.steps.map((s, i) => (i === at ? { ...s, child } : s)),
    };
    plan.run = buildRun(plan);
    const tiered = plan.run;
    const childTiered = child.run;
    const command = create(CommandInfoSchema, {
      value: "",
      uris: [{ value: "" }],
      environment: { variables: [{ name: "", value: "x" }] },
    });
    const results = [];
    for (let i = 1; i <= COMPILE_AFTER + 1; i++) {
      results.push(issuesOf(plan.run, command, 0));
      if (i < COMPILE_AFTER) expect(plan.run, `after walk ${i}`).toBe(tiered);
      else expect(plan.run, `after walk ${i}`).not.toBe(tiered);
    }
    expect(child.run).not.toBe(childTiered);
    expect(results[0]?.length).toBeGreaterThan(0);
    for (const result of results) expect(result).toEqual(results[0]);
  });
});

describe.each(SCHEMAS)("%s: interpreted and compiled walkers agree", (_name, schema) => {
  test("on random messages (most of them with issues), for every flag value", () => {
    const plan = readyPlanOf(schema);
    compileTree(plan);
    const compiled = plan.run;
    let withIssues = 0;
    fc.assert(
      fc.property(
        arbitraryMessage(schema, { maxDepth: 4, maxLength: 2 }),
        fc.integer({ min: 0, max: 3 }),
        (message, flags) => {
          const interpreted = issuesOf((m, c, f) => walk(plan, m, c, f), message, flags);
          if (interpreted.length > 0) withIssues++;
          expect(issuesOf(compiled, message, flags)).toEqual(interpreted);
        },
      ),
      { numRuns: 80 },
    );
    expect(withIssues).toBeGreaterThan(0);
  });
});

describe("seed TaskInfo: both tiers on valid and near-miss tasks", () => {
  test("the same issues (none for a valid task)", () => {
    const plan = readyPlanOf(TaskInfoSchema);
    compileTree(plan);
    fc.assert(
      fc.property(
        fc.oneof(
          taskInfo(),
          invalidTaskInfo().map((miss) => miss.task),
        ),
        (task) => {
          const interpreted = issuesOf((m, c, f) => walk(plan, m, c, f), task, 0);
          expect(issuesOf(plan.run, task, 0)).toEqual(interpreted);
        },
      ),
      { numRuns: 60 },
    );
  });
});
