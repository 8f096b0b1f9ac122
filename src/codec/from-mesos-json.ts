// fromMesosJson: Mesos-style JSON (as Mesos's HTTP API reads it: protobuf::parse in stout's
// protobuf.hpp, 3rdparty/stout/include/stout at tag 1.11.0) to a message, every problem a
// DecodeError naming the field path (and, for text, the character offset). Our own walk rather
// than protobuf-es fromJson, whose errors carry no path, which rounds 64-bit numbers and which
// reads lowerCamel names only. The walk is iterative (a stack of objects still to read), so no
// nesting of input can exhaust the JS stack.
import {
  create,
  type DescEnum,
  type DescField,
  type DescMessage,
  type MessageShape,
  ScalarType,
} from "@bufbuild/protobuf";
import { base64Decode } from "@bufbuild/protobuf/wire";
import {
  attempt,
  DecodeError,
  type Issue,
  type IssueCode,
  type IssuePath,
  quote,
  type Result,
} from "../problems/index.js";
import { decodeError } from "./errors.js";
import { isWellFormed, setOwn } from "./generated/runtime/index.js";
import { assertRequired } from "./missing-required.js";
import { checkSize, type LimitOptions, type Limits, limitsOf } from "./options.js";
import { locateJsonPath, readJson, UnsafeInteger } from "./read-json.js";
import { describeValue, FLOAT32_MAX, INTEGER_RANGES } from "./scalar-check.js";

export interface FromMesosJsonOptions extends LimitOptions {
  /**
   * Skip keys that name no field instead of failing with `unknown_field`. Mesos skips them
   * silently, which is how users lose fields to a typo ("contianer"); default false.
   */
  readonly ignoreUnknownFields?: boolean;
  /**
   * Read v0 names as their v1 fields: `slave_id` as `agent_id`, `slave_ids`, `slaves`, any
   * `slave…` key as `agent…` (Mesos's operator endpoints and v0 APIs write them). A field given
   * under both spellings is `duplicate_key`. Default false.
   */
  readonly v0Names?: boolean;
}

/**
 * Read a message from Mesos-style JSON: a JSON value (e.g. from JSON.parse) or JSON text.
 *
 * Accepted, as Mesos (stout) accepts it:
 * - keys: proto field names (`task_id`); the lowerCamel JSON names (`taskId`) are accepted too;
 * - `null` for any field means "not set";
 * - enums: the value name as a string (`"DOCKER"`); numbers are rejected, as stout rejects them;
 * - numbers: a JSON number or a string holding one (`"42"`); 64-bit integers keep full precision
 *   from strings, from bare digits in text (as Mesos writes them) and from bigints; float and
 *   double also take NaN, Infinity, -Infinity (bare in text, as Mesos >= 1.10 writes, or quoted);
 * - bools: true/false or "true"/"false"; bytes: base64 (standard or URL alphabet, padding optional);
 * - repeated fields: an array; a single value is taken as a one-element list, as stout does;
 * - map fields: an object whose values are the value type's JSON (a message's JSON object).
 *
 * Rejected, each with a DecodeError naming the path (Mesos silently drops or rounds these):
 * `unknown_field` (unless `ignoreUnknownFields`; `__proto__` is just an unknown key),
 * `duplicate_key`, `unsafe_integer` (a bare number past 2^53 - 1 in a JS value, already rounded
 * by JSON.parse), `unknown_enum_value`, `invalid_value`, `out_of_range` (an integer is judged
 * by its digit count first, so a 2,000,000-digit number is refused at once),
 * `invalid_base64`, `unpaired_surrogate`, `invalid_json`, `max_depth_exceeded`,
 * `input_too_large`, `invalid_option`, `invalid_input`, and `required_field_missing` (every
 * one; `{ required: false }` skips only this check).
 */
export function fromMesosJson<Desc extends DescMessage>(
  schema: Desc,
  input: unknown,
  options?: FromMesosJsonOptions,
): MessageShape<Desc> {
  const limits = limitsOf(schema.typeName, options);
  if (typeof input !== "string") return readValue(schema, input, limits, options);
  checkSize(schema.typeName, input.length, limits, "characters");
  // Each message level is an object, possibly inside an array (or a map's object).
  const json = readJson(input, 2 * limits.maxDepth, schema.typeName);
  try {
    return readValue(schema, json, limits, options);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    throw new DecodeError(
      `cannot decode ${schema.typeName}`,
      error.issues.map((i) => located(input, i)) as [Issue, ...Issue[]],
      { cause: error },
    );
  }
}

/** Like `fromMesosJson`, but returns `{ success: false, issues }` instead of throwing the DecodeError. */
export function safeFromMesosJson<Desc extends DescMessage>(
  schema: Desc,
  input: unknown,
  options?: FromMesosJsonOptions,
): Result<MessageShape<Desc>> {
  return attempt(() => fromMesosJson(schema, input, options));
}

/** The issue with the character offset of its path's value in the text. */
function located(text: string, issue: Issue): Issue {
  if (issue.offset !== undefined) return issue;
  const at = locateJsonPath(text, issue.path);
  return at === undefined ? issue : { ...issue, offset: at.offset };
}

function readValue<Desc extends DescMessage>(
  schema: Desc,
  json: unknown,
  limits: Limits,
  options: FromMesosJsonOptions | undefined,
): MessageShape<Desc> {
  const reader: JsonReader = new JsonReader(schema.typeName, limits.maxDepth, options);
  const what = `a JSON object (or JSON text of one) for ${schema.typeName}`;
  if (!isObject(json)) reader.expected(what, json, ROOT, "invalid_input");
  const message = create(schema) as unknown as MessageObject;
  if (limits.maxDepth < 1) reader.tooDeep(ROOT);
  reader.todo.push({ desc: schema, json, msg: message, path: ROOT, depth: 1 });
  while (reader.todo.length > 0) reader.readMessage(reader.todo.pop() as Todo);
  if (limits.required) assertRequired(schema, message);
  return message as MessageShape<Desc>;
}

type MessageObject = Record<string, unknown>;

/**
 * A path as a link to its parent, so that reaching depth n costs O(n), not O(n^2) copies; the
 * array is built only for an issue.
 */
class Where {
  constructor(
    readonly parent: Where | undefined,
    readonly seg: string | number,
  ) {}

  at(seg: string | number): Where {
    return new Where(this, seg);
  }

  get(): IssuePath {
    const out: IssuePath = [];
    for (let w: Where | undefined = this; w !== ROOT && w !== undefined; w = w.parent)
      out.push(w.seg);
    return out.reverse();
  }
}

const ROOT = new Where(undefined, "");
type JsonObject = Record<string, unknown>;

/** An object still to be read into a message. */
interface Todo {
  readonly desc: DescMessage;
  readonly json: JsonObject;
  readonly msg: MessageObject;
  readonly path: Where;
  readonly depth: number;
}

const JSON_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const DECIMAL_INTEGER = /^-?[0-9]+$/;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** One fromMesosJson call: its options and the stack of objects still to read. */
class JsonReader {
  readonly todo: Todo[] = [];

  constructor(
    readonly typeName: string,
    readonly maxDepth: number,
    readonly options: FromMesosJsonOptions | undefined,
  ) {}

  readMessage(item: Todo): void {
    const { desc, json, path } = item;
    const fields = fieldsByKey(desc);
    const seen = new Map<DescField, string>();
    const children: Todo[] = [];
    for (const key of Object.keys(json)) {
      const value = json[key];
      if (value === undefined) continue; // not JSON: a JS value's absent property
      const field =
        fields.get(key) ??
        (this.options?.v0Names === true && key.startsWith("slave")
          ? fields.get(`agent${key.slice(5)}`)
          : undefined);
      if (field === undefined) {
        if (this.options?.ignoreUnknownFields === true) continue;
        this.fail("unknown_field", path.at(key), unknownKeyDetail(desc, key));
      }
      const other = seen.get(field);
      if (other !== undefined) {
        const keys = `${JSON.stringify(other)} and ${JSON.stringify(key)}`;
        this.fail(
          "duplicate_key",
          path.at(field.name),
          `field ${field.name} is given twice, as ${keys}; keep one`,
        );
      }
      seen.set(field, key);
      if (value === null) continue; // null means "not set", as in Mesos
      this.readField(item, field, value, path.at(field.name), children);
    }
    // Reversed onto the stack, so nested messages are read in field order.
    for (let i = children.length - 1; i >= 0; i--) this.todo.push(children[i] as Todo);
  }

  readField(item: Todo, field: DescField, value: unknown, path: Where, children: Todo[]): void {
    const msg = item.msg;
    // One value of the field (of a list or map: one element).
    const one = (json: unknown, at: Where): unknown => {
      if (field.enum !== undefined) return this.readEnum(field.enum, json, at);
      if (field.message === undefined) {
        const long = "longAsString" in field && field.longAsString;
        return this.readScalar(field.scalar as ScalarType, long, json, at);
      }
      const desc = field.message;
      if (!isObject(json)) this.expected(`a JSON object for message ${desc.typeName}`, json, at);
      if (item.depth + 1 > this.maxDepth) this.tooDeep(at);
      const m = create(desc) as unknown as MessageObject;
      children.push({ desc, json, msg: m, path: at, depth: item.depth + 1 });
      return m;
    };
    switch (field.fieldKind) {
      case "list": {
        const list = msg[field.localName] as unknown[];
        const items = Array.isArray(value) ? value : [value]; // a single value: a one-element list
        for (let i = 0; i < items.length; i++) {
          const at = path.at(i);
          const element: unknown = items[i];
          if (element === null || element === undefined)
            this.fail("invalid_value", at, "null is not allowed in a list");
          list.push(one(element, at));
        }
        return;
      }
      case "map": {
        if (!isObject(value)) this.expected("a JSON object for a map", value, path);
        const record = msg[field.localName] as Record<string, unknown>;
        for (const key of Object.keys(value)) {
          const at = path.at(key);
          const element = value[key];
          if (element === null || element === undefined)
            this.fail("invalid_value", at, "a map value cannot be null");
          const mapKey = String(this.readMapKey(field.mapKey, key, at));
          setOwn(record, mapKey, one(element, at)); // a key may be "__proto__": never assigned
        }
        return;
      }
      default:
        this.assign(msg, field, one(value, path), path);
    }
  }

  tooDeep(path: Where): never {
    return this.fail(
      "max_depth_exceeded",
      path,
      `messages nest deeper than maxDepth (${this.maxDepth}); raise maxDepth if such input is expected`,
    );
  }

  assign(message: MessageObject, field: DescField, value: unknown, path: Where): void {
    if (field.oneof === undefined) {
      message[field.localName] = value;
      return;
    }
    const current = message[field.oneof.localName] as { case?: string };
    if (current.case !== undefined && current.case !== field.localName) {
      const twice = `(${current.case} and ${field.localName})`;
      this.fail("duplicate_key", path, `oneof ${field.oneof.name} is set twice ${twice}; keep one`);
    }
    message[field.oneof.localName] = { case: field.localName, value };
  }

  readEnum(desc: DescEnum, value: unknown, path: Where): number {
    if (typeof value === "string") {
      const found = desc.values.find((v) => v.name === value);
      if (found !== undefined) return found.number;
    }
    // Only a failure lists the names (a success must not pay for the string).
    const names = desc.values.map((v) => `"${v.name}"`).join(", ");
    if (typeof value === "string") {
      const what = `"${value}" is not a value of enum ${desc.typeName} (one of ${names})`;
      this.fail("unknown_enum_value", path, what);
    }
    if (typeof value === "number" || value instanceof UnsafeInteger) {
      const n = value instanceof UnsafeInteger ? value.text : String(value);
      const named = desc.values.find((v) => String(v.number) === n);
      this.fail(
        "invalid_value",
        path,
        `enum ${desc.typeName} must be written as a name, as Mesos requires (it rejects numbers): ` +
          `${named === undefined ? `one of ${names}` : `write "${named.name}" instead of ${n}`}`,
      );
    }
    return this.expected(`an enum name (one of ${names})`, value, path);
  }

  readScalar(type: ScalarType, longAsString: boolean, value: unknown, path: Where): unknown {
    switch (type) {
      case ScalarType.STRING:
        if (typeof value !== "string") return this.expected("a JSON string", value, path);
        if (!isWellFormed(value)) {
          this.fail(
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
        return this.expected('true or false (or "true" / "false")', value, path);
      case ScalarType.BYTES:
        if (typeof value !== "string") return this.expected("a base64 JSON string", value, path);
        return this.readBase64(value, path);
      case ScalarType.DOUBLE:
      case ScalarType.FLOAT:
        return this.readFloat(type === ScalarType.FLOAT, value, path);
      case ScalarType.INT32:
      case ScalarType.SINT32:
      case ScalarType.SFIXED32:
        return Number(this.readInteger(value, "int32", path));
      case ScalarType.UINT32:
      case ScalarType.FIXED32:
        return Number(this.readInteger(value, "uint32", path));
      default: {
        const t = type === ScalarType.UINT64 || type === ScalarType.FIXED64 ? "uint64" : "int64";
        const n = this.readInteger(value, t, path);
        return longAsString ? String(n) : n;
      }
    }
  }

  readFloat(float32: boolean, value: unknown, path: Where): number {
    let n: number;
    if (typeof value === "number") n = value;
    else if (value instanceof UnsafeInteger) n = value.value;
    else if (value === "NaN") n = Number.NaN;
    else if (value === "Infinity") n = Number.POSITIVE_INFINITY;
    else if (value === "-Infinity") n = Number.NEGATIVE_INFINITY;
    else if (typeof value === "string" && JSON_NUMBER.test(value)) n = Number(value);
    else {
      const what = 'a number (or a numeric string, "NaN", "Infinity", "-Infinity")';
      return this.expected(what, value, path);
    }
    if (float32 && Number.isFinite(n) && Math.abs(n) > FLOAT32_MAX) {
      this.fail("out_of_range", path, `${n} is out of range for float (at most ±3.4028235e38)`);
    }
    return n;
  }

  readInteger(value: unknown, type: keyof typeof INTEGER_RANGES, path: Where): bigint {
    const [min, max] = INTEGER_RANGES[type];
    const wide = type === "int64" || type === "uint64";
    let n: bigint;
    if (typeof value === "number") {
      if (!Number.isInteger(value))
        this.fail("invalid_value", path, `${value} is not an integer (${type})`);
      if (wide && !Number.isSafeInteger(value)) {
        this.fail(
          "unsafe_integer",
          path,
          `the JSON number ${value} for a ${type} field is past 2^53 - 1, where JSON numbers lose digits (JSON.parse may already have rounded it); write it as a string: "${value}"`,
        );
      }
      n = BigInt(value);
    } else if (value instanceof UnsafeInteger) {
      // Bare digits in JSON text, read exactly (Mesos writes 64-bit integers this way).
      n = this.decimal(value.text, type, path);
    } else if (typeof value === "bigint") {
      n = value;
    } else if (typeof value === "string" && DECIMAL_INTEGER.test(value)) {
      n = this.decimal(value, type, path);
    } else if (
      typeof value === "string" &&
      JSON_NUMBER.test(value) &&
      Number.isInteger(Number(value)) &&
      !wide
    ) {
      n = BigInt(Number(value)); // "1e3" for an int32, as a number would be read
    } else {
      const what = `an integer (${type}) as a JSON number or a decimal string`;
      return this.expected(what, value, path);
    }
    if (n < min || n > max)
      this.fail("out_of_range", path, `${n} is out of range for ${type} (${min} to ${max})`);
    return n;
  }

  /**
   * A decimal integer, refused by its digit count before any arithmetic when it has more digits
   * than any 64-bit integer (20): a 2,000,000-digit string costs one scan, and the message quotes
   * a prefix.
   */
  decimal(text: string, type: string, path: Where): bigint {
    let first = text.charCodeAt(0) === 0x2d ? 1 : 0;
    while (first < text.length - 1 && text.charCodeAt(first) === 0x30) first++;
    const digits = text.length - first;
    if (digits > 20) {
      this.fail(
        "out_of_range",
        path,
        `${quote(text)} has ${digits} digits, out of range for ${type}`,
      );
    }
    return BigInt(text);
  }

  readMapKey(type: ScalarType, key: string, path: Where): unknown {
    if (type === ScalarType.STRING) return key;
    if (type !== ScalarType.BOOL) return this.readScalar(type, false, key, path);
    if (key === "true" || key === "false") return key;
    return this.fail(
      "invalid_value",
      path,
      `map key ${JSON.stringify(key)} is not "true" or "false"`,
    );
  }

  readBase64(value: string, path: Where): Uint8Array {
    const unpadded = value.replace(/=+$/, "");
    const padded = unpadded.length !== value.length;
    if (!BASE64.test(value) || unpadded.length % 4 === 1 || (padded && value.length % 4 !== 0)) {
      this.fail(
        "invalid_base64",
        path,
        `${describeJson(value)} is not base64 (RFC 4648: A-Z a-z 0-9 + / with = padding; - _ also accepted)`,
      );
    }
    return base64Decode(value);
  }

  expected(what: string, value: unknown, path: Where, code: IssueCode = "invalid_value"): never {
    return this.fail(code, path, `expected ${what}, got ${describeJson(value)}`);
  }

  fail(code: IssueCode, path: Where, detail: string): never {
    throw decodeError(this.typeName, code, path.get(), detail);
  }
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

/** Names Mesos shipped (include/mesos/v1/mesos.proto at 1.11.0) where the 2014 seed differs. */
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
