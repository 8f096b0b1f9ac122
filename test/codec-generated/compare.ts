// Helpers of the generated-codec tests: run the generated and the reflective codec on the same
// input and describe the outcome in a form `toEqual` can compare exactly.
import { type DescMessage, fromBinary } from "@bufbuild/protobuf";
import { expect } from "vitest";
import { decodeUsing, reflectiveDecode } from "../../src/codec/decode.js";
import { encode, reflectiveEncode } from "../../src/codec/encode.js";
import { type GeneratedCodec, generatedCodec } from "../../src/codec/generated/index.js";
import { MesosDockerInfoError } from "../../src/problems/index.js";

type Options = {
  maxDepth?: number;
  maxBytes?: number;
  maxUnknownFields?: number;
  required?: boolean;
};

/** What a decode came to: the message's exact shape, or every issue's code, path and offset. */
export type Outcome =
  | { readonly ok: unknown }
  | {
      readonly issues: readonly {
        readonly code: string;
        readonly path: unknown;
        readonly offset: number | undefined;
      }[];
    };

/**
 * A message as plain data that keeps what `equals` ignores: which prototype each object has,
 * own keys in order (presence, and the order fromBinary assigns fields in), bytes as hex text.
 */
export function shape(value: unknown): unknown {
  // Hex is as exact as a number array and compares as one string, not one element at a time.
  if (value instanceof Uint8Array) {
    return { "(prototype)": protoName(value), bytes: Buffer.from(value).toString("hex") };
  }
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === "bigint") return { bigint: value.toString() };
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = { "(prototype)": protoName(value) };
  for (const key of Object.keys(value)) {
    out[key] = shape((value as Record<string, unknown>)[key]);
  }
  out["(keys)"] = Object.keys(value);
  return out;
}

// Prototypes are compared by identity through a registry of the ones seen.
const protoIds = new Map<object | null, number>();
function protoName(value: object): number {
  const proto = Object.getPrototypeOf(value) as object | null;
  let id = protoIds.get(proto);
  if (id === undefined) {
    id = protoIds.size;
    protoIds.set(proto, id);
  }
  return id;
}

export function errorOutcome(e: unknown): Outcome {
  if (e instanceof MesosDockerInfoError) {
    return { issues: e.issues.map((i) => ({ code: i.code, path: i.path, offset: i.offset })) };
  }
  throw e;
}

/** The decode of `schema` through its generated reader, with that reader's own errors. */
export function generatedDecode(
  schema: DescMessage,
  bytes: Uint8Array,
  options?: Options,
  codec: GeneratedCodec | undefined = generatedCodec(schema),
): unknown {
  if (codec === undefined) throw new Error(`no generated codec for ${schema.typeName}`);
  return decodeUsing(codec, schema, bytes, options);
}

export function generatedOutcome(
  schema: DescMessage,
  bytes: Uint8Array,
  options?: Options,
  codec?: GeneratedCodec,
): Outcome {
  try {
    return { ok: shape(generatedDecode(schema, bytes, options, codec ?? generatedCodec(schema))) };
  } catch (e) {
    return errorOutcome(e);
  }
}

export function reflectiveOutcome(
  schema: DescMessage,
  bytes: Uint8Array,
  options?: Options,
): Outcome {
  try {
    reflectiveDecode(schema, bytes, options);
    // The reflective decode copies bytes out of the input but is otherwise fromBinary: the
    // exact shape to match is fromBinary's (same prototypes, key order, unknown fields).
    return { ok: shape(fromBinary(schema, bytes, { recursionLimit: options?.maxDepth ?? 100 })) };
  } catch (e) {
    return errorOutcome(e);
  }
}

/** Generated and reflective decode agree on `bytes`; returns the outcome. */
export function expectSameDecode(
  schema: DescMessage,
  bytes: Uint8Array,
  options?: Options,
  codec?: GeneratedCodec,
): Outcome {
  const expected = reflectiveOutcome(schema, bytes, options);
  expect(generatedOutcome(schema, bytes, options, codec)).toEqual(expected);
  return expected;
}

/** Problems of an encode error as code and path pairs. */
export function encodeIssues(e: unknown): { code: string; path: unknown }[] {
  if (!(e instanceof MesosDockerInfoError)) throw e;
  return e.issues.map((p) => ({ code: p.code, path: p.path }));
}

/**
 * Both encoders agree: the generated one writes the reflective one's bytes, or declines
 * (undefined) exactly when the reflective one refuses; and the public encode gives the same
 * bytes or the same problems as the reflective one.
 */
export function expectSameEncode(
  schema: DescMessage,
  message: unknown,
  codec: GeneratedCodec | undefined = generatedCodec(schema),
): Uint8Array | undefined {
  if (codec === undefined) throw new Error(`no generated codec for ${schema.typeName}`);
  let expected: Uint8Array | { code: string; path: unknown }[];
  try {
    expected = reflectiveEncode(schema, message as never);
  } catch (e) {
    expected = encodeIssues(e);
  }
  const written = codec.write(message as never);
  expect(written).toEqual(expected instanceof Uint8Array ? expected : undefined);
  if (codec === generatedCodec(schema)) {
    let actual: Uint8Array | { code: string; path: unknown }[];
    try {
      actual = encode(schema, message as never);
    } catch (e) {
      actual = encodeIssues(e);
    }
    expect(actual).toEqual(expected);
  }
  return expected instanceof Uint8Array ? expected : undefined;
}
