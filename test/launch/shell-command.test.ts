import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect, it } from "vitest";
// src/launch/index.ts does not re-export it yet (another branch restructures src/launch).
import { shellCommand } from "../../src/launch/index.js";
import { LaunchError } from "../../src/problems/index.js";

// Each row: argv, and the exact text. The first word is a harmless command so that only the
// quoting of the argument is under test (the first-word rules have rows of their own).
const ARGUMENT_ROWS: [string, string, string][] = [
  ["safe word", "busybox:1.36", "busybox:1.36"],
  ["option", "--cpu-shares", "--cpu-shares"],
  ["volume spec", "/var/data:/data:rw", "/var/data:/data:rw"],
  ["assignment-like word after the command", "MODE=demo", "MODE=demo"],
  ["digest", "busybox@sha256:ab", "busybox@sha256:ab"],
  ["empty", "", "''"],
  ["spaces", "a b  c", "'a b  c'"],
  [
    "&& (runs a second command unquoted)",
    "ls /data && cat /etc/hostname",
    "'ls /data && cat /etc/hostname'",
  ],
  ["$() command substitution", "$(id)", "'$(id)'"],
  ["backticks", "`id`", "'`id`'"],
  ["variable", "$HOME", "'$HOME'"],
  ["single quote", "it's", "'it'\\''s'"],
  ["only a quote", "'", "''\\'''"],
  ["double quote", 'say "hi"', "'say \"hi\"'"],
  ["backslash", "a\\b", "'a\\b'"],
  ["history expansion", "hi!", "'hi!'"],
  ["glob", "*.log", "'*.log'"],
  ["tilde", "~/x", "'~/x'"],
  ["comment", "#x", "'#x'"],
  ["semicolon and pipe", "a;b|c", "'a;b|c'"],
  ["redirection", ">out", "'>out'"],
  ["braces", "{a,b}", "'{a,b}'"],
  ["zsh equals expansion", "=ls", "'=ls'"],
  ["newline stays inside the quotes", "a\nb", "'a\nb'"],
  ["escape sequence stays inside the quotes", "\u001b[31mred", "'\u001b[31mred'"],
  ["tab and carriage return", "a\tb\rc", "'a\tb\rc'"],
  ["unicode", "héllo wörld ☃ 🐳", "'héllo wörld ☃ 🐳'"],
];

describe("shellCommand: one argument", () => {
  it.each(ARGUMENT_ROWS)("%s", (_name, arg, text) => {
    expect(shellCommand(["echo", arg])).toBe(`echo ${text}`);
  });
});

describe("shellCommand: the first word", () => {
  it.each([
    ["a plain command stays bare", ["docker", "run"], "docker run"],
    ["an assignment-like first word is quoted (else sh assigns)", ["A=b", "x"], "'A=b' x"],
    ["a path", ["/usr/bin/docker"], "/usr/bin/docker"],
    ["an empty command", [""], "''"],
    ["no argv at all", [], ""],
  ] as [string, string[], string][])("%s", (_name, argv, text) => {
    expect(shellCommand(argv)).toBe(text);
  });
});

describe("shellCommand: arguments no process can receive", () => {
  it.each([
    [
      "NUL",
      ["docker", "run", "a\0b"],
      "string_contains_nul",
      2,
      /argv\[2\] has a NUL character at index 1/,
    ],
    [
      "lone surrogate",
      ["x\ud800"],
      "unpaired_surrogate",
      0,
      /argv\[0\] has an unpaired .* at index 1/,
    ],
  ] as [string, string[], string, number, RegExp][])(
    "%s is a LaunchError",
    (_n, argv, code, at, message) => {
      let caught: unknown;
      try {
        shellCommand(argv);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(LaunchError);
      const error = caught as LaunchError;
      expect(error.issues).toHaveLength(1);
      expect(error.code).toBe(code);
      expect(error.path).toEqual([at]);
      expect(error.issues[0]?.message).toMatch(message);
    },
  );

  it("a surrogate pair (an emoji) is fine", () => {
    expect(shellCommand(["🐳"])).toBe("'🐳'");
  });
});

// --- read back by real shells ----------------------------------------------------------------
// A shell per case would be slow, so every case becomes one line of a single script: the line is
// the rendered command of ["p", ...args], where p prints its argument count and arguments,
// NUL-terminated; the output is then split and compared in-process.
const PRINTER = `p() { printf '%s\\000' "$#" "$@"; }\n`;

// A command named like an assignment, on PATH, for the first-word rule.
const bin = mkdtempSync(join(tmpdir(), "mdi-shell-"));
writeFileSync(join(bin, "A=b"), `#!/bin/sh\nprintf '%s\\000' "$#" "$@"\n`);
chmodSync(join(bin, "A=b"), 0o755);
afterAll(() => rmSync(bin, { recursive: true, force: true }));

// What each shell read, one argument list per line of the script.
function readBack(
  shell: string,
  commands: readonly string[],
  counts: readonly number[],
): string[][] {
  const script = `PATH="${bin}:$PATH"\n${PRINTER}${commands.join("\n")}\n`;
  const r = spawnSync(shell, ["-c", script], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const fields = r.stdout.split("\0");
  const lists: string[][] = [];
  let at = 0;
  for (const _ of counts) {
    const n = Number(fields[at]);
    lists.push(fields.slice(at + 1, at + 1 + n));
    at += 1 + n;
  }
  expect(at).toBe(fields.length - 1);
  return lists;
}

const SHELLS = ["/bin/sh", "bash", "zsh"].filter(
  (shell) => spawnSync(shell, ["-c", "exit 0"]).status === 0,
);

// Mostly the characters quoting must handle, plus any ASCII and any code point. NUL and lone
// surrogates cannot be argv (they throw, tested above).
const special = fc.constantFrom(
  "'",
  '"',
  "\\",
  "$",
  "`",
  "!",
  "*",
  "?",
  "[",
  "~",
  "#",
  "=",
  "%",
  "^",
  "{",
  "}",
  "(",
  ";",
  "&",
  "|",
  "<",
  " ",
  "\n",
  "\t",
  "\r",
  "\u001b",
  "-",
);
const unit = fc.oneof(
  special,
  fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 1 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);
const argument = fc
  .string({ unit, maxLength: 12 })
  .filter((s) => !s.includes("\0") && !/\p{Cs}/u.test(s));
const argvs = fc.array(fc.array(argument, { maxLength: 6 }), { minLength: 1, maxLength: 150 });

describe.each(SHELLS)("shellCommand read back by %s", (shell) => {
  it("the table rows and the first-word rows run as their argv", () => {
    const cases = [
      ...ARGUMENT_ROWS.map(([, arg]) => ["p", arg]),
      ["p", "=ls", "~", "*"],
      ["A=b", "x", "y z"],
    ];
    const got = readBack(
      shell,
      cases.map((argv) => shellCommand(argv)),
      cases.map((argv) => argv.length),
    );
    expect(got).toEqual(cases.map((argv) => argv.slice(1)));
  });

  test.prop([argvs], { numRuns: 3 })("random argvs run as themselves", (lists) => {
    const got = readBack(
      shell,
      lists.map((args) => shellCommand(["p", ...args])),
      lists.map((args) => args.length),
    );
    expect(got).toEqual(lists);
  });
});

it("sh is among the shells the read-back runs in", () => {
  expect(SHELLS).toContain("/bin/sh");
});
