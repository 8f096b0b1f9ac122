// fromMesosJson: Mesos-style JSON (as Mesos's HTTP API reads it, reference mesos.md §4.1) to a
// message, with every problem a DecodeError that names the field path. Built on our own walk
// rather than protobuf-es fromJson, whose errors carry no path and which rounds 64-bit numbers.
import {
  create,
  type DescEnum,
  type DescField,
  type DescMessage,
  type MessageShape,
  ScalarType,
} from "@bufbuild/protobuf";
import { base64Decode } from "@bufbuild/protobuf/wire";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from "./decode.js";
import { missingRequired } from "./encode-check.js";
import { DecodeError, type DecodeErrorCode, type FieldPath, formatPath } from "./errors.js";
import type { MessageObject } from "./field-access.js";
import { readJson, UnsafeInteger } from "./json-reader.js";
import { describeValue, FLOAT32_MAX, INTEGER_RANGES, isWellFormed } from "./scalar-check.js";

export interface FromMesosJsonOptions {
  /**
   * Skip keys that name no field instead of failing with `unknown_field`. Mesos skips them
   * silently, which is how users lose fields to a typo ("contianer"); default false.
   */
  readonly ignoreUnknownFields?: boolean;
  /** true (default): every proto2 required field must be present, as Mesos checks after parsing. */
  readonly strict?: boolean;
  /** Longest accepted JSON text, in UTF-16 code units; default 4 Mi. */
  readonly maxBytes?: number;
  /** Deepest accepted nesting of messages, root = 1; default 100. */
  readonly maxDepth?: number;
}

/**
 * Read a message from Mesos-style JSON: a JSON value (e.g. from JSON.parse) or JSON text.
 *
 * Accepted, as Mesos (stout) accepts it:
 * - keys: proto field names (`task_id`); the lowerCamel JSON names (`taskId`) are accepted too;
 * - `null` for any field means "not set";
 * - enums: the value name as a string (`"DOCKER"`). Numbers are rejected, as stout rejects them
 *   ("Not expecting a JSON number"), so JSON we accept is JSON Mesos accepts;
 * - numbers: a JSON number or a string holding one (`"42"`), as stout allows; 64-bit integers
 *   keep full precision from strings (and bigints in a JS value); float/double also take "NaN",
 *   "Infinity" and "-Infinity";
 * - bools: true/false or "true"/"false"; bytes: base64 (standard or URL alphabet, padding optional);
 * - repeated fields: an array; a single value is taken as a one-element list, as stout does
 *   (unambiguous, and Mesos users rely on it).
 *
 * Rejected, each with a DecodeError naming the path (Mesos silently drops or rounds these):
 * - `unknown_field`: a key that names no field (unless `ignoreUnknownFields`); `__proto__` and
 *   `constructor` are just unknown keys and never touch any prototype;
 * - `duplicate_key`: a key twice in one object (text input), or a field under both spellings;
 * - `unsafe_integer`: a bare JSON number past 2^53 - 1 for a 64-bit integer field, which
 *   JSON.parse would already have rounded: quote it (`"9007199254740993"`);
 * - `unknown_enum_value`: an enum name the schema does not declare (Mesos >= 1.5 drops it);
 * - `invalid_value`, `out_of_range`, `invalid_base64`, `unpaired_surrogate`, `invalid_json`,
 *   `max_depth_exceeded`, `input_too_large`, and (strict) `required_field_missing`.
 * For JSON text, `offset` is the character index of syntax errors and duplicate keys.
 */
export function fromMesosJson<Desc extends DescMessage>(
  schema: Desc,
  input: unknown,
  options?: FromMesosJsonOptions,
): MessageShape<Desc> {
  const maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  let json = input;
  if (typeof input === "string") {
    const maxBytes = options?.maxBytes ?? DEFAULT_MAX_BYTES;
    if (input.length > maxBytes) {
      throw new DecodeError(
        "input_too_large",
        `the JSON text has ${input.length} characters, more than maxBytes (${maxBytes}); raise ` +
          "maxBytes if such messages are expected",
        [],
        maxBytes,
      );
    }
    // Each message level is an object, possibly inside an array.
    json = readJson(input, 2 * maxDepth);
  }
  if (!isObject(json)) {
    throw new DecodeError(
      "invalid_input",
      `expected a JSON object (or JSON text of one) for ${schema.typeName}, got ${describeJson(json)}`,
    );
  }
  const ctx: Context = { ignoreUnknown: options?.ignoreUnknownFields === true, maxDepth };
  const message = create(schema) as MessageShape<Desc>;
  readMessage(ctx, schema, json, message as unknown as MessageObject, [], 1);
  if (options?.strict !== false) checkRequired(schema, message);
  return message;
}

interface Context {
  readonly ignoreUnknown: boolean;
  readonly maxDepth: number;
}

type JsonObject = Record<string, unknown>;

function readMessage(
  ctx: Context,
  desc: DescMessage,
  json: JsonObject,
  message: MessageObject,
  path: FieldPath,
  depth: number,
): void {
  if (depth > ctx.maxDepth) {
    fail("max_depth_exceeded", path, `messages nest deeper than maxDepth (${ctx.maxDepth})`);
  }
  const fields = fieldsByKey(desc);
  const seen = new Map<DescField, string>();
  for (const key of Object.keys(json)) {
    const value = json[key];
    if (value === undefined) continue; // not JSON: a JS value's absent property
    const field = fields.get(key);
    if (field === undefined) {
      if (ctx.ignoreUnknown) continue;
      fail("unknown_field", [...path, key], unknownKeyDetail(desc, key));
    }
    const other = seen.get(field);
    if (other !== undefined) {
      fail(
        "duplicate_key",
        [...path, field.name],
        `field ${field.name} is given twice, as ${JSON.stringify(other)} and ${JSON.stringify(key)}; keep one`,
      );
    }
    seen.set(field, key);
    if (value === null) continue; // null means "not set", as in Mesos
    path.push(field.name);
    readField(ctx, field, value, message, path, depth);
    path.pop();
  }
}

function readField(
  ctx: Context,
  field: DescField,
  value: unknown,
  message: MessageObject,
  path: FieldPath,
  depth: number,
): void {
  switch (field.fieldKind) {
    case "scalar":
      assign(message, field, readScalar(field.scalar, field.longAsString, value, path));
      return;
    case "enum":
      assign(message, field, readEnum(field.enum, value, path));
      return;
    case "message":
      assign(message, field, readChild(ctx, field.message, value, path, depth));
      return;
    case "list": {
      const list = message[field.localName] as unknown[];
      const items = Array.isArray(value) ? value : [value]; // a single value: a one-element list
      for (let i = 0; i < items.length; i++) {
        path.push(i);
        const item: unknown = items[i];
        if (item === null || item === undefined)
          fail("invalid_value", path, "null is not allowed in a list");
        if (field.listKind === "message")
          list.push(readChild(ctx, field.message, item, path, depth));
        else if (field.listKind === "enum") list.push(readEnum(field.enum, item, path));
        else list.push(readScalar(field.scalar, field.longAsString, item, path));
        path.pop();
      }
      return;
    }
    case "map": {
      if (!isObject(value))
        fail("invalid_value", path, `expected a JSON object for a map, got ${describeJson(value)}`);
      const record = message[field.localName] as Record<string, unknown>;
      for (const key of Object.keys(value)) {
        path.push(key);
        const item = value[key];
        if (item === null || item === undefined)
          fail("invalid_value", path, "a map value cannot be null");
        const mapKey = String(readMapKey(field.mapKey, key, path));
        const mapValue =
          field.mapKind === "message"
            ? readChild(ctx, field.message, item, path, depth)
            : field.mapKind === "enum"
              ? readEnum(field.enum, item, path)
              : readScalar(field.scalar, false, item, path);
        // A key may be "__proto__": define it, never assign it.
        Object.defineProperty(record, mapKey, {
          value: mapValue,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        path.pop();
      }
    }
  }
}

function readChild(
  ctx: Context,
  desc: DescMessage,
  value: unknown,
  path: FieldPath,
  depth: number,
): MessageObject {
  if (!isObject(value)) {
    fail(
      "invalid_value",
      path,
      `expected a JSON object for message ${desc.typeName}, got ${describeJson(value)}`,
    );
  }
  const child = create(desc) as unknown as MessageObject;
  readMessage(ctx, desc, value, child, path, depth + 1);
  return child;
}

function assign(message: MessageObject, field: DescField, value: unknown): void {
  if (field.oneof !== undefined) {
    message[field.oneof.localName] = { case: field.localName, value };
  } else {
    message[field.localName] = value;
  }
}

function readEnum(desc: DescEnum, value: unknown, path: FieldPath): number {
  if (typeof value === "string") {
    const found = desc.values.find((v) => v.name === value);
    if (found !== undefined) return found.number;
  }
  const names = desc.values.map((v) => `"${v.name}"`).join(", ");
  if (typeof value === "string") {
    fail(
      "unknown_enum_value",
      path,
      `"${value}" is not a value of enum ${desc.typeName} (one of ${names})`,
    );
  }
  if (typeof value === "number" || value instanceof UnsafeInteger) {
    const n = value instanceof UnsafeInteger ? value.text : String(value);
    const named = desc.values.find((v) => String(v.number) === n);
    fail(
      "invalid_value",
      path,
      `enum ${desc.typeName} must be written as a name, as Mesos requires (it rejects numbers): ` +
        `${named === undefined ? `one of ${names}` : `write "${named.name}" instead of ${n}`}`,
    );
  }
  return fail(
    "invalid_value",
    path,
    `expected an enum name (one of ${names}), got ${describeJson(value)}`,
  );
}

const JSON_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const DECIMAL_INTEGER = /^-?[0-9]+$/;

function readScalar(
  type: ScalarType,
  longAsString: boolean,
  value: unknown,
  path: FieldPath,
): unknown {
  switch (type) {
    case ScalarType.STRING:
      if (typeof value !== "string") return expected("a JSON string", value, path);
      if (!isWellFormed(value)) {
        fail(
          "unpaired_surrogate",
          path,
          "the string holds an unpaired UTF-16 surrogate (a lone \\ud800-\\udfff escape), which " +
            "UTF-8 cannot carry",
        );
      }
      return value;
    case ScalarType.BOOL:
      if (typeof value === "boolean") return value;
      if (value === "true" || value === "false") return value === "true";
      return expected('true or false (or "true" / "false")', value, path);
    case ScalarType.BYTES:
      if (typeof value !== "string") return expected("a base64 JSON string", value, path);
      return readBase64(value, path);
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return readFloat(type === ScalarType.FLOAT, value, path);
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return Number(readInteger(value, INTEGER_RANGES.int32, "int32", false, path));
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return Number(readInteger(value, INTEGER_RANGES.uint32, "uint32", false, path));
    case ScalarType.UINT64:
    case ScalarType.FIXED64: {
      const n = readInteger(value, INTEGER_RANGES.uint64, "uint64", true, path);
      return longAsString ? String(n) : n;
    }
    default: {
      const n = readInteger(value, INTEGER_RANGES.int64, "int64", true, path);
      return longAsString ? String(n) : n;
    }
  }
}

function readFloat(float32: boolean, value: unknown, path: FieldPath): number {
  let n: number;
  if (typeof value === "number") n = value;
  else if (value instanceof UnsafeInteger) n = value.value;
  else if (value === "NaN") n = Number.NaN;
  else if (value === "Infinity") n = Number.POSITIVE_INFINITY;
  else if (value === "-Infinity") n = Number.NEGATIVE_INFINITY;
  else if (typeof value === "string" && JSON_NUMBER.test(value)) n = Number(value);
  else
    return expected('a number (or a numeric string, "NaN", "Infinity", "-Infinity")', value, path);
  if (float32 && Number.isFinite(n) && Math.abs(n) > FLOAT32_MAX) {
    fail("out_of_range", path, `${n} is out of range for float (at most ±3.4028235e38)`);
  }
  return n;
}

function readInteger(
  value: unknown,
  [min, max]: readonly [bigint, bigint],
  type: string,
  wide: boolean,
  path: FieldPath,
): bigint {
  let n: bigint;
  if (typeof value === "number") {
    if (!Number.isInteger(value))
      fail("invalid_value", path, `${value} is not an integer (${type})`);
    if (wide && !Number.isSafeInteger(value)) unsafe(String(value), type, path, true);
    n = BigInt(value);
  } else if (value instanceof UnsafeInteger) {
    if (wide) unsafe(value.text, type, path, false);
    n = BigInt(value.text);
  } else if (typeof value === "bigint") {
    n = value;
  } else if (typeof value === "string" && DECIMAL_INTEGER.test(value)) {
    n = BigInt(value);
  } else if (
    typeof value === "string" &&
    JSON_NUMBER.test(value) &&
    Number.isInteger(Number(value)) &&
    !wide
  ) {
    n = BigInt(Number(value)); // "1e3" for an int32, as a number would be read
  } else {
    return expected(`an integer (${type}) as a JSON number or a decimal string`, value, path);
  }
  if (n < min || n > max)
    fail("out_of_range", path, `${n} is out of range for ${type} (${min} to ${max})`);
  return n;
}

function unsafe(text: string, type: string, path: FieldPath, rounded: boolean): never {
  return fail(
    "unsafe_integer",
    path,
    `the JSON number ${text} for a ${type} field is past 2^53 - 1, where JSON numbers lose ` +
      `digits${rounded ? " (JSON.parse may already have rounded it)" : ""}; write it as a string: "${text}"`,
  );
}

function readMapKey(type: ScalarType, key: string, path: FieldPath): unknown {
  switch (type) {
    case ScalarType.STRING:
      return key;
    case ScalarType.BOOL:
      if (key === "true" || key === "false") return key;
      return fail("invalid_value", path, `map key ${JSON.stringify(key)} is not "true" or "false"`);
    default:
      return readScalar(type, false, key, path);
  }
}

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

function readBase64(value: string, path: FieldPath): Uint8Array {
  const unpadded = value.replace(/=+$/, "");
  const padded = unpadded.length !== value.length;
  if (!BASE64.test(value) || unpadded.length % 4 === 1 || (padded && value.length % 4 !== 0)) {
    fail(
      "invalid_base64",
      path,
      `${describeJson(value)} is not base64 (RFC 4648: A-Z a-z 0-9 + / with = padding; - _ also accepted)`,
    );
  }
  return base64Decode(value);
}

function checkRequired(desc: DescMessage, message: unknown): void {
  const missing = missingRequired(desc, message);
  const first = missing[0];
  if (first === undefined) return;
  const all = missing.map((p) => formatPath(p.path)).join(", ");
  fail(
    "required_field_missing",
    first.path,
    `${missing.length === 1 ? "required field" : `${missing.length} required fields`} not set: ${all}; ` +
      "add them, or pass { strict: false } to accept partial messages",
  );
}

// ---- field lookup and error helpers ---------------------------------------------------------

const keyMaps = new WeakMap<DescMessage, Map<string, DescField>>();

/** Proto field names and lowerCamel JSON names → field. A Map, so "__proto__" is just a miss. */
function fieldsByKey(desc: DescMessage): Map<string, DescField> {
  let map = keyMaps.get(desc);
  if (map === undefined) {
    map = new Map();
    for (const field of desc.fields) {
      map.set(field.name, field);
      map.set(field.jsonName, field);
    }
    keyMaps.set(desc, map);
  }
  return map;
}

/** Names Mesos shipped where this schema keeps the 2014 seed's (reference mesos.md §1.8). */
const MESOS_NAMES: Record<string, string> = {
  container_path: "container_dir",
  host_path: "host_dir",
  agent_id: "slave_id",
  volumes: "volume",
};

function unknownKeyDetail(desc: DescMessage, key: string): string {
  const fold = (s: string) => s.toLowerCase().replaceAll("_", "");
  const alias = Object.hasOwn(MESOS_NAMES, key) ? MESOS_NAMES[key] : undefined;
  const near =
    desc.fields.find((f) => f.name === alias) ??
    desc.fields.find((f) => fold(f.name) === fold(key));
  const hint =
    near === undefined
      ? `the fields are: ${desc.fields.map((f) => f.name).join(", ")}`
      : `did you mean ${near.name}?`;
  return (
    `${desc.typeName} has no field ${JSON.stringify(key)} (Mesos would drop it silently); ${hint} ` +
    "Pass { ignoreUnknownFields: true } to skip unknown keys"
  );
}

/**
 * A JSON object: a plain object (from JSON.parse, a literal, or our reader's null-prototype
 * objects). Not an array, a Uint8Array of JSON bytes, or a protobuf-es message passed by mistake.
 */
function isObject(value: unknown): value is JsonObject {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describeJson(value: unknown): string {
  if (value instanceof UnsafeInteger) return `the number ${value.text}`;
  if (isObject(value)) return "an object";
  if (typeof value === "object" && value !== null && "$typeName" in value) {
    return `a ${String(value.$typeName)} message (fromMesosJson reads JSON; this is already a message)`;
  }
  return describeValue(value);
}

function expected(what: string, value: unknown, path: FieldPath): never {
  return fail("invalid_value", path, `expected ${what}, got ${describeJson(value)}`);
}

function fail(code: DecodeErrorCode, path: FieldPath, detail: string): never {
  throw new DecodeError(code, detail, path.slice());
}
