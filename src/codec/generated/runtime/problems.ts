// Every reason a message cannot be encoded, with paths, in field order: the slow path a
// generated encoder falls back to once its fast path aborted, and the merged-message check of
// decode's deferred required fields. Driven by the descriptor (it runs only when something is
// wrong), with the codes and paths of the reflective encode in src/codec: required fields unset
// (all of them), values of the wrong type or range, undeclared closed-enum numbers, unpaired
// surrogates, messages of another type.
import { type DescEnum, type DescField, type DescMessage, ScalarType } from "@bufbuild/protobuf";
import type { Issue, IssuePath } from "../../../problems/index.js";
import { isWellFormed } from "./utf8.js";

type Code = Issue["code"];
type Found = { code: Code; reason: string } | undefined;

const hasOwn = Object.prototype.hasOwnProperty;
const FLOAT32_MAX = 3.4028234663852886e38;
const DECIMAL = /^-?[0-9]+$/;
const MAX_PATH = 2_000;

/** Every problem of `message` as a `desc`, in field order (depth first); empty when encodable. */
export function encodeProblems(desc: DescMessage, message: unknown): Issue[] {
  const out: Issue[] = [];
  // An explicit stack instead of recursion: a message built in code can nest arbitrarily deep.
  const work: (() => void)[] = [];
  const visitMessage = (d: DescMessage, value: unknown, path: IssuePath): void => {
    if (path.length > MAX_PATH) {
      // Only a message built in code nests this deep; a cycle would never end otherwise.
      report(out, path, "invalid_value", `the message nests deeper than ${MAX_PATH} levels`);
      return;
    }
    if (typeof value !== "object" || value === null) {
      report(
        out,
        path,
        "invalid_value",
        `expected a ${d.typeName} message, got ${describe(value)}`,
      );
      return;
    }
    const m = value as Record<string, unknown>;
    if (m.$typeName !== d.typeName) {
      const got = typeof m.$typeName === "string" ? m.$typeName : "an object without $typeName";
      report(
        out,
        path,
        "wrong_message_type",
        `expected a ${d.typeName} message, got ${got}; build it with create(${d.name}Schema, …)`,
      );
      return;
    }
    // Fields are visited in declaration order; nested messages are queued so that their
    // problems come right after the field that holds them, as a depth-first walk would.
    const tasks: (() => void)[] = [];
    for (const field of d.fields) tasks.push(() => visitField(field, m, path));
    for (let i = tasks.length - 1; i >= 0; i--) work.push(tasks[i] as () => void);
  };
  const visitField = (field: DescField, m: Record<string, unknown>, path: IssuePath): void => {
    const local = field.localName;
    const at = [...path, field.name];
    if (field.oneof !== undefined) {
      const oneof = m[field.oneof.localName] as { case?: unknown; value?: unknown } | undefined;
      if (oneof?.case === local) visitValue(field, oneof.value, at, true);
      return;
    }
    if (field.fieldKind === "list" || field.fieldKind === "map") {
      visitValue(field, m[local], at, false);
      return;
    }
    if (field.presence === 2 /* IMPLICIT */) {
      visitValue(field, m[local], at, true);
      return;
    }
    if (m[local] !== undefined && hasOwn.call(m, local)) {
      visitValue(field, m[local], at, true);
    } else if (field.presence === 3 /* LEGACY_REQUIRED */) {
      report(
        out,
        at,
        "required_field_missing",
        `required field ${field.name} of ${field.parent.typeName} is not set`,
      );
    }
  };
  const visitValue = (field: DescField, value: unknown, at: IssuePath, single: boolean): void => {
    if (!single && field.fieldKind === "list") {
      if (!Array.isArray(value)) {
        report(out, at, "invalid_value", `expected an array, got ${describe(value)}`);
        return;
      }
      const items: (() => void)[] = [];
      value.forEach((item, i) => {
        items.push(() => visitItem(field, item, [...at, i]));
      });
      for (let i = items.length - 1; i >= 0; i--) work.push(items[i] as () => void);
      return;
    }
    if (!single && field.fieldKind === "map") {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        report(out, at, "invalid_value", `expected an object (map), got ${describe(value)}`);
        return;
      }
      const entries: (() => void)[] = [];
      for (const key of Object.keys(value)) {
        const v = (value as Record<string, unknown>)[key];
        entries.push(() => visitItem(field, v, [...at, key]));
      }
      for (let i = entries.length - 1; i >= 0; i--) work.push(entries[i] as () => void);
      return;
    }
    visitItem(field, value, at);
  };
  const visitItem = (field: DescField, value: unknown, at: IssuePath): void => {
    if (field.message !== undefined) {
      const d = field.message;
      work.push(() => visitMessage(d, value, at));
      return;
    }
    const found =
      field.enum !== undefined
        ? checkEnum(field.enum, value)
        : checkScalar(field.scalar ?? ScalarType.STRING, value);
    if (found !== undefined) report(out, at, found.code, found.reason);
  };
  work.push(() => visitMessage(desc, message, []));
  while (work.length > 0) (work.pop() as () => void)();
  return out;
}

function report(out: Issue[], path: IssuePath, code: Code, message: string): void {
  out.push({ code, severity: "error", path: path.slice(), message });
}

function checkScalar(type: ScalarType, value: unknown): Found {
  switch (type) {
    case ScalarType.STRING:
      if (typeof value !== "string") return wrongType("a string", value);
      return isWellFormed(value)
        ? undefined
        : {
            code: "unpaired_surrogate",
            reason:
              "the string holds an unpaired UTF-16 surrogate, which UTF-8 cannot carry (it " +
              "would be written as U+FFFD)",
          };
    case ScalarType.BOOL:
      return typeof value === "boolean" ? undefined : wrongType("a boolean", value);
    case ScalarType.BYTES:
      return value instanceof Uint8Array ? undefined : wrongType("a Uint8Array", value);
    case ScalarType.DOUBLE:
      return typeof value === "number" ? undefined : wrongType("a number", value);
    case ScalarType.FLOAT:
      if (typeof value !== "number") return wrongType("a number", value);
      return Number.isFinite(value) && Math.abs(value) > FLOAT32_MAX
        ? outOfRange(value, "float (at most ±3.4028235e38)")
        : undefined;
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return checkInt(value, -2147483648, 2147483647, "int32");
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return checkInt(value, 0, 4294967295, "uint32");
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return checkInt64(value, 0n, 2n ** 64n - 1n, "uint64");
    default:
      return checkInt64(value, -(2n ** 63n), 2n ** 63n - 1n, "int64");
  }
}

function checkEnum(desc: DescEnum, value: unknown): Found {
  if (typeof value === "number" && desc.values.some((v) => v.number === value)) return undefined;
  const found = checkInt(value, -2147483648, 2147483647, "enum (int32)");
  if (found !== undefined || desc.open) return found;
  const names = desc.values.map((v) => `${v.name} = ${v.number}`).join(", ");
  return {
    code: "unknown_enum_value",
    reason: `${String(value)} is not a value of enum ${desc.typeName} (declared: ${names})`,
  };
}

function checkInt(value: unknown, min: number, max: number, type: string): Found {
  if (typeof value !== "number") return wrongType("a number", value);
  if (!Number.isInteger(value))
    return { code: "invalid_value", reason: `${value} is not an integer` };
  return value < min || value > max ? outOfRange(value, `${type} (${min} to ${max})`) : undefined;
}

/** The fast path's test for 64-bit values: a bigint, decimal string or safe integer in range. */
export function int64Ok(value: unknown, unsigned: boolean): boolean {
  return unsigned
    ? checkInt64(value, 0n, 2n ** 64n - 1n, "uint64") === undefined
    : checkInt64(value, -(2n ** 63n), 2n ** 63n - 1n, "int64") === undefined;
}

function checkInt64(value: unknown, min: bigint, max: bigint, type: string): Found {
  let big: bigint;
  if (typeof value === "bigint") big = value;
  else if (typeof value === "string" && DECIMAL.test(value)) big = BigInt(value);
  else if (typeof value === "number" && Number.isSafeInteger(value)) big = BigInt(value);
  else return wrongType("a bigint (or a decimal string, or a safe integer)", value);
  return big < min || big > max ? outOfRange(value, `${type} (${min} to ${max})`) : undefined;
}

function wrongType(expected: string, value: unknown): Found {
  return { code: "invalid_value", reason: `expected ${expected}, got ${describe(value)}` };
}

function outOfRange(value: unknown, range: string): Found {
  return { code: "out_of_range", reason: `${String(value)} is out of range for ${range}` };
}

function describe(value: unknown): string {
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
