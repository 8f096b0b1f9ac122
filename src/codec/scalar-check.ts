// What a field value must be before it is written (binary or JSON). protobuf-es's writer checks
// ranges of 32-bit integers but coerces the rest (a number written to a string field becomes
// "5", "false" to a bool field becomes true, a string to a double becomes NaN), writes closed-enum
// numbers the schema does not declare, and turns unpaired surrogates into U+FFFD. Each of those
// would hand out bytes that differ from the message or that our own strict decode rejects.
import { type DescEnum, ScalarType } from "@bufbuild/protobuf";
import type { IssueCode } from "../problems/index.js";
import { isWellFormed } from "./generated/runtime/index.js";

/** Integer ranges of the protobuf types, as bigints [min, max] (shared with fromMesosJson). */
export const INTEGER_RANGES = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
} as const satisfies Record<string, readonly [bigint, bigint]>;
/** The largest finite float32 (larger finite numbers do not fit in a float field). */
export const FLOAT32_MAX = 3.4028234663852886e38;

const INT32_MIN = Number(INTEGER_RANGES.int32[0]);
const INT32_MAX = Number(INTEGER_RANGES.int32[1]);
const UINT32_MAX = Number(INTEGER_RANGES.uint32[1]);
const [INT64_MIN, INT64_MAX] = INTEGER_RANGES.int64;
const UINT64_MAX = INTEGER_RANGES.uint64[1];
const DECIMAL = /^-?[0-9]+$/;

/** Why a value cannot be written: a code and a phrase that completes "… <field>: <reason>". */
export interface ValueProblem {
  readonly code: IssueCode;
  readonly reason: string;
}

/** Checks one value: undefined when it may be written, else why not. */
export type ValueChecker = (value: unknown) => ValueProblem | undefined;

const UNPAIRED_SURROGATE: ValueProblem = {
  code: "unpaired_surrogate",
  reason:
    "the string holds an unpaired UTF-16 surrogate, which UTF-8 cannot carry (it would be " +
    "written as U+FFFD); it was probably cut in the middle of an emoji or other astral character",
};

const checkInt32: ValueChecker = (v) => intProblem(v, INT32_MIN, INT32_MAX, "int32");
const checkUint32: ValueChecker = (v) => intProblem(v, 0, UINT32_MAX, "uint32");
const checkInt64: ValueChecker = (v) => int64Problem(v, INT64_MIN, INT64_MAX, "int64");
const checkUint64: ValueChecker = (v) => int64Problem(v, 0n, UINT64_MAX, "uint64");

/** The checker for values of each scalar type. */
const CHECKERS: Readonly<Record<ScalarType, ValueChecker>> = {
  [ScalarType.STRING]: (v) => {
    if (typeof v !== "string") return wrongType("a string", v);
    return isWellFormed(v) ? undefined : UNPAIRED_SURROGATE;
  },
  [ScalarType.BOOL]: (v) => (typeof v === "boolean" ? undefined : wrongType("a boolean", v)),
  [ScalarType.BYTES]: (v) => (v instanceof Uint8Array ? undefined : wrongType("a Uint8Array", v)),
  [ScalarType.DOUBLE]: (v) => (typeof v === "number" ? undefined : wrongType("a number", v)),
  [ScalarType.FLOAT]: (v) => {
    if (typeof v !== "number") return wrongType("a number", v);
    return Number.isFinite(v) && Math.abs(v) > FLOAT32_MAX
      ? outOfRange(v, "float (at most ±3.4028235e38)")
      : undefined;
  },
  [ScalarType.INT32]: checkInt32,
  [ScalarType.SINT32]: checkInt32,
  [ScalarType.SFIXED32]: checkInt32,
  [ScalarType.UINT32]: checkUint32,
  [ScalarType.FIXED32]: checkUint32,
  [ScalarType.INT64]: checkInt64,
  [ScalarType.SINT64]: checkInt64,
  [ScalarType.SFIXED64]: checkInt64,
  [ScalarType.UINT64]: checkUint64,
  [ScalarType.FIXED64]: checkUint64,
};

/** The checker for values of scalar `type`. */
export function scalarChecker(type: ScalarType): ValueChecker {
  return CHECKERS[type];
}

const enumCheckers = new WeakMap<DescEnum, ValueChecker>();

/** The checker for values of enum `desc`: closed enums accept only declared numbers. */
export function enumChecker(desc: DescEnum): ValueChecker {
  let checker = enumCheckers.get(desc);
  if (checker === undefined) {
    const declared = new Set(desc.values.map((v) => v.number));
    const names = desc.values.map((v) => `${v.name} = ${v.number}`).join(", ");
    checker = (value) => {
      if (typeof value === "number" && declared.has(value)) return undefined;
      const problem = intProblem(value, INT32_MIN, INT32_MAX, "enum (int32)");
      if (problem !== undefined || desc.open) return problem;
      return {
        code: "unknown_enum_value",
        reason: `${String(value)} is not a value of enum ${desc.typeName} (declared: ${names})`,
      };
    };
    enumCheckers.set(desc, checker);
  }
  return checker;
}

function intProblem(
  value: unknown,
  min: number,
  max: number,
  type: string,
): ValueProblem | undefined {
  if (typeof value !== "number") return wrongType("a number", value);
  if (!Number.isInteger(value))
    return { code: "invalid_value", reason: `${value} is not an integer` };
  return value < min || value > max ? outOfRange(value, `${type} (${min} to ${max})`) : undefined;
}

function int64Problem(
  value: unknown,
  min: bigint,
  max: bigint,
  type: string,
): ValueProblem | undefined {
  let big: bigint;
  if (typeof value === "bigint") {
    big = value;
  } else if (typeof value === "string" && DECIMAL.test(value)) {
    big = BigInt(value);
  } else if (typeof value === "number" && Number.isSafeInteger(value)) {
    big = BigInt(value);
  } else {
    return wrongType("a bigint (or a decimal string, or a safe integer)", value);
  }
  return big < min || big > max ? outOfRange(value, `${type} (${min} to ${max})`) : undefined;
}

function wrongType(expected: string, value: unknown): ValueProblem {
  return { code: "invalid_value", reason: `expected ${expected}, got ${describeValue(value)}` };
}

function outOfRange(value: unknown, range: string): ValueProblem {
  return { code: "out_of_range", reason: `${String(value)} is out of range for ${range}` };
}

/** A short description of any JS value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case "number":
    case "boolean":
      return `${typeof value} ${String(value)}`;
    case "bigint":
      return `bigint ${value}n`;
    case "object":
      return value instanceof Uint8Array ? "a Uint8Array" : "an object";
    default:
      return typeof value;
  }
}
