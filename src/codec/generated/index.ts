// Generated strict codecs (plugin/protoc-gen-mesos-codec.mjs -> gen/**/*_codec.ts), looked up by
// schema. `decode`/`encode` in src/codec use one when it exists and fall back to reflection for
// any other schema; the generated read and write keep the reflective codec's semantics (the
// differential tests in test/codec-generated hold the two together).
import type { DescMessage } from "@bufbuild/protobuf";
import { codecs as mesosCodecs } from "../../../gen/mesos/mesos_codec.js";
import { codecs as v1Codecs } from "../../../gen/mesos/v1/mesos_codec.js";
import { codecs as schedulerCodecs } from "../../../gen/mesos/v1/scheduler/scheduler_codec.js";
import { type CodecEntry, codecOf, type GeneratedCodec } from "./runtime/index.js";

export type { GeneratedCodec, ReadLimits, ReadResult } from "./runtime/index.js";

const byTypeName = new Map<string, CodecEntry>();
for (const list of [mesosCodecs, v1Codecs, schedulerCodecs]) {
  for (const entry of list) byTypeName.set(entry.schema.typeName, entry);
}

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
