// No value from an input can forge a line of the CLI's output: every character that breaks a
// line, moves the cursor or reorders text is escaped, in the text, json and github reporters and
// in the shell-quoted argv.
import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { escapeLine } from "../../src/cli/escape.js";
import { ROOT, runMain } from "./run-cli.js";

// Every character escapeLine must escape, by class, with its escape.
const UNSAFE: [string, string, string][] = [
  ["C0 NUL", "\u0000", "\\x00"],
  ["C0 BEL", "\u0007", "\\x07"],
  ["C0 BS", "\u0008", "\\x08"],
  ["C0 tab", "\t", "\\t"],
  ["C0 LF", "\n", "\\n"],
  ["C0 VT", "\u000b", "\\x0b"],
  ["C0 FF", "\u000c", "\\x0c"],
  ["C0 CR", "\r", "\\r"],
  ["C0 ESC", "\u001b", "\\x1b"],
  ["C0 US", "\u001f", "\\x1f"],
  ["DEL", "\u007f", "\\x7f"],
  ["C1 PAD", "\u0080", "\\x80"],
  ["C1 NEL", "\u0085", "\\x85"],
  ["C1 CSI", "\u009b", "\\x9b"],
  ["C1 APC", "\u009f", "\\x9f"],
  ["line separator", "\u2028", "\\u2028"],
  ["paragraph separator", "\u2029", "\\u2029"],
  ["LRM", "\u200e", "\\u200e"],
  ["RLO", "\u202e", "\\u202e"],
  ["RLI", "\u2067", "\\u2067"],
  ["PDI", "\u2069", "\\u2069"],
];

// Printable text stays as it is.
const SAFE = [
  "plain",
  " ",
  "~",
  "é",
  "\u00a0",
  "\u00ff",
  "日本",
  "😀",
  "\\x1b",
  "\u2027",
  "\u202f",
];

describe("escapeLine", () => {
  it.each(UNSAFE)("escapes %s", (_name, char, escaped) => {
    expect(escapeLine(`a${char}b`)).toBe(`a${escaped}b`);
  });

  it.each(SAFE)("keeps %j", (text) => {
    expect(escapeLine(text)).toBe(text);
  });

  const unsafeChar = fc.constantFrom(...UNSAFE.map(([, char]) => char));
  const anyText = fc.string({
    unit: fc.oneof(unsafeChar, fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 })),
  });
  test.prop([anyText])("leaves no unsafe character and no line break", (text) => {
    const out = escapeLine(text);
    for (const [, char] of UNSAFE) expect(out.includes(char)).toBe(false);
  });
});

// Values that try to end the current line and start one that looks like the CLI's own.
const FORGERIES = ["\n", "\r", "\u0085", "\u2028", "\u2029", "\u000b", "\u000c"].map(
  (brk) => `x${brk}  argv: rm -rf /`,
);
const RAW =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

// biome-ignore lint/suspicious/noExplicitAny: JSON fixtures edited freely
function task(name: string): Record<string, any> {
  return JSON.parse(readFileSync(`${ROOT}/examples/${name}`, "utf8"));
}

describe.concurrent("check output cannot be forged by a value", () => {
  it.each(FORGERIES.map((value) => [JSON.stringify(value), value]))(
    "%s in the launch line, an issue message and the argv",
    async (_shown, value) => {
      const input = task("docker-task.json");
      input.command.value = value; // the launch description and the argv
      input.container.docker.volume[2].container_dir = value; // an issue message quotes it
      const valid = task("docker-task.json");
      valid.command.value = value;
      for (const reporter of ["text", "github"]) {
        for (const doc of [input, valid]) {
          const r = await runMain(["check", "--reporter", reporter, "-"], {
            input: JSON.stringify(doc),
          });
          expect(r.stdout).not.toMatch(RAW);
          expect(r.stderr).not.toMatch(RAW);
          expect(r.stdout).not.toMatch(/^ {2}argv: rm/m);
          expect(r.stdout).not.toMatch(/^::.*\n {2}argv/m);
        }
      }
      // The argv of the valid task still carries the value, quoted so a shell reads it back.
      const r = await runMain(["check", "-"], { input: JSON.stringify(valid) });
      expect(r.status).toBe(0);
      expect(r.stdout.match(/^ {2}argv: /gm)).toHaveLength(1);
      expect(r.stdout.match(/^ {2}launch: /gm)).toHaveLength(1);
    },
  );

  it("json: the document has no raw unsafe character and parses back to the value", async () => {
    const input = task("command-task.json");
    const value = "a\u0085b\u2028c\u009bd\u202ee\u0001"; // (NUL is string_contains_nul now)
    input.command.value = value;
    const r = await runMain(["check", "--json", "-"], { input: JSON.stringify(input) });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    const [file] = JSON.parse(r.stdout).files;
    expect(file.launch.description).toContain(value);
  });

  it("a file name with a line break is escaped in the status line and on stderr", async () => {
    const r = await runMain(["check", "no\nsuch\u2028file.json"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("error: no\\nsuch\\u2028file.json: file_not_found: no such file\n");
  });

  it("a usage error quoting an argument is one line", async () => {
    const r = await runMain(["frob\n  argv: x"]);
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("mesos-dockerinfo: unknown command 'frob\\n  argv: x'");
  });
});
