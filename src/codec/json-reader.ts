// A small JSON reader for fromMesosJson's text input. JSON.parse cannot do three things we need:
// reject duplicate keys (it keeps the last one silently), keep the digits of integers past 2^53
// (it rounds 9007199254740993 to ...992 before anyone can tell), and say where a syntax error is
// beyond a character position. Objects come out with a null prototype, so keys such as
// "__proto__" or "constructor" are plain own keys and can never reach Object.prototype.
import { DecodeError, type FieldPath } from "./errors.js";

/** A JSON integer literal whose value is not a safe integer; `text` keeps its exact digits. */
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

/**
 * Parse JSON text (RFC 8259; a leading byte-order mark is skipped). Throws DecodeError with code
 * `invalid_json`, `duplicate_key` or `max_depth_exceeded`, the JSON path of the problem as far as
 * known, and `offset` = the index in `text`.
 */
export function readJson(text: string, maxNesting: number): ReadJson {
  const reader = new Reader(text, maxNesting);
  if (text.charCodeAt(0) === 0xfeff) reader.pos = 1;
  const value = reader.value(0);
  reader.space();
  if (reader.pos < text.length) reader.fail("unexpected text after the JSON value");
  return value;
}

class Reader {
  pos = 0;
  readonly path: FieldPath = [];

  constructor(
    readonly text: string,
    readonly maxNesting: number,
  ) {}

  value(nesting: number): ReadJson {
    this.space();
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 0x7b: // {
        return this.object(nesting + 1);
      case 0x5b: // [
        return this.array(nesting + 1);
      case 0x22: // "
        return this.string();
      case 0x74: // t
        return this.literal("true", true);
      case 0x66: // f
        return this.literal("false", false);
      case 0x6e: // n
        return this.literal("null", null);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        return this.fail(
          Number.isNaN(c) ? "unexpected end of the JSON text" : `unexpected ${this.quoteChar()}`,
        );
    }
  }

  object(nesting: number): { [key: string]: ReadJson } {
    this.checkNesting(nesting);
    this.pos++;
    const obj = Object.create(null) as { [key: string]: ReadJson };
    this.space();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return obj;
    }
    for (;;) {
      this.space();
      if (this.text.charCodeAt(this.pos) !== 0x22)
        this.fail(`expected a string key, found ${this.quoteChar()}`);
      const keyAt = this.pos;
      const key = this.string();
      if (Object.hasOwn(obj, key)) {
        throw new DecodeError(
          "duplicate_key",
          `the key ${JSON.stringify(key)} appears twice in one object (JSON.parse would silently ` +
            `keep the last one)${this.lineColumn(keyAt)}; remove one of them`,
          [...this.path, key],
          keyAt,
        );
      }
      this.space();
      if (this.text.charCodeAt(this.pos) !== 0x3a)
        this.fail(`expected ':' after a key, found ${this.quoteChar()}`);
      this.pos++;
      this.path.push(key);
      obj[key] = this.value(nesting);
      this.path.pop();
      if (this.closes(0x7d, "'}' in an object")) return obj;
    }
  }

  array(nesting: number): ReadJson[] {
    this.checkNesting(nesting);
    this.pos++;
    const list: ReadJson[] = [];
    this.space();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return list;
    }
    for (;;) {
      this.path.push(list.length);
      list.push(this.value(nesting));
      this.path.pop();
      if (this.closes(0x5d, "']' in an array")) return list;
    }
  }

  /** After a member: true at the closing bracket, false after a comma, else a syntax error. */
  closes(close: number, what: string): boolean {
    this.space();
    const c = this.text.charCodeAt(this.pos);
    if (c !== close && c !== 0x2c) this.fail(`expected ',' or ${what}, found ${this.quoteChar()}`);
    this.pos++;
    return c === close;
  }

  string(): string {
    const text = this.text;
    const start = ++this.pos;
    // Fast path: no escapes.
    let i = start;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        this.pos = i + 1;
        return text.slice(start, i);
      }
      if (c === 0x5c || c < 0x20 || Number.isNaN(c)) break;
      i++;
    }
    let out = text.slice(start, i);
    this.pos = i;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (Number.isNaN(c)) this.fail("unterminated string");
      if (c < 0x20) this.fail("control character in a string (escape it, e.g. \\n)");
      this.pos++;
      if (c === 0x22) return out;
      if (c !== 0x5c) {
        out += text[this.pos - 1];
        continue;
      }
      const e = text[this.pos++];
      switch (e) {
        case '"':
        case "\\":
        case "/":
          out += e;
          break;
        case "b":
          out += "\b";
          break;
        case "f":
          out += "\f";
          break;
        case "n":
          out += "\n";
          break;
        case "r":
          out += "\r";
          break;
        case "t":
          out += "\t";
          break;
        case "u": {
          const hex = text.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex))
            this.fail("invalid \\u escape (needs four hex digits)");
          out += String.fromCharCode(Number.parseInt(hex, 16));
          this.pos += 4;
          break;
        }
        default:
          this.pos--;
          this.fail(`invalid escape \\${e ?? ""}`);
      }
    }
  }

  number(): number | UnsafeInteger {
    const text = this.text;
    const start = this.pos;
    let i = start;
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) {
      i++;
    } else if (isDigit(text.charCodeAt(i))) {
      while (isDigit(text.charCodeAt(i))) i++;
    } else {
      this.pos = i;
      this.fail("invalid number");
    }
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

  checkNesting(nesting: number): void {
    if (nesting > this.maxNesting) {
      throw new DecodeError(
        "max_depth_exceeded",
        `JSON objects and arrays nest deeper than ${this.maxNesting} levels${this.lineColumn(this.pos)}; ` +
          "raise maxDepth if such input is expected",
        this.path.slice(),
        this.pos,
      );
    }
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
    throw new DecodeError(
      "invalid_json",
      `${what}${this.lineColumn(this.pos)}`,
      this.path.slice(),
      this.pos,
    );
  }

  lineColumn(at: number): string {
    let line = 1;
    let lineStart = 0;
    for (let i = this.text.indexOf("\n"); i >= 0 && i < at; i = this.text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return ` (line ${line}, column ${at - lineStart + 1})`;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
