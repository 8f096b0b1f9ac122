// The README's launch decision table is written from DECISION_TABLE: same rows, in order, with
// the verdict (kind or invalid code) and exactly the warnings the tests check.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "vitest";
import { ROOT } from "../helpers/buf.js";
import { DECISION_TABLE } from "./decision-table.js";
import { V1_DECISION_TABLE } from "./v1-decision-table.js";

// The rows of the table under `heading`, up to the next heading.
function readmeRows(heading = "### Decision table\n"): string[][] {
  const readme = readFileSync(resolve(ROOT, "README.md"), "utf8");
  const start = readme.indexOf(heading);
  expect(start).toBeGreaterThan(0);
  const next = readme.slice(start + heading.length).search(/\n#{2,3} /);
  const end = next < 0 ? readme.length : start + heading.length + next;
  return readme
    .slice(start, end)
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| executor |"))
    .map((line) =>
      line
        .slice(2, -2)
        .split(" | ")
        .map((cell) => cell.trim()),
    );
}

test("one README row per DECISION_TABLE row, same conditions, verdict and warnings", () => {
  const rows = readmeRows();
  expect(rows).toHaveLength(DECISION_TABLE.length);
  DECISION_TABLE.forEach((row, i) => {
    const cells = rows[i] as string[];
    const [executor, command, executorContainer, taskContainer, legacy, verdict, warnings] = cells;
    expect(executor?.startsWith(row.executor)).toBe(true);
    expect(command?.startsWith(row.command)).toBe(true);
    expect(executorContainer?.startsWith(row.executorContainer)).toBe(true);
    expect(taskContainer?.startsWith(row.taskContainer)).toBe(true);
    expect(legacy?.startsWith(row.legacy)).toBe(true);
    if ("invalid" in row.verdict) {
      expect(verdict).toBe(`invalid: \`${row.verdict.invalid}\``);
    } else {
      expect(verdict?.startsWith(`\`${row.verdict.kind}\``)).toBe(true);
      expect(verdict?.includes("legacy: true")).toBe(row.verdict.legacy);
    }
    const listed = warnings === "–" ? [] : (warnings?.split(", ").map((w) => w.slice(1, -1)) ?? []);
    expect(listed).toEqual([...row.warnings]);
  });
});

test("the v1 table: one README row per V1_DECISION_TABLE row, same conditions, verdict and warnings", () => {
  const rows = readmeRows("### Decision table for Mesos 1.11 tasks (`mesos.v1`)\n");
  expect(rows).toHaveLength(V1_DECISION_TABLE.length);
  V1_DECISION_TABLE.forEach((row, i) => {
    const [executor, executorType, command, executorContainer, taskContainer, verdict, warnings] =
      rows[i] as string[];
    expect([executor, executorType, command, executorContainer, taskContainer]).toEqual([
      row.executor,
      row.executorType,
      row.command,
      row.executorContainer,
      row.taskContainer,
    ]);
    expect(verdict).toBe(
      "invalid" in row.verdict ? `invalid: \`${row.verdict.invalid}\`` : `\`${row.verdict.kind}\``,
    );
    const listed = warnings === "–" ? [] : (warnings?.split(", ").map((w) => w.slice(1, -1)) ?? []);
    expect(listed).toEqual([...row.warnings]);
  });
});
