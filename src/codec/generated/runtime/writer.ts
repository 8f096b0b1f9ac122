// The encode half of the runtime: one growing buffer that generated encoders write into.
//
// A nested message or long string gets one byte reserved for its length; when the payload turns
// out to be 128 bytes or longer, it is moved up by the extra length bytes (a memmove). Mesos
// messages are mostly small, so this beats both a size pre-pass and protobuf-es's fork/join
// chunks. Anything the encoder cannot write faithfully (an unset required field, a value of the
// wrong type or range, an undeclared closed-enum number, an unpaired surrogate) aborts the fast
// path with ABORT; the reflective encode in src/codec then lists every problem with its path.
import { protoInt64 } from "@bufbuild/protobuf";
import { encodeUtf8Into, isWellFormed } from "./utf8.js";

/** Thrown by a generated encoder to leave the fast path; never escapes the runtime. */
export const ABORT: unique symbol = Symbol("generated-codec-abort");

const INITIAL = 1024;
/** Buffers larger than this are not kept between calls. */
const KEEP = 1 << 20;

export class Writer {
  buf = new Uint8Array(INITIAL);
  pos = 0;
  busy = false;

  /** Make room for `n` more bytes. */
  ensure(n: number): void {
    if (this.pos + n > this.buf.length) this.grow(n);
  }

  private grow(n: number): void {
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** A tag or any value below 2^32 as a varint. */
  uint32(value: number): void {
    this.ensure(5);
    const buf = this.buf;
    let pos = this.pos;
    let v = value >>> 0;
    while (v > 0x7f) {
      buf[pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[pos++] = v;
    this.pos = pos;
  }

  /** An int32 (negative values take 10 bytes, sign-extended to 64 bits). */
  int32(value: number): void {
    if (value >= 0) this.uint32(value);
    else this.varint64(value, -1);
  }

  sint32(value: number): void {
    this.uint32(((value << 1) ^ (value >> 31)) >>> 0);
  }

  bool(value: boolean): void {
    this.ensure(1);
    this.buf[this.pos++] = value ? 1 : 0;
  }

  /** A varint from its low and high 32 bits. */
  varint64(lo: number, hi: number): void {
    this.ensure(10);
    const buf = this.buf;
    let pos = this.pos;
    let l = lo >>> 0;
    let h = hi >>> 0;
    while (h > 0 || l > 0x7f) {
      buf[pos++] = (l & 0x7f) | 0x80;
      l = ((l >>> 7) | (h << 25)) >>> 0;
      h >>>= 7;
    }
    buf[pos++] = l;
    this.pos = pos;
  }

  /** int64/uint64 values: bigint, decimal string or safe integer (the checks ran before). */
  int64(value: bigint | string | number): void {
    if (typeof value === "number" && value >= 0 && value <= 0xffffffff) {
      this.uint32(value);
      return;
    }
    const { lo, hi } = protoInt64.enc(value);
    this.varint64(lo, hi);
  }

  uint64(value: bigint | string | number): void {
    if (typeof value === "number" && value <= 0xffffffff) {
      this.uint32(value);
      return;
    }
    if (typeof value === "bigint" && value <= 0xffffffffn) {
      this.uint32(Number(value));
      return;
    }
    const { lo, hi } = protoInt64.uEnc(value);
    this.varint64(lo, hi);
  }

  sint64(value: bigint | string | number): void {
    const { lo, hi } = protoInt64.enc(value);
    const sign = hi >> 31;
    this.varint64((lo << 1) ^ sign, ((hi << 1) | (lo >>> 31)) ^ sign);
  }

  fixed64(value: bigint | string | number): void {
    const { lo, hi } = protoInt64.uEnc(value);
    this.fixed32(lo);
    this.fixed32(hi);
  }

  sfixed64(value: bigint | string | number): void {
    const { lo, hi } = protoInt64.enc(value);
    this.fixed32(lo);
    this.fixed32(hi);
  }

  fixed32(value: number): void {
    this.ensure(4);
    const buf = this.buf;
    const pos = this.pos;
    buf[pos] = value & 0xff;
    buf[pos + 1] = (value >>> 8) & 0xff;
    buf[pos + 2] = (value >>> 16) & 0xff;
    buf[pos + 3] = (value >>> 24) & 0xff;
    this.pos = pos + 4;
  }

  double(value: number): void {
    scratchF64[0] = value;
    this.scratch(8);
  }

  float(value: number): void {
    scratchF32[0] = value;
    this.scratch(4);
  }

  private scratch(n: number): void {
    this.ensure(n);
    const buf = this.buf;
    const pos = this.pos;
    if (LITTLE) for (let i = 0; i < n; i++) buf[pos + i] = scratchBytes[i] as number;
    else for (let i = 0; i < n; i++) buf[pos + i] = scratchBytes[n - 1 - i] as number;
    this.pos = pos + n;
  }

  /** Raw bytes (unknown fields). */
  raw(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  bytes(data: Uint8Array): void {
    this.uint32(data.length);
    this.raw(data);
  }

  /** A string with its length prefix; aborts on an unpaired surrogate. */
  string(text: string): void {
    const n = text.length;
    if (n > 42) {
      this.longString(text);
      return;
    }
    // At most 3 bytes per UTF-16 unit: the length fits in the one reserved byte.
    this.ensure(1 + 3 * n);
    const buf = this.buf;
    const lenAt = this.pos;
    let pos = lenAt + 1;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        buf[pos++] = c;
      } else if (c < 0x800) {
        buf[pos++] = 0xc0 | (c >> 6);
        buf[pos++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        buf[pos++] = 0xe0 | (c >> 12);
        buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
        buf[pos++] = 0x80 | (c & 0x3f);
      } else {
        const d = text.charCodeAt(i + 1);
        if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) throw ABORT;
        i++;
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        buf[pos++] = 0xf0 | (c >> 18);
        buf[pos++] = 0x80 | ((c >> 12) & 0x3f);
        buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
        buf[pos++] = 0x80 | (c & 0x3f);
      }
    }
    buf[lenAt] = pos - lenAt - 1;
    this.pos = pos;
  }

  private longString(text: string): void {
    if (!isWellFormed(text)) throw ABORT;
    this.ensure(1 + 3 * text.length);
    const lenAt = this.pos;
    const written = encodeUtf8Into(text, this.buf.subarray(lenAt + 1));
    this.pos = lenAt + 1 + written;
    this.close(lenAt);
  }

  /** Reserve the one length byte of a nested message; returns where it is, for close(). */
  open(): number {
    this.ensure(1);
    return this.pos++;
  }

  /** Write the length of everything after `lenAt`, moving it up when it needs more bytes. */
  close(lenAt: number): void {
    const len = this.pos - lenAt - 1;
    if (len < 0x80) {
      this.buf[lenAt] = len;
      return;
    }
    let extra = 0;
    for (let v = len >>> 7; v > 0; v >>>= 7) extra++;
    this.ensure(extra);
    const buf = this.buf;
    buf.copyWithin(lenAt + 1 + extra, lenAt + 1, this.pos);
    let pos = lenAt;
    let v = len;
    while (v > 0x7f) {
      buf[pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[pos] = v;
    this.pos += extra;
  }

  /** The bytes written, copied out; the buffer is kept for the next call unless large. */
  finish(): Uint8Array {
    const out = this.buf.slice(0, this.pos);
    if (this.buf.length > KEEP) this.buf = new Uint8Array(INITIAL);
    this.pos = 0;
    return out;
  }
}

const scratch = new ArrayBuffer(8);
const scratchBytes = new Uint8Array(scratch);
const scratchF64 = new Float64Array(scratch);
const scratchF32 = new Float32Array(scratch);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
