// The README's claims that can drift are checked against the code: the rule table is the one
// rulesTable() renders from RULES, and the main job's output is what the CLI really prints.
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { RULE_CODES, rulesTable } from "../../src/validation/index.js";
import { runMain } from "../cli/run-cli.js";
import { ROOT } from "../helpers/buf.js";

const README = readFileSync(resolve(ROOT, "README.md"), "utf8");

function between(start: string, end: string): string {
  const a = README.indexOf(start);
  const b = README.indexOf(end, a + start.length);
  expect(a, `README has ${start}`).toBeGreaterThanOrEqual(0);
  expect(b, `README has ${end}`).toBeGreaterThan(a);
  return README.slice(a + start.length, b).trim();
}

describe("README", () => {
  test("the rule table is exactly rulesTable() and names every issue code", () => {
    const table = between("<!-- rules-table:start -->", "<!-- rules-table:end -->");
    expect(table).toBe(rulesTable().trim());
    for (const code of RULE_CODES) expect(table).toContain(`\`${code}\``);
  });

  test("the two set-up commands are stated, and .ci/run runs exactly the test one", () => {
    expect(README).toContain("npm ci && npx mesos-dockerinfo check examples/*.json");
    expect(README).toContain("npm ci && npm test");
    const ci = readFileSync(resolve(ROOT, ".ci/run"), "utf8");
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });

  test.each([
    ["examples/*.json", "The main job\nprints", 0],
    ["examples/invalid/*.json", "shows the diagnostics:", 1],
  ])("the shown output of `check %s` is the CLI's real output", async (glob, marker, exitCode) => {
    const at = README.indexOf(marker);
    expect(at).toBeGreaterThanOrEqual(0);
    const shown = README.slice(
      README.indexOf("```\n", at) + 4,
      README.indexOf("\n```", README.indexOf("```\n", at) + 4),
    );
    const dir = glob.slice(0, glob.lastIndexOf("/"));
    const files = readdir(dir);
    // A user's plain terminal-less run (runMain drops vitest's FORCE_COLOR); in-process, as
    // test/cli/usage.test.ts shows the bin prints exactly what main() prints.
    const r = await runMain(["check", ...files], { cwd: ROOT, env: { NO_COLOR: "1" } });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe(shown.trim());
    expect(r.status).toBe(exitCode);
  });
});

function readdir(dir: string): string[] {
  return readdirSync(resolve(ROOT, dir))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => `${dir}/${f}`);
}
