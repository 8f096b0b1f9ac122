// Helpers of the generated-codec tests: run the generated and the reflective codec on the same
// input and describe the outcome in a form `toEqual` can compare exactly.
import { type DescMessage, fromBinary } from "@bufbuild/protobuf";
import { expect } from "vitest";
import { generatedCodec } from "../../src/codec/generated/index.js";
import { decode, encode } from "../../src/codec/index.js";
import { MesosDockerInfoError } from "../../src/problems/index.js";

/** What a decode came to: the message's exact shape, or the first error's code/path/offset. */
export type Outcome =
  | { readonly ok: unknown }
  | { readonly code: string; readonly path: unknown; readonly offset: number | undefined };

/**
 * A message as plain data that keeps what `equals` ignores: which prototype each object has,
 * own keys in order (presence, and the order fromBinary assigns fields in), bytes as arrays.
 */
export function shape(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: [...value] };
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

function errorOutcome(e: unknown): Outcome {
  if (e instanceof MesosDockerInfoError || (e instanceof Error && e.name === "DecodeError")) {
    const err = e as unknown as { code: string; path: unknown; offset: number | undefined };
    return { code: err.code, path: err.path, offset: err.offset };
  }
  throw e;
}

export function generatedOutcome(
  schema: DescMessage,
  bytes: Uint8Array,
  options?: { maxDepth?: number; maxBytes?: number },
): Outcome {
  const codec = generatedCodec(schema);
  if (codec === undefined) throw new Error(`no generated codec for ${schema.typeName}`);
  try {
    return { ok: shape(codec.decode(bytes, options)) };
  } catch (e) {
    return errorOutcome(e);
  }
}

export function reflectiveOutcome(
  schema: DescMessage,
  bytes: Uint8Array,
  options?: { maxDepth?: number; maxBytes?: number },
): Outcome {
  try {
    decode(schema, bytes, options);
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
  options?: { maxDepth?: number; maxBytes?: number },
): Outcome {
  const expected = reflectiveOutcome(schema, bytes, options);
  expect(generatedOutcome(schema, bytes, options)).toEqual(expected);
  return expected;
}

/** Problems of an encode error as code and path pairs (the reflective and the new shape). */
export function encodeIssues(e: unknown): { code: string; path: unknown }[] {
  const err = e as {
    issues?: readonly { code: string; path: unknown }[];
    problems?: readonly { code: string; path: unknown }[];
  };
  const list = err.issues ?? err.problems;
  if (list === undefined) throw e;
  return list.map((p) => ({ code: p.code, path: p.path }));
}

/** Both encoders agree: the same bytes, or the same problems. */
export function expectSameEncode(schema: DescMessage, message: unknown): Uint8Array | undefined {
  const codec = generatedCodec(schema);
  if (codec === undefined) throw new Error(`no generated codec for ${schema.typeName}`);
  let expected: Uint8Array | { code: string; path: unknown }[];
  try {
    expected = encode(schema, message as never);
  } catch (e) {
    expected = encodeIssues(e);
  }
  let actual: Uint8Array | { code: string; path: unknown }[];
  try {
    actual = codec.encode(message as never);
  } catch (e) {
    expect(e).toBeInstanceOf(MesosDockerInfoError);
    actual = encodeIssues(e);
  }
  expect(actual).toEqual(expected);
  return actual instanceof Uint8Array ? actual : undefined;
}
