// POSIX shell quoting for showing an argv as one copy-pasteable command line. Display only: the
// argv itself (in --json) is the exact vector, never re-parsed from this text.

// Characters that need no quoting in sh: letters, digits and a few punctuation marks that are
// never special (no glob, expansion, redirection or word splitting).
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we escape
const ANSI_C_SPECIAL = /[\u0000-\u001f\u007f'\\]/g;

const NAMED_ESCAPES: Record<string, string> = { "\n": "\\n", "\t": "\\t", "\r": "\\r" };

function ansiCEscape(char: string): string {
  if (char === "'" || char === "\\") return `\\${char}`;
  return NAMED_ESCAPES[char] ?? `\\x${(char.codePointAt(0) ?? 0).toString(16).padStart(2, "0")}`;
}

/**
 * One argument as sh would need it written: bare when safe, otherwise in single quotes. Arguments
 * with control characters use $'…' (bash, zsh, ksh, POSIX.1-2024) so that nothing raw — a newline,
 * a terminal escape sequence from a hostile file — reaches the terminal.
 */
export function shellQuote(arg: string): string {
  if (SAFE.test(arg)) return arg;
  if (CONTROL.test(arg)) return `$'${arg.replace(ANSI_C_SPECIAL, ansiCEscape)}'`;
  // Inside single quotes nothing is special except the quote itself, written as '\'' .
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

export function shellJoin(argv: readonly string[]): string {
  return argv.map(shellQuote).join(" ");
}
