// Every v1 near miss fails with its code at its path and no other error, and the v1 defects cover
// every error rule of Mesos 1.11 reachable in a TaskInfo (the exclusions say why the rest are not).
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { CODES, type IssueCode } from "../../src/problems/index.js";
import {
  invalidV1TaskInfo,
  V1_DEFECT_EXCLUSIONS,
  V1_DEFECTS,
  v1TaskInfo,
} from "../../src/testing/index.js";
import { TaskInfoSchema } from "../../src/v1/index.js";
import { RULE_CODES, validate } from "../../src/validation/index.js";

const V1_ERRORS = RULE_CODES.filter(
  (code) => CODES[code].severity === "error" && CODES[code].schemas.includes("v1"),
);

describe("v1 near misses", () => {
  test("the defects cover every v1 error rule but the excluded ones, and the exclusions say why", () => {
    const excluded = Object.keys(V1_DEFECT_EXCLUSIONS) as IssueCode[];
    for (const code of excluded) expect(V1_DEFECT_EXCLUSIONS[code]?.length).toBeGreaterThan(20);
    const covered = new Set(V1_DEFECTS.map((d) => d.code));
    expect([...covered].sort()).toEqual(V1_ERRORS.filter((c) => !excluded.includes(c)).sort());
  });

  test("the arbitrary itself is valid (no error) for Mesos 1.11", () => {
    fc.assert(
      fc.property(v1TaskInfo(), (task) => {
        const errors = validate(TaskInfoSchema, task).issues.filter((i) => i.severity === "error");
        expect(errors).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  for (const [i, defect] of V1_DEFECTS.entries()) {
    test(`${defect.code} (#${i}): exactly that error at its path`, () => {
      fc.assert(
        fc.property(invalidV1TaskInfo([defect]), ({ task, expected }) => {
          const errors = validate(TaskInfoSchema, task).issues.filter(
            (x) => x.severity === "error",
          );
          expect(errors.map((e) => ({ code: e.code, path: e.path }))).toEqual([expected]);
        }),
        { numRuns: 25 },
      );
    });
  }
});
