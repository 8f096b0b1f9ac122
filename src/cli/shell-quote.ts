// POSIX shell quoting for showing an argv as one copy-pasteable command line. Display only: the
// argv itself (in --json) is the exact vector, never re-parsed from this text.

// Characters that need no quoting in sh: letters, digits and a few punctuation marks that are
// never special (no glob, expansion, redirection or word splitting).
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
// The characters escape.ts escapes in every printed line: C0, DEL, C1, U+2028/2029 and the
// bidirectional controls. Inside single quotes they would reach the terminal raw.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const ANSI_C_SPECIAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we escape
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069'\\]/g;

const NAMED_ESCAPES: Record<string, string> = { "\n": "\\n", "\t": "\\t", "\r": "\\r" };

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
