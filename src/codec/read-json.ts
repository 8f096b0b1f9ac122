// A small JSON reader for Mesos JSON text. JSON.parse cannot do what we need: it keeps the last
// of two duplicate keys silently, rounds integers past 2^53 before anyone can tell, says nothing
// about where a value is, and recurses (a deep enough array overflows the stack). This reader is
// iterative (an explicit stack of open containers, checked against a nesting limit), keeps the
// digits of unsafe integers, reads the bare tokens Infinity, -Infinity and NaN that Mesos >= 1.10
// writes for doubles, and returns objects with a null prototype, so "__proto__" is a plain key.
// String bodies are scanned once and unescaped by the engine's JSON.parse: linear, whatever the
// escapes.
import type { IssuePath } from "../problems/index.js";
import { decodeError } from "./errors.js";

/** A JSON integer literal that is not a safe integer; `text` keeps its exact digits. */
export class UnsafeInteger {
  constructor(
    readonly text: string,
    readonly value: number,
  ) {}
}

/** A JSON value as the reader returns it (objects have a null prototype). */
export type ReadJson =
  | null
  | boolean
  | number
  | string
  | UnsafeInteger
  | ReadJson[]
  | { [key: string]: ReadJson };

type Container = { obj: { [key: string]: ReadJson }; key: string } | { arr: ReadJson[] };

/** Where `readJson` found the value at (a prefix of) a target path. */
interface Found {
  depth: number;
  offset: number;
}

/**
 * Parse JSON text (RFC 8259 plus Mesos's bare Infinity / -Infinity / NaN; a leading byte-order
 * mark is skipped). Throws DecodeError `invalid_json`, `duplicate_key` or `max_depth_exceeded`
 * with the path as far as read and the character offset. With `target`, `found` receives the
 * offset of the deepest value whose path is a prefix of `target`.
 */
export function readJson(
  text: string,
  maxNesting: number,
  typeName = "JSON",
  target?: IssuePath,
  found?: Found,
): ReadJson {
  return new Reader(text, maxNesting, typeName, target, found).read();
}

class Reader {
  pos = 0;
  readonly path: IssuePath = [];
  /** How many leading segments of `path` equal `target`'s. */
  matched = 0;

  constructor(
    readonly text: string,
    readonly maxNesting: number,
    readonly typeName: string,
    readonly target: IssuePath | undefined,
    readonly found: Found | undefined,
  ) {}

  read(): ReadJson {
    const stack: Container[] = [];
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    for (;;) {
      // Read one value; an opened container continues the loop at its first member.
      this.space();
      this.mark();
      let value: ReadJson;
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x7b || c === 0x5b) {
        if (stack.length + 1 > this.maxNesting) this.tooDeep();
        this.pos++;
        this.space();
        if (c === 0x7b) {
          const obj = Object.create(null) as { [key: string]: ReadJson };
          if (this.text.charCodeAt(this.pos) !== 0x7d) {
            stack.push({ obj, key: this.key(obj) });
            continue;
          }
          value = obj;
        } else {
          const arr: ReadJson[] = [];
          if (this.text.charCodeAt(this.pos) !== 0x5d) {
            stack.push({ arr });
            this.enter(0);
            continue;
          }
          value = arr;
        }
        this.pos++;
      } else {
        value = this.scalar(c);
      }
      // Store the finished value and close every container it completes.
      for (;;) {
        const top = stack[stack.length - 1];
        if (top === undefined) {
          this.space();
          if (this.pos < this.text.length) this.fail("unexpected text after the JSON value");
          return value;
        }
        this.leave();
        this.space();
        const next = this.text.charCodeAt(this.pos);
        if ("obj" in top) {
          top.obj[top.key] = value;
          if (next === 0x2c) {
            this.pos++;
            this.space();
            top.key = this.key(top.obj);
            break;
          }
          if (next !== 0x7d)
            this.fail(`expected ',' or '}' in an object, found ${this.quoteChar()}`);
          value = top.obj;
        } else {
          top.arr.push(value);
          if (next === 0x2c) {
            this.pos++;
            this.enter(top.arr.length);
            break;
          }
          if (next !== 0x5d)
            this.fail(`expected ',' or ']' in an array, found ${this.quoteChar()}`);
          value = top.arr;
        }
        this.pos++;
        stack.pop();
      }
    }
  }

  /** An object key and its ':'; fails on a duplicate. Enters the key on the path. */
  key(obj: { [key: string]: ReadJson }): string {
    if (this.text.charCodeAt(this.pos) !== 0x22)
      this.fail(`expected a string key, found ${this.quoteChar()}`);
    const at = this.pos;
    const key = this.string();
    if (Object.hasOwn(obj, key)) {
      throw decodeError(
        this.typeName,
        "duplicate_key",
        [...this.path, key],
        `the key ${JSON.stringify(key)} appears twice in one object (JSON.parse would silently keep the last one)${lineColumn(this.text, at)}; remove one of them`,
        at,
      );
    }
    this.space();
    if (this.text.charCodeAt(this.pos) !== 0x3a)
      this.fail(`expected ':' after a key, found ${this.quoteChar()}`);
    this.pos++;
    this.enter(key);
    return key;
  }

  enter(segment: string | number): void {
    const d = this.path.length;
    this.path.push(segment);
    if (this.matched === d && this.target !== undefined && this.target[d] === segment)
      this.matched = d + 1;
  }

  leave(): void {
    this.path.pop();
    if (this.matched > this.path.length) this.matched = this.path.length;
  }

  /** Record the position of a value on the target path. */
  mark(): void {
    if (
      this.found !== undefined &&
      this.pos < this.text.length &&
      this.matched === this.path.length &&
      this.path.length >= this.found.depth
    ) {
      this.found.depth = this.path.length;
      this.found.offset = this.pos;
    }
  }

  scalar(c: number): ReadJson {
    switch (c) {
      case 0x22:
        return this.string();
      case 0x74:
        return this.literal("true", true);
      case 0x66:
        return this.literal("false", false);
      case 0x6e:
        return this.literal("null", null);
      case 0x4e:
        return this.literal("NaN", Number.NaN);
      case 0x49:
        return this.literal("Infinity", Number.POSITIVE_INFINITY);
      default:
        if (c === 0x2d && this.text.charCodeAt(this.pos + 1) === 0x49) {
          return this.literal("-Infinity", Number.NEGATIVE_INFINITY);
        }
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        return this.fail(
          Number.isNaN(c) ? "unexpected end of the JSON text" : `unexpected ${this.quoteChar()}`,
        );
    }
  }

  string(): string {
    const text = this.text;
    const start = this.pos;
    let i = start + 1;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (Number.isNaN(c)) this.failAt(start, "unterminated string");
      if (c < 0x20) this.failAt(i, "control character in a string (escape it, e.g. \\n)");
      if (c === 0x5c) {
        escaped = true;
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            this.failAt(i, "invalid \\u escape (needs four hex digits)");
          }
          i += 6;
          continue;
        }
        const next = text[i + 1];
        if (next === undefined || !SIMPLE_ESCAPES.includes(next)) {
          this.failAt(i, `invalid escape \\${next ?? ""}`);
        }
        i += 2;
        continue;
      }
      i++;
    }
    this.pos = i + 1;
    // Checked above, so JSON.parse cannot fail; it unescapes in linear time.
    return escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i);
  }

  number(): number | UnsafeInteger {
    const text = this.text;
    const start = this.pos;
    let i = start;
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
    else this.failAt(i, "invalid number");
    let integer = true;
    if (text.charCodeAt(i) === 0x2e) {
      integer = false;
      i++;
      if (!isDigit(text.charCodeAt(i))) this.failAt(i, "invalid number: digits must follow '.'");
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      integer = false;
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (!isDigit(text.charCodeAt(i)))
        this.failAt(i, "invalid number: digits must follow the exponent");
      while (isDigit(text.charCodeAt(i))) i++;
    }
    this.pos = i;
    const literal = text.slice(start, i);
    const value = Number(literal);
    return integer && !Number.isSafeInteger(value) ? new UnsafeInteger(literal, value) : value;
  }

  literal<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail(`unexpected ${this.quoteChar()}`);
    this.pos += word.length;
    return value;
  }

  space(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.pos++;
    }
  }

  tooDeep(): never {
    throw decodeError(
      this.typeName,
      "max_depth_exceeded",
      this.path,
      `JSON objects and arrays nest deeper than ${this.maxNesting} levels${lineColumn(this.text, this.pos)}; raise maxDepth if such input is expected`,
      this.pos,
    );
  }

  quoteChar(): string {
    const c = this.text[this.pos];
    return c === undefined ? "end of text" : JSON.stringify(c);
  }

  failAt(pos: number, what: string): never {
    this.pos = pos;
    return this.fail(what);
  }

  fail(what: string): never {
    throw decodeError(
      this.typeName,
      "invalid_json",
      this.path,
      `${what}${lineColumn(this.text, this.pos)}`,
      this.pos,
    );
  }
}

/** The characters that may follow a backslash, besides `u` (RFC 8259 §7). */
const SIMPLE_ESCAPES = '"\\/bfnrt';

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** 1-based line and column (UTF-16 code units) of `offset` in `text`. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function lineColumn(text: string, offset: number): string {
  const { line, column } = lineAndColumn(text, offset);
  return ` (line ${line}, column ${column})`;
}

/**
 * The position of the value at `path` in `text` (offset in UTF-16 code units, 1-based line and
 * column), or of the deepest enclosing value that exists (a missing field points at its message),
 * for errors that point into the user's file; undefined when not even the root value can be
 * found. One pass of the reader, which notes positions on the way: text that is not valid JSON
 * is read up to the error, so a path before it is still found.
 */
export function locateJsonPath(
  text: string,
  path: IssuePath,
): { offset: number; line: number; column: number } | undefined {
  const found: Found = { depth: -1, offset: 0 };
  try {
    readJson(text, Number.MAX_SAFE_INTEGER, "JSON", path, found);
  } catch {
    // Invalid JSON: keep what was found before the error.
  }
  if (found.depth < 0) return undefined;
  return { offset: found.offset, ...lineAndColumn(text, found.offset) };
}
