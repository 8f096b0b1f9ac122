// The numbers a closed enum declares, in the form cheapest to test: a byte table indexed by the
// value for small non-negative numbers (all of Mesos's enums) and a set for the rest. Shared by
// the strict scanner (wire-plan.ts) and encode's enum check (enum-check.ts).
import type { DescEnum } from "@bufbuild/protobuf";

/** Numbers from 0 up to this limit (exclusive) go into the table. */
const TABLE_LIMIT = 256;

export class DeclaredNumbers {
  /** Index = value; 1 = declared. */
  readonly table: Uint8Array;
  /** Declared numbers outside the table's range. */
  readonly other: ReadonlySet<number>;

  constructor(desc: DescEnum | undefined) {
    const numbers = (desc?.values ?? []).map((v) => v.number);
    const small = numbers.filter((n) => n >= 0 && n < TABLE_LIMIT);
    this.table = new Uint8Array(small.length === 0 ? 0 : Math.max(...small) + 1);
    for (const n of small) this.table[n] = 1;
    this.other = new Set(numbers.filter((n) => n < 0 || n >= TABLE_LIMIT));
  }

  /** Whether `value` is a declared number (false for non-integers and non-numbers). */
  has(value: unknown): boolean {
    if (typeof value !== "number") return false;
    const table = this.table;
    return value >= 0 && value < table.length ? table[value] === 1 : this.other.has(value);
  }
}

/** For fields that are no closed enum: declares nothing. */
export const NO_DECLARED_NUMBERS = new DeclaredNumbers(undefined);
