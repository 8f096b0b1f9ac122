import { spawnSync } from "node:child_process";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { shellCommand } from "../../src/launch/index.js";

// shellCommand with { escapeControls: true }, what the CLI prints: an argument with control
// characters as $'…', every other as shellCommand always writes it.
const shellJoin = (argv: readonly string[]) => shellCommand(argv, { escapeControls: true });
// One argument in a position after the first (the first word has one more rule: NAME=value).
const shellQuote = (arg: string) => shellJoin(["docker", arg]).slice("docker ".length);

describe("shellCommand, escapeControls: one argument", () => {
  it.each([
    ["docker", "docker"],
    ["--cpu-shares", "--cpu-shares"],
    ["/var/data:/data:rw", "/var/data:/data:rw"],
    ["MODE=demo", "MODE=demo"],
    ["busybox@sha256:ab", "busybox@sha256:ab"],
    ["", "''"],
    ["ls /data && cat /etc/hostname", "'ls /data && cat /etc/hostname'"],
    ["it's", "'it'\\''s'"],
    ["$HOME", "'$HOME'"],
    ["a*b", "'a*b'"],
    ["a\nb", "$'a\\nb'"],
    ["\u001b[31mred", "$'\\x1b[31mred'"],
    ["tab\there's", "$'tab\\there\\'s'"],
    // Above U+007F: the UTF-8 bytes, the only escape $'…' has in POSIX.
    ["a\u0085b", "$'a\\xc2\\x85b'"],
    ["\u009b2J", "$'\\xc2\\x9b2J'"],
    ["a\u2028b", "$'a\\xe2\\x80\\xa8b'"],
    ["\u202egnp.exe", "$'\\xe2\\x80\\xaegnp.exe'"],
    ["é", "'é'"],
  ])("%j → %s", (arg, quoted) => {
    expect(shellQuote(arg)).toBe(quoted);
  });

  it("joins with single spaces", () => {
    expect(shellJoin(["docker", "run", "a b"])).toBe("docker run 'a b'");
  });

  it("keeps the rules of the default form: a first word NAME=value and a word starting with = are quoted", () => {
    expect(shellJoin(["MODE=demo", "=ls", "a\nb"])).toBe("'MODE=demo' '=ls' $'a\\nb'");
    expect(shellCommand(["a\nb"])).toBe("'a\nb'");
  });
});

// The quoted text, read back by a real shell, gives the exact argv (bash: it has $'…').
// Characters are drawn mostly from the ones quoting must handle; NUL cannot be in an argv element
// at all, so it is left out.
const special = fc.constantFrom(
  "'",
  '"',
  "\\",
  "$",
  "`",
  "!",
  "*",
  " ",
  "\n",
  "\t",
  "\u001b",
  "\u0085",
  "\u009b",
  "\u2028",
  "\u202e",
  "=",
  "-",
);
const unit = fc.oneof(
  special,
  fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 1 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);
const argument = fc.string({ unit, maxLength: 12 }).filter((s) => !s.includes("\0"));

describe("shellCommand, escapeControls: read back by bash", () => {
  test.prop([fc.array(argument, { minLength: 1, maxLength: 6 })], { numRuns: 40 })(
    "bash sees the same arguments",
    (args) => {
      const script = `printf '%s\\0' ${shellJoin(args)}`;
      const result = spawnSync("bash", ["-c", script], { encoding: "utf8" });
      expect(result.status).toBe(0);
      expect(result.stdout.split("\0").slice(0, -1)).toEqual(args);
    },
  );
});
