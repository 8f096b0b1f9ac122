// Every value the CLI prints goes through escapeLine, so a value from an input file can never
// start a new line (and so forge a line such as "  argv: ..."), move the cursor, or send a
// terminal escape sequence. Escaped: C0 controls (newline and tab included), DEL, the C1 range
// (U+0080-U+009F: U+0085 NEL is a line break to some terminals and log viewers, U+009B is CSI),
// the line and paragraph separators U+2028/U+2029, and the bidirectional controls that can make
// text display in another order than it reads (Trojan Source, CVE-2021-42574).

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we replace
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** `text` with every line-breaking, cursor-moving or reordering character written as an escape. */
export function escapeLine(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}
