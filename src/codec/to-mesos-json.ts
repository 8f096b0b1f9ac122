// toMesosJson: a message as Mesos's HTTP API writes it (stout's jsonify, reference mesos.md §4.1),
// in a form fromMesosJson reads back to the same message.
import {
  type DescEnum,
  type DescField,
  type DescMessage,
  type JsonObject,
  type JsonValue,
  type MessageShape,
  ScalarType,
} from "@bufbuild/protobuf";
import { base64Encode } from "@bufbuild/protobuf/wire";
import { EncodeError, type EncodeProblem, type FieldPath } from "./errors.js";
import { type MessageObject, setValue } from "./field-access.js";
import { enumChecker, scalarChecker, type ValueProblem } from "./scalar-check.js";

export interface ToMesosJsonOptions {
  /**
   * Also write unset fields that declare a `[default = …]` (CommandInfo.shell → true,
   * CommandInfo.URI.extract → true, Resource.role → "*"), except deprecated ones — exactly what
   * Mesos (stout, since 0.19 / 1.4) writes. Default false: only set fields are written, so that
   * `fromMesosJson(toMesosJson(m))` is `m` again with the same fields set (presence matters in
   * proto2: `equals` tells an unset `shell` from `shell: true`). With true, the values read back
   * are the same but the defaults come back as set fields.
   */
  readonly emitDefaults?: boolean;
}

/**
 * The message as a JSON value in Mesos's style: proto field names (`task_id`), declaration order,
 * enum value names, bytes as standard base64, repeated fields only when non-empty.
 *
 * 64-bit integers are JSON numbers when they are safe integers (|n| <= 2^53 - 1) and decimal
 * strings otherwise: Mesos writes bare numbers, which JavaScript (and every other double-based
 * JSON reader) silently rounds past 2^53, while Mesos's own reader accepts numeric strings for
 * any number field, so strings are correct for Mesos and lossless everywhere. For the same
 * reason NaN and ±Infinity are written as the strings "NaN", "Infinity", "-Infinity" (Mesos
 * >= 1.10 writes bare tokens that are not JSON, and reads these strings).
 *
 * Not written: unknown fields (JSON has no place for them; Mesos drops them too — use `encode`
 * to keep them). Unset required fields are simply absent (use `validate` or `encode` to check).
 * Throws `EncodeError` for values that have no faithful JSON form: a closed-enum number without
 * a name, a value of the wrong type or range, a string with an unpaired surrogate.
 */
export function toMesosJson<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
  options?: ToMesosJsonOptions,
): JsonObject {
  const ctx: Context = { emitDefaults: options?.emitDefaults === true, problems: [] };
  const json = writeMessage(ctx, schema, message as unknown as MessageObject, []);
  const [first, ...rest] = ctx.problems;
  if (first !== undefined) throw new EncodeError([first, ...rest]);
  return json;
}

interface Context {
  readonly emitDefaults: boolean;
  readonly problems: EncodeProblem[];
}

function writeMessage(
  ctx: Context,
  desc: DescMessage,
  message: MessageObject,
  path: FieldPath,
): JsonObject {
  const json: JsonObject = {};
  if (typeof message !== "object" || message === null || message.$typeName !== desc.typeName) {
    ctx.problems.push({
      code: "wrong_message_type",
      path: path.slice(),
      message: `expected a ${desc.typeName} message`,
    });
    return json;
  }
  for (const field of desc.fields) {
    const value = setValue(message, field);
    path.push(field.name);
    if (value !== undefined) {
      const out = writeField(ctx, field, value, path);
      if (out !== undefined) setKey(json, field.name, out);
    } else if (ctx.emitDefaults && !field.deprecated) {
      const declared = declaredDefault(field);
      const out = declared === undefined ? undefined : writeSingular(ctx, field, declared, path);
      if (out !== undefined) setKey(json, field.name, out);
    }
    path.pop();
  }
  return json;
}

function declaredDefault(field: DescField): unknown {
  return field.fieldKind === "scalar" || field.fieldKind === "enum"
    ? field.getDefaultValue()
    : undefined;
}

function writeField(
  ctx: Context,
  field: DescField,
  value: unknown,
  path: FieldPath,
): JsonValue | undefined {
  switch (field.fieldKind) {
    case "list": {
      if (!Array.isArray(value))
        return problem(ctx, path, { code: "invalid_value", reason: "expected an array" });
      const out: JsonValue[] = [];
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        const item = writeSingular(ctx, field, value[i], path);
        if (item !== undefined) out.push(item);
        path.pop();
      }
      return out;
    }
    case "map": {
      const out: JsonObject = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        path.push(key);
        const written = writeSingular(ctx, field, item, path);
        if (written !== undefined) setKey(out, key, written);
        path.pop();
      }
      return out;
    }
    default:
      return writeSingular(ctx, field, value, path);
  }
}

/** One value of `field` (for lists and maps: one element). */
function writeSingular(
  ctx: Context,
  field: DescField,
  value: unknown,
  path: FieldPath,
): JsonValue | undefined {
  if (field.message !== undefined)
    return writeMessage(ctx, field.message, value as MessageObject, path);
  if (field.enum !== undefined) return writeEnum(ctx, field.enum, value, path);
  const scalar = field.scalar as ScalarType;
  const p = scalarChecker(scalar)(value);
  if (p !== undefined) return problem(ctx, path, p);
  switch (scalar) {
    case ScalarType.BYTES:
      return base64Encode(value as Uint8Array, "std");
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT: {
      const n = value as number;
      if (Number.isFinite(n)) return n;
      return Number.isNaN(n) ? "NaN" : n > 0 ? "Infinity" : "-Infinity";
    }
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.SINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64: {
      const n = BigInt(value as bigint | string | number);
      return n >= -MAX_SAFE && n <= MAX_SAFE ? Number(n) : String(n);
    }
    default:
      return value as JsonValue;
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function writeEnum(
  ctx: Context,
  desc: DescEnum,
  value: unknown,
  path: FieldPath,
): JsonValue | undefined {
  const p = enumChecker(desc)(value);
  if (p !== undefined) return problem(ctx, path, p);
  const named = desc.value[value as number];
  // An open enum may hold a number without a name; Mesos has none, but write it faithfully.
  return named === undefined ? (value as number) : named.name;
}

function problem(ctx: Context, path: FieldPath, p: ValueProblem): undefined {
  ctx.problems.push({ code: p.code, path: path.slice(), message: p.reason });
  return undefined;
}

/** Set a key without ever invoking the `__proto__` setter. */
function setKey(obj: JsonObject, key: string, value: JsonValue): void {
  if (key === "__proto__") {
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    obj[key] = value;
  }
}
