// Near misses: a valid task with exactly one defect reports exactly that error at exactly that
// path, for every error rule a TaskInfo can break.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TaskInfoSchema } from "../../gen/mesos/mesos_pb.js";
import { CODES, type IssueCode } from "../../src/problems/index.js";
import {
  INVALID_TASK_INFO_EXCLUSIONS,
  invalidTaskInfo,
  invalidTaskInfoCodes,
} from "../../src/testing/index.js";
import { RULE_CODES, validate } from "../../src/validation/index.js";
import { property } from "./harness.js";

// The seed near misses cover the rules of the seed schema (v1 rules have V1_DEFECTS).
const ERROR_CODES = RULE_CODES.filter(
  (code) => CODES[code].severity === "error" && CODES[code].schemas.includes("seed"),
);

describe("invalidTaskInfo coverage", () => {
  it("draws from every error rule reachable in a TaskInfo; the exclusions say why", () => {
    const excluded = Object.keys(INVALID_TASK_INFO_EXCLUSIONS) as IssueCode[];
    for (const code of excluded) {
      expect(CODES[code].severity).toBe("error");
      expect(INVALID_TASK_INFO_EXCLUSIONS[code]?.length).toBeGreaterThan(20);
    }
    expect(new Set(invalidTaskInfoCodes())).toEqual(
      new Set(ERROR_CODES.filter((code) => !excluded.includes(code))),
    );
  });

  it("refuses codes it cannot produce, naming the reason", () => {
    expect(() => invalidTaskInfo({ code: "invalid_input" })).toThrow(/invalid_input.*decoded/);
    expect(() => invalidTaskInfo({ code: "path_not_clean" })).toThrow(/warning/);
    expect(() => invalidTaskInfo({ code: [] })).toThrow(/empty/);
  });
});

describe("each near miss reports its code at its path, and no other error", () => {
  for (const code of invalidTaskInfoCodes()) {
    property(
      code,
      fc.property(invalidTaskInfo({ code }), ({ task, expected }) => {
        expect(expected.code).toBe(code);
        const errors = validate(TaskInfoSchema, task).issues.filter((i) => i.severity === "error");
        expect(errors.map((e) => ({ code: e.code, path: e.path }))).toEqual([expected]);
      }),
      { runs: 40 },
    );
  }
  property(
    "any code (the mix a user gets by default)",
    fc.property(invalidTaskInfo(), ({ task, expected }) => {
      const result = validate(TaskInfoSchema, task);
      expect(result.success).toBe(false);
      const errors = result.issues.filter((i) => i.severity === "error");
      expect(errors.map((e) => ({ code: e.code, path: e.path }))).toEqual([expected]);
    }),
    { runs: 200 },
  );
});
