// Properties of the wave-2 rules over their input spaces (unpaired surrogates, NUL, range
// overlaps), and of the plan: its compiled walker and its interpreter report the same issues.
import { create, type DescMessage, type Message } from "@bufbuild/protobuf";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  EnvironmentSchema,
  OfferSchema,
  TaskInfoSchema,
  Value_RangesSchema,
} from "../../gen/mesos/mesos_pb.js";
import { encode } from "../../src/codec/index.js";
import { Collector } from "../../src/rules/index.js";
import { arbitraryMessage, invalidTaskInfo, offer, taskInfo } from "../../src/testing/index.js";
import { sortIssues } from "../../src/validation/order.js";
import { planOf } from "../../src/validation/plan.js";
import { walk } from "../../src/validation/walk.js";
import { check, cmd, docker, keys, withCode } from "./build.js";

// Strings with lone surrogates among ordinary text and valid pairs.
const surrogateText = fc.string({
  unit: fc.oneof(
    fc.constantFrom("a", "é", "\ud83d\ude00", "\ud800", "\udbff", "\udc00", "\udfff"),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  ),
  maxLength: 8,
});

// A reference for "has an unpaired surrogate", written independently of the rule.
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("unpaired surrogates", () => {
  test.prop([surrogateText])("reported at the field iff the string has one", (name) => {
    const task = docker((t) => (t.name = name));
    const found = withCode(check(TaskInfoSchema, task).issues, "unpaired_surrogate");
    expect(found.map((i) => i.path)).toEqual(LONE.test(name) ? [["name"]] : []);
  });

  test.prop([surrogateText])("validate reports what encode refuses", (arg) => {
    const task = docker((t) => {
      cmd(t).shell = false;
      cmd(t).arguments = ["x", arg];
    });
    const reported = withCode(check(TaskInfoSchema, task).issues, "unpaired_surrogate");
    let refused = false;
    try {
      encode(TaskInfoSchema, task);
    } catch {
      refused = true;
    }
    expect(reported.length > 0).toBe(refused);
    if (refused) expect(reported[0]?.path).toEqual(["command", "arguments", 1]);
  });
});

describe("NUL in what reaches exec", () => {
  test.prop([fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), fc.boolean()])(
    "an environment value with NUL anywhere is string_contains_nul at its path",
    (before, after, nul) => {
      const value = nul ? `${before}\0${after}` : `${before}${after}`;
      const task = docker(
        (t) =>
          (cmd(t).environment = create(EnvironmentSchema, { variables: [{ name: "A", value }] })),
      );
      const found = withCode(check(TaskInfoSchema, task).issues, "string_contains_nul");
      expect(found.map((i) => i.path)).toEqual(
        value.includes("\0") ? [["command", "environment", "variables", 0, "value"]] : [],
      );
    },
  );
});

describe("range overlaps (sort and sweep)", () => {
  const range = fc
    .tuple(fc.bigInt({ min: 0n, max: 60n }), fc.bigInt({ min: 0n, max: 8n }))
    .map(([begin, len]) => ({ begin, end: begin + len }));

  test.prop([fc.array(range, { maxLength: 80 })])(
    "an issue iff some pair overlaps; each names an earlier range it truly overlaps",
    (list) => {
      const ranges = create(Value_RangesSchema, { range: list });
      const found = withCode(check(Value_RangesSchema, ranges).issues, "ranges_overlap");
      const overlap = (a: (typeof list)[number], b: (typeof list)[number]) =>
        a.begin <= b.end && b.begin <= a.end;
      const any = list.some((a, i) => list.some((b, j) => i < j && overlap(a, b)));
      expect(found.length > 0).toBe(any);
      for (const issue of found) {
        const at = issue.path[1] as number;
        const named = Number(/overlaps range\[(\d+)\]/.exec(issue.message)?.[1]);
        expect(named).toBeLessThan(at);
        expect(
          overlap(list[at] as (typeof list)[number], list[named] as (typeof list)[number]),
        ).toBe(true);
      }
    },
  );

  test("10,000 ranges are judged quickly (no quadratic pass)", () => {
    const list = Array.from({ length: 10_000 }, (_, i) => ({
      begin: BigInt(i * 10),
      end: BigInt(i * 10 + 5),
    }));
    list[9_999] = { begin: 3n, end: 4n };
    const started = performance.now();
    const found = withCode(
      check(Value_RangesSchema, create(Value_RangesSchema, { range: list })).issues,
      "ranges_overlap",
    );
    expect(performance.now() - started).toBeLessThan(500);
    expect(found.map((i) => i.path)).toEqual([["range", 9_999]]);
  });
});

describe("the plan: compiled walker and interpreter agree", () => {
  function interpreted(schema: DescMessage, msg: Message): string[] {
    const c = new Collector();
    try {
      walk(planOf(schema), msg, c, 0);
    } catch {
      return ["threw"];
    }
    sortIssues(schema, c.issues);
    return keys(c.issues).concat(c.issues.map((i) => i.message));
  }
  function compiled(schema: DescMessage, msg: Message): string[] {
    const result = check(schema, msg);
    if (result.issues.some((i) => i.code === "invalid_input")) return ["threw"];
    return keys(result.issues).concat(result.issues.map((i) => i.message));
  }

  test.prop([
    fc.oneof(
      arbitraryMessage(TaskInfoSchema),
      taskInfo(),
      invalidTaskInfo().map((n) => n.task),
    ),
  ])("TaskInfo", (task) => {
    expect(compiled(TaskInfoSchema, task)).toEqual(interpreted(TaskInfoSchema, task));
  });

  test.prop([fc.oneof(arbitraryMessage(OfferSchema), offer())])("Offer", (o) => {
    expect(compiled(OfferSchema, o)).toEqual(interpreted(OfferSchema, o));
  });
});
