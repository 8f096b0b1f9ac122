// An argv rendered as ONE POSIX shell command line, for people to read and paste: pasted into sh,
// bash or zsh it runs exactly that argv. `dockerRunArgs(task).join(" ")` does not: in
// `sh -c 'ls /data && cat /etc/hostname'` the `&&` would end the docker command and run `cat` on
// the host. The argv itself stays the thing to execute (execFile / spawn); this is for display.
//
// By default only single quotes are used: inside them POSIX shells treat every character literally
// except the closing quote, so the rules fit in one line and need no shell-specific escapes ($'…'
// was not in every sh before POSIX.1-2024). Newlines and other control characters are written raw inside the quotes: a
// pasted multi-line argument shows continuation prompts (`> `) and still runs as one command
// with the newline inside that one argument. Other control characters reach the shell as written
// in a script, `sh -c`, or a paste into a line editor with bracketed paste (on by default since
// bash 5.1 and zsh 5.1); without it a terminal may act on them (a tab completes, a carriage return
// ends the line), which is why the argv, not this text, is what a program should execute.
// `{ escapeControls: true }` (the CLI's output) writes an argument with control characters as
// $'…' instead (bash, zsh, ksh, POSIX.1-2024 sh), so no raw newline or terminal escape sequence
// from a hostile task reaches the terminal that shows the command.
import type { Issue } from "../problems/index.js";
import { launchError, launchIssue } from "./issue.js";

// Words made only of these characters mean themselves in sh, bash and zsh: no globbing,
// expansion, redirection, word splitting, history or comment syntax.
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * One argument as a shell word: bare when it cannot be misread, else in single quotes with each
 * `'` written as `'\''` (close, escaped quote, reopen).
 *
 * `=` is safe inside a word but not everywhere: zsh expands a word starting with `=` (`=ls` is
 * the path of ls), and a first word `NAME=value` is a variable assignment, not a command.
 */
function shellWord(arg: string, first: boolean, escapeControls: boolean): string {
  if (SAFE.test(arg) && !arg.startsWith("=") && !(first && arg.includes("="))) return arg;
  if (escapeControls && CONTROL.test(arg)) return `$'${arg.replace(ANSI_C_SPECIAL, ansiCEscape)}'`;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

// What the CLI escapes in every printed line (src/cli/escape.ts): C0, DEL, C1, U+2028/2029 and
// the bidirectional controls. Inside single quotes they would reach the terminal raw.
const CONTROLS =
  "\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069";
const CONTROL = new RegExp(`[${CONTROLS}]`);
const ANSI_C_SPECIAL = new RegExp(`[${CONTROLS}'\\\\]`, "g");
const NAMED_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\t": "\\t", "\r": "\\r" };
const utf8 = new TextEncoder();

// $'…' has \xHH for bytes but no portable escape for a code point (\u is a bash/zsh extension),
// so a character above U+007F is written as its UTF-8 bytes, which is what the shell passes on.
function ansiCEscape(char: string): string {
  if (char === "'" || char === "\\") return `\\${char}`;
  const named = NAMED_ESCAPES[char];
  if (named !== undefined) return named;
  let out = "";
  for (const byte of utf8.encode(char)) out += `\\x${byte.toString(16).padStart(2, "0")}`;
  return out;
}

export interface ShellCommandOptions {
  /**
   * Write an argument holding control characters (C0, DEL, C1, U+2028/2029, bidirectional
   * controls) as `$'…'` with escapes, so none reaches a terminal raw. Needs bash, zsh, ksh or a
   * POSIX.1-2024 sh. Default false: every argument in single quotes, for any POSIX sh.
   */
  readonly escapeControls?: boolean;
}

/**
 * Renders `argv` as one POSIX shell command that, pasted into sh / bash / zsh, runs exactly that
 * argv, e.g. `shellCommand(dockerRunArgs(task))`. An empty argv renders as "".
 *
 * @throws LaunchError with path `[index]` for an argument no process can receive, so the text
 *   never silently differs from the argv: code `string_contains_nul` for a NUL character (execve ends
 *   strings at NUL, shells drop or cut it), `unpaired_surrogate` for a lone UTF-16 surrogate
 *   (UTF-8 cannot carry it; a terminal would show U+FFFD).
 */
export function shellCommand(argv: readonly string[], options: ShellCommandOptions = {}): string {
  const escapeControls = options.escapeControls === true;
  const words: string[] = [];
  for (const [index, arg] of argv.entries()) {
    const issue = unrepresentable(arg, index);
    if (issue) throw launchError("cannot render the argv as a shell command", issue);
    words.push(shellWord(arg, index === 0, escapeControls));
  }
  return words.join(" ");
}

// With the u flag a lone surrogate is its own code point in the Cs category; a pair is not.
const LONE_SURROGATE = /\p{Cs}/u;

function unrepresentable(arg: string, index: number): Issue | undefined {
  const nul = arg.indexOf("\0");
  if (nul >= 0) {
    const why = `argv[${index}] has a NUL character at index ${nul}, which no process argument can carry: remove it`;
    return launchIssue("string_contains_nul", [index], why);
  }
  const lone = LONE_SURROGATE.exec(arg);
  if (lone === null) return undefined;
  const why = `argv[${index}] has an unpaired UTF-16 surrogate at index ${lone.index}, which UTF-8 cannot carry: fix the string`;
  return launchIssue("unpaired_surrogate", [index], why);
}
