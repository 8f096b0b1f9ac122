// `mesos-dockerinfo rules`: every code of the catalogue, in text and JSON, with what the
// catalogue says about it.
import { describe, expect, it } from "vitest";
import { CODES, ISSUE_CODES } from "../../src/problems/index.js";
import { runMain } from "./run-cli.js";

describe("rules --json", () => {
  it("lists every code of CODES, in catalogue order, with its catalogue entry", async () => {
    const r = await runMain(["rules", "--json"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const { rules } = JSON.parse(r.stdout);
    expect(rules.map((rule: { code: string }) => rule.code)).toEqual(ISSUE_CODES);
    for (const rule of rules) {
      const { code, ...info } = rule;
      expect(info).toEqual(JSON.parse(JSON.stringify(CODES[code as keyof typeof CODES])));
      expect(Object.keys(info).sort()).toEqual([
        "from",
        "schemas",
        "severity",
        "stricter",
        "what",
        "why",
      ]);
    }
  });
});

describe("rules (text)", async () => {
  const r = await runMain(["rules"]);
  const lines = r.stdout.trimEnd().split("\n");

  it("has a header and one line per code", () => {
    expect(r.status).toBe(0);
    expect(lines[0]).toMatch(/^code +severity +schemas +stricter +from +what — why$/);
    expect(lines).toHaveLength(ISSUE_CODES.length + 1);
  });

  it.each(ISSUE_CODES)("%s: severity, schemas, stricter, from, what and why", (code) => {
    const info = CODES[code];
    const line = lines.find((l) => l.startsWith(`${code} `));
    expect(line).toBeDefined();
    const [, severity, schemas, stricter, from] = (line as string).split(/ +/);
    expect(severity).toBe(info.severity);
    expect(schemas).toBe(info.schemas.join(","));
    expect(stricter).toBe(info.stricter ? "yes" : "no");
    expect(from).toBe(info.from.join(","));
    expect(line).toContain(`${info.what} — ${info.why}`);
  });

  it("the columns line up", () => {
    const severityColumn = (lines[0] as string).indexOf("severity");
    for (const line of lines.slice(1))
      expect(line.slice(severityColumn)).toMatch(/^(error|warning)/);
  });
});

describe("rules usage", () => {
  it("takes no arguments", async () => {
    const r = await runMain(["rules", "image_empty"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("rules takes no arguments");
    expect(r.stderr).toContain("mesos-dockerinfo rules --help");
  });
});
