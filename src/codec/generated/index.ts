// Generated strict codecs (plugin/protoc-gen-mesos-codec.mjs -> gen/**/*_codec.ts), looked up by
// schema. `decode`/`encode` in src/codec use one when it exists and fall back to reflection for
// any other schema; the generated read and write keep the reflective codec's semantics (the
// differential tests in test/codec-generated hold the two together).
//
// The seed's codecs are here from the start; the Mesos 1.11 ones (13k generated lines, and the v1
// descriptors they import) are registered by src/mesos-v1 when it loads (the package root imports
// it), so decoding seed messages never loads them. Until then a v1 schema takes the reflective
// codec, which reads and writes the same bytes.
import type { DescMessage } from "@bufbuild/protobuf";
import { codecs as mesosCodecs } from "../../../gen/mesos/mesos_codec.js";
import { type CodecEntry, codecOf, type GeneratedCodec } from "./runtime/index.js";

export type { CodecEntry, GeneratedCodec, ReadLimits, ReadResult } from "./runtime/index.js";

const byTypeName = new Map<string, CodecEntry>();

/** Adds the generated codecs of one file (its `codecs` export); a type registered again is replaced. */
export function registerGeneratedCodecs(list: readonly CodecEntry[]): void {
  for (const entry of list) byTypeName.set(entry.schema.typeName, entry);
}

registerGeneratedCodecs(mesosCodecs);

const built = new WeakMap<DescMessage, GeneratedCodec>();

/**
 * The generated codec for `schema`, or undefined when none was generated for it. Matched by the
 * descriptor object itself: a schema loaded from another registry with the same type name gets
 * undefined, since its messages need not have the generated layout.
 */
export function generatedCodec<Desc extends DescMessage>(
  schema: Desc,
): GeneratedCodec<Desc> | undefined {
  const cached = built.get(schema);
  if (cached !== undefined) return cached as GeneratedCodec<Desc>;
  const entry = byTypeName.get(schema.typeName);
  if (entry === undefined || entry.schema !== schema) return undefined;
  const codec = codecOf<Desc>(entry);
  built.set(schema, codec as unknown as GeneratedCodec);
  return codec;
}

/** Every schema with a generated codec. */
export function generatedSchemas(): DescMessage[] {
  return [...byTypeName.values()].map((e) => e.schema);
}
