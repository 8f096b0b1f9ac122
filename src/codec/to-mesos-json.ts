// toMesosJson: a message as Mesos's HTTP API writes it (jsonify(JSON::Protobuf(...)), stout's
// jsonify.hpp and protobuf.hpp in 3rdparty/stout/include/stout at tag 1.11.0),
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
import {
  attempt,
  EncodeError,
  errorIssue,
  type Issue,
  type IssueCode,
  type IssuePath,
  type Result,
} from "../problems/index.js";
import { type MessageObject, setValue } from "./field-access.js";
import { setOwn } from "./generated/runtime/index.js";
import { stackExhausted } from "./message-depth.js";
import { DEFAULT_MAX_DEPTH } from "./options.js";
import { enumChecker, scalarChecker } from "./scalar-check.js";

export interface ToMesosJsonOptions {
  /**
   * Write unset fields that declare a `[default = …]` with their default (DockerInfo.network →
   * "HOST", CommandInfo.shell → true, URI.extract → true), except deprecated ones: exactly what
   * Mesos (stout, since 0.19 / 1.4) writes. Default true. false writes only set fields, so that
   * `fromMesosJson(toMesosJson(m))` has the same fields set as `m` (proto2 presence: `equals`
   * tells an unset `shell` from `shell: true`).
   */
  readonly emitDefaults?: boolean;
  /**
   * Deepest nesting written, root = 1; default 100 (as decode and fromMesosJson read). A message
   * built in code that nests deeper (a ContainerID parent chain) is `max_depth_exceeded`, never a
   * stack overflow.
   */
  readonly maxDepth?: number;
}

/**
 * The message as a JSON value in Mesos's style: proto field names (`task_id`), declaration order,
 * enum value names, bytes as standard base64, repeated fields only when non-empty, map fields as
 * objects, defaults of unset fields (see `emitDefaults`).
 *
 * A JS value cannot hold what Mesos writes for some numbers, so here 64-bit integers past 2^53
 * are decimal strings and NaN / ±Infinity the strings "NaN", "Infinity", "-Infinity" (Mesos reads
 * both, and fromMesosJson reads them back exactly); -0 stays -0 (JSON.stringify would write 0:
 * use `toMesosJsonText` for text). Unknown fields are not written (JSON has no place for them;
 * use `encode` to keep them). Unset required fields are simply absent.
 * Throws `EncodeError` (every issue) for values with no faithful JSON form: a closed-enum number
 * without a name, a value of the wrong type or range, a string with an unpaired surrogate.
 */
export function toMesosJson<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
  options?: ToMesosJsonOptions,
): JsonObject {
  return write(schema, message, options, false) as JsonObject;
}

/**
 * The message as JSON text exactly as Mesos writes it: like `toMesosJson`, but 64-bit integers
 * are bare digits however large, NaN and ±Infinity are the bare tokens Mesos >= 1.10 writes, and
 * -0 is written as -0. fromMesosJson reads all of it back exactly. `indent` as in JSON.stringify.
 */
export function toMesosJsonText<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
  options?: ToMesosJsonOptions & { readonly indent?: number },
): string {
  const json = write(schema, message, options, true);
  try {
    return stringify(json, " ".repeat(options?.indent ?? 0), "\n");
  } catch (error) {
    stackExhausted(error, schema, message, `cannot write ${schema.typeName} as Mesos JSON`);
  }
}

/** Like `toMesosJson`, but returns `{ success: false, issues }` instead of throwing. */
export function safeToMesosJson<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
  options?: ToMesosJsonOptions,
): Result<JsonObject> {
  return attempt(() => toMesosJson(schema, message, options));
}

/** A token written as is into JSON text (bare digits, Infinity, NaN, -0). */
class Raw {
  constructor(readonly text: string) {}
}

type Out = JsonValue | Raw | Out[] | OutObject;
type OutObject = { [key: string]: Out };

function write(
  schema: DescMessage,
  message: unknown,
  options: ToMesosJsonOptions | undefined,
  text: boolean,
): Out {
  const maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  const what = `cannot write ${schema.typeName} as Mesos JSON`;
  if (!Number.isSafeInteger(maxDepth) || maxDepth < 0) {
    const why = `maxDepth must be a non-negative integer, got ${String(maxDepth)}`;
    throw new EncodeError(what, [errorIssue("invalid_option", ["maxDepth"], why)]);
  }
  const writer = new Writer(options?.emitDefaults !== false, text, maxDepth);
  let json: Out;
  try {
    json = writer.message(schema, message as MessageObject, []);
  } catch (error) {
    // A maxDepth raised past what the stack holds: the same typed error, never a RangeError.
    stackExhausted(error, schema, message, what);
  }
  const [first, ...rest] = writer.problems;
  if (first !== undefined) throw new EncodeError(what, [first, ...rest]);
  return json;
}

/** JSON text of `value`; keys and strings through JSON.stringify, Raw tokens as they are. */
function stringify(value: Out, indent: string, nl: string, at = ""): string {
  if (value instanceof Raw) return value.text;
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  const inner = at + indent;
  const sep = indent === "" ? "" : nl + inner;
  const end = indent === "" ? "" : nl + at;
  const colon = indent === "" ? ":" : ": ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[${sep}${value.map((v) => stringify(v, indent, nl, inner)).join(`,${sep}`)}${end}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return "{}";
  const obj = value as { [key: string]: Out };
  return `{${sep}${keys.map((k) => `${JSON.stringify(k)}${colon}${stringify(obj[k] as Out, indent, nl, inner)}`).join(`,${sep}`)}${end}}`;
}

/** One toMesosJson call: its options, the nesting reached, and the problems found so far. */
class Writer {
  readonly problems: Issue[] = [];
  depth = 0;

  constructor(
    readonly emitDefaults: boolean,
    /** Writing text: numbers JSON values cannot hold become Raw tokens. */
    readonly text: boolean,
    readonly maxDepth: number,
  ) {}

  message(desc: DescMessage, message: MessageObject, path: IssuePath): OutObject {
    const json: OutObject = {};
    if (typeof message !== "object" || message === null || message.$typeName !== desc.typeName) {
      this.problem(path, "wrong_message_type", `expected a ${desc.typeName} message`);
      return json;
    }
    if (++this.depth > this.maxDepth) {
      const why = `messages nest deeper than maxDepth (${this.maxDepth}) here: raise maxDepth if such messages are expected`;
      this.problem(path, "max_depth_exceeded", why);
      this.depth--;
      return json;
    }
    for (const field of desc.fields) {
      let value = setValue(message, field);
      const scalar = field.fieldKind === "scalar" || field.fieldKind === "enum";
      if (value === undefined && scalar && this.emitDefaults && !field.deprecated) {
        value = field.getDefaultValue(); // its [default = …], if it declares one
      }
      if (value === undefined) continue;
      path.push(field.name);
      const out = this.field(field, value, path);
      if (out !== undefined) setOwn(json, field.name, out);
      path.pop();
    }
    this.depth--;
    return json;
  }

  field(field: DescField, value: unknown, path: IssuePath): Out | undefined {
    switch (field.fieldKind) {
      case "list": {
        if (!Array.isArray(value)) return this.problem(path, "invalid_value", "expected an array");
        const out: Out[] = [];
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          const item = this.singular(field, value[i], path);
          if (item !== undefined) out.push(item);
          path.pop();
        }
        return out;
      }
      case "map": {
        const out: OutObject = {};
        for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
          path.push(key);
          const written = this.singular(field, item, path);
          if (written !== undefined) setOwn(out, key, written);
          path.pop();
        }
        return out;
      }
      default:
        return this.singular(field, value, path);
    }
  }

  /** One value of `field` (for lists and maps: one element). */
  singular(field: DescField, value: unknown, path: IssuePath): Out | undefined {
    if (field.message !== undefined)
      return this.message(field.message, value as MessageObject, path);
    if (field.enum !== undefined) return this.enum(field.enum, value, path);
    const scalar = field.scalar as ScalarType;
    const p = scalarChecker(scalar)(value);
    if (p !== undefined) return this.problem(path, p.code, p.reason);
    switch (scalar) {
      case ScalarType.BYTES:
        return base64Encode(value as Uint8Array, "std");
      case ScalarType.DOUBLE:
      case ScalarType.FLOAT: {
        const n = value as number;
        if (Number.isFinite(n)) return this.text && Object.is(n, -0) ? new Raw("-0") : n;
        const token = Number.isNaN(n) ? "NaN" : n > 0 ? "Infinity" : "-Infinity";
        return this.text ? new Raw(token) : token;
      }
      case ScalarType.INT64:
      case ScalarType.UINT64:
      case ScalarType.SINT64:
      case ScalarType.FIXED64:
      case ScalarType.SFIXED64: {
        const n = BigInt(value as bigint | string | number);
        if (n >= -MAX_SAFE && n <= MAX_SAFE) return Number(n);
        return this.text ? new Raw(String(n)) : String(n);
      }
      default:
        return value as JsonValue;
    }
  }

  enum(desc: DescEnum, value: unknown, path: IssuePath): Out | undefined {
    const p = enumChecker(desc)(value);
    if (p !== undefined) return this.problem(path, p.code, p.reason);
    const named = desc.value[value as number];
    // An open enum may hold a number without a name; Mesos has none, but write it faithfully.
    return named === undefined ? (value as number) : named.name;
  }

  problem(path: IssuePath, code: IssueCode, why: string): undefined {
    this.problems.push(errorIssue(code, path, why));
    return undefined;
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
