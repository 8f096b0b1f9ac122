// arbitraryMessage(schema, options?): a fast-check arbitrary for ANY message of a protobuf-es
// schema, driven by its descriptors. It knows nothing about Mesos: the domain arbitraries
// (taskInfo(), offer(), ...) are the ones that know our validation rules.
//
// Every arbitrary is built from fc.record / fc.array / fc.constantFrom and `map`, never `filter`,
// so shrinking stays useful: a failing TaskInfo shrinks field by field to a small message.
import {
  create,
  type DescField,
  type DescMessage,
  type MessageShape,
  ScalarType,
} from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { arbitraryUnknownFields } from "./arbitrary-unknown-fields.js";

/** Options of {@link arbitraryMessage}. Every option has a default that round-trips through `equals`. */
export interface ArbitraryMessageOptions {
  /**
   * Nesting depth up to which optional and repeated message fields are generated (default 4; the
   * root is depth 0, TaskInfo.executor.container.docker.volume is depth 4). Deeper, only required
   * message fields are generated, so every message stays encodable.
   */
  readonly maxDepth?: number;
  /** Maximum number of entries in a repeated or map field (default 3). */
  readonly maxLength?: number;
  /** Maximum length of a string field, in code points (default 12). */
  readonly maxStringLength?: number;
  /** Maximum length of a bytes field (default 16). */
  readonly maxBytesLength?: number;
  /**
   * The characters of string fields (default `"binary"`: any Unicode code point except lone
   * surrogates, so non-ASCII and astral characters are included and UTF-8 round trips are exact).
   */
  readonly stringUnit?: "binary" | "binary-ascii" | "grapheme" | "grapheme-ascii";
  /**
   * Allow NaN in double and float fields (default false): `equals()` treats NaN as unequal to
   * itself, so a round-trip property comparing with `equals` would fail on NaN.
   */
  readonly allowNaN?: boolean;
  /** Allow ±Infinity in double and float fields (default true). */
  readonly allowInfinity?: boolean;
  /**
   * Add `$unknown` entries (0–2 per message, every wire type including groups, valid wire encodings)
   * at field numbers the message does not use (default false). protobuf-es writes them back after
   * the known fields, so they exercise "fields we do not model survive a round trip".
   */
  readonly unknownFields?: boolean;
}

type ResolvedOptions = Required<ArbitraryMessageOptions>;

const DEFAULTS: ResolvedOptions = {
  maxDepth: 4,
  maxLength: 3,
  maxStringLength: 12,
  maxBytesLength: 16,
  stringUnit: "binary",
  allowNaN: false,
  allowInfinity: true,
  unknownFields: false,
};

// Beyond maxDepth only required message fields are generated; a cycle of REQUIRED messages can
// never end, so stop with a clear error instead of recursing forever.
const REQUIRED_CYCLE_LIMIT = 64;

// proto2 `required` (FeatureSet.FieldPresence.LEGACY_REQUIRED).
const LEGACY_REQUIRED = 3;

/**
 * One generator per option set: it caches the arbitrary of each (descriptor, depth) pair, so a
 * schema is walked once per option set and later calls of `arbitraryMessage` are a map lookup.
 */
class Generator {
  private readonly byDesc = new WeakMap<DescMessage, fc.Arbitrary<unknown>[]>();
  private readonly scalars = new Map<string, fc.Arbitrary<unknown>>();

  constructor(private readonly options: ResolvedOptions) {}

  message(desc: DescMessage, depth: number): fc.Arbitrary<unknown> {
    let perDepth = this.byDesc.get(desc);
    if (perDepth === undefined) {
      perDepth = [];
      this.byDesc.set(desc, perDepth);
    }
    // From maxDepth on, every depth has the same shape (no optional message fields).
    const slot = Math.min(depth, this.options.maxDepth);
    let arb = perDepth[slot];
    if (arb === undefined) {
      if (depth > this.options.maxDepth + REQUIRED_CYCLE_LIMIT) {
        throw new Error(
          `arbitraryMessage: ${desc.typeName} is part of a cycle of required message fields; no finite message exists`,
        );
      }
      arb = this.build(desc, depth);
      perDepth[slot] = arb;
    }
    return arb;
  }

  private build(desc: DescMessage, depth: number): fc.Arbitrary<unknown> {
    const nest = depth + 1 <= this.options.maxDepth;
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    const requiredKeys: string[] = [];
    for (const member of desc.members) {
      if (member.kind === "oneof") {
        const cases = member.fields.filter((f) => nest || f.fieldKind !== "message");
        const arms = cases.map((f) =>
          this.value(f, depth).map((value) => ({ case: f.localName, value })),
        );
        if (cases.length > 0) model[member.localName] = fc.oneof(...arms);
        continue;
      }
      const required = member.presence === LEGACY_REQUIRED;
      if (!required && !nest && member.message !== undefined) continue;
      model[member.localName] = this.field(member, depth);
      if (required) requiredKeys.push(member.localName);
    }
    const init = fc.record(model, { requiredKeys });
    if (!this.options.unknownFields) {
      return init.map((value) => create(desc, value as never));
    }
    return fc.tuple(init, arbitraryUnknownFields(desc)).map(([value, unknown]) => {
      const message = create(desc, value as never);
      if (unknown.length > 0) message.$unknown = unknown;
      return message;
    });
  }

  private field(field: DescField, depth: number): fc.Arbitrary<unknown> {
    const { maxLength } = this.options;
    switch (field.fieldKind) {
      case "list":
        return fc.array(this.value(field, depth), { maxLength });
      case "map": {
        // protobuf-es map objects are keyed by the key's string form.
        const key = this.scalar(field.mapKey, true).map(String);
        return fc
          .array(fc.tuple(key, this.value(field, depth)), { maxLength })
          .map((entries) => Object.fromEntries(entries));
      }
      default:
        return this.value(field, depth);
    }
  }

  /** One value of `field` (of a list or map: one element): a message, an enum or a scalar. */
  private value(field: DescField, depth: number): fc.Arbitrary<unknown> {
    if (field.message !== undefined) return this.message(field.message, depth + 1);
    // Closed enums only take their declared values; the first declared value shrinks best.
    if (field.enum !== undefined) return fc.constantFrom(...field.enum.values.map((v) => v.number));
    // Maps have no longAsString: their 64-bit values are bigints.
    const long = "longAsString" in field && field.longAsString;
    return this.scalar(field.scalar as ScalarType, long);
  }

  private scalar(type: ScalarType, longAsString: boolean): fc.Arbitrary<unknown> {
    const key = `${type}:${longAsString}`;
    let arb = this.scalars.get(key);
    if (arb === undefined) {
      arb = scalarArbitrary(type, this.options);
      // 64-bit fields declared with jstype = JS_STRING hold decimal strings.
      if (longAsString && LONG_TYPES.has(type)) arb = arb.map(String);
      this.scalars.set(key, arb);
    }
    return arb;
  }
}

const LONG_TYPES: ReadonlySet<ScalarType> = new Set([
  ScalarType.INT64,
  ScalarType.UINT64,
  ScalarType.SINT64,
  ScalarType.FIXED64,
  ScalarType.SFIXED64,
]);

function scalarArbitrary(type: ScalarType, o: ResolvedOptions): fc.Arbitrary<unknown> {
  const floating = { noNaN: !o.allowNaN, noDefaultInfinity: !o.allowInfinity };
  switch (type) {
    case ScalarType.DOUBLE:
      return fc.double(floating);
    case ScalarType.FLOAT:
      // Only float32-representable values, so the 4-byte encoding round-trips exactly.
      return fc.float(floating);
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return fc.integer({ min: 0, max: 2 ** 32 - 1 });
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
    case ScalarType.BOOL:
      return fc.boolean();
    case ScalarType.STRING:
      return fc.string({ unit: o.stringUnit, maxLength: o.maxStringLength });
    case ScalarType.BYTES:
      return fc.uint8Array({ maxLength: o.maxBytesLength });
  }
}

const generators = new Map<string, Generator>();

const COUNTS = ["maxDepth", "maxLength", "maxStringLength", "maxBytesLength"] as const;

function generatorFor(options: ArbitraryMessageOptions | undefined): Generator {
  const resolved: ResolvedOptions = { ...DEFAULTS, ...options };
  for (const name of COUNTS) {
    const value = resolved[name];
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(
        `arbitraryMessage: ${name} must be a non-negative integer, got ${value}`,
      );
    }
  }
  // Options are plain values, so their JSON is an exact cache key.
  const key = JSON.stringify(resolved, Object.keys(DEFAULTS).sort());
  let generator = generators.get(key);
  if (generator === undefined) {
    generator = new Generator(resolved);
    generators.set(key, generator);
  }
  return generator;
}

/**
 * An arbitrary for any message of `schema`, driven by its descriptors: proto2 `required` fields
 * are always set and `optional` ones set or not (set to the default value counts as set), repeated
 * fields get 0–`maxLength` entries, closed enums take only their declared values, strings include
 * non-ASCII and astral characters, 64-bit integers are `bigint`s over their whole range, doubles
 * exclude NaN unless `allowNaN`. Nesting is bounded by `maxDepth`. With `unknownFields: true`,
 * messages also carry `$unknown` entries at unused field numbers.
 *
 * Arbitraries are cached per descriptor and option set: calling this in a loop is cheap.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { decode, encode, equals, TaskInfoSchema } from "mesos-dockerinfo";
 * import { arbitraryMessage } from "mesos-dockerinfo/testing";
 *
 * fc.assert(
 *   fc.property(arbitraryMessage(TaskInfoSchema, { unknownFields: true }), (task) => {
 *     const bytes = encode(TaskInfoSchema, task);
 *     const back = decode(TaskInfoSchema, bytes);
 *     return equals(TaskInfoSchema, task, back) &&
 *       Buffer.from(encode(TaskInfoSchema, back)).equals(Buffer.from(bytes));
 *   }),
 * );
 * ```
 */
export function arbitraryMessage<Desc extends DescMessage>(
  schema: Desc,
  options?: ArbitraryMessageOptions,
): fc.Arbitrary<MessageShape<Desc>> {
  return generatorFor(options).message(schema, 0) as fc.Arbitrary<MessageShape<Desc>>;
}
