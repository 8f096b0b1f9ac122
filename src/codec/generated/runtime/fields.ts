// Small helpers generated code calls for maps and unknown fields.
import { ABORT, type Writer } from "./writer.js";

/** Set a map entry; "__proto__" becomes an own property, as protobuf-es stores it. */
export function setOwn(record: Record<string, unknown>, key: unknown, value: unknown): void {
  const k = String(key);
  if (k === "__proto__") {
    Object.defineProperty(record, k, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    record[k] = value;
  }
}

export const hasOwn = Object.prototype.hasOwnProperty;

/** Write `$unknown` back after the known fields, as toBinary does; aborts on a malformed record. */
export function writeUnknown(w: Writer, unknown: unknown): void {
  if (!Array.isArray(unknown)) throw ABORT;
  for (const field of unknown as { no?: unknown; wireType?: unknown; data?: unknown }[]) {
    const { no, wireType, data } = field;
    if (
      typeof no !== "number" ||
      typeof wireType !== "number" ||
      !(data instanceof Uint8Array) ||
      !Number.isInteger(no) ||
      no < 1 ||
      no > 0x1fffffff ||
      !(wireType >= 0 && wireType <= 5 && Number.isInteger(wireType))
    ) {
      throw ABORT;
    }
    w.uint32(((no << 3) | wireType) >>> 0);
    w.raw(data);
  }
}

/** A map key (always a string property) back to its integer type, or ABORT. */
export function intKey(key: string): number {
  const n = Number.parseInt(key, 10);
  if (!Number.isFinite(n)) throw ABORT;
  return n;
}

export function boolKey(key: string): boolean {
  if (key === "true") return true;
  if (key === "false") return false;
  throw ABORT;
}

export function bigKey(key: string): bigint {
  try {
    return BigInt(key);
  } catch {
    throw ABORT;
  }
}
