// The generated codec on the Mesos 1.11 schemas (mesos.v1 and the v1 scheduler API, whose Call
// and Event reach mesos.v1 types in another file): a codec for every message type of all three
// files, and the same differential properties as the seed schema (compare.ts), on random
// messages, the domain arbitraries, near misses, the Go-written fixtures and their mutations.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type DescFile, type DescMessage, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { file_mesos_mesos } from "../../gen/mesos/mesos_pb.js";
import {
  ExecutorInfoSchema,
  file_mesos_v1_mesos,
  OfferSchema,
  TaskGroupInfoSchema,
  TaskInfoSchema,
} from "../../gen/mesos/v1/mesos_pb.js";
import {
  CallSchema,
  EventSchema,
  file_mesos_v1_scheduler_scheduler,
} from "../../gen/mesos/v1/scheduler/scheduler_pb.js";
import { generatedCodec } from "../../src/codec/generated/index.js";
import { arbitraryMessage, mutatedBytes, v1Offer, v1TaskInfo } from "../../src/testing/index.js";
import { expectSameDecode, expectSameEncode } from "./compare.js";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/v1");
const fixture = (name: string) => new Uint8Array(readFileSync(resolve(FIXTURES, `${name}.binpb`)));

function messagesOf(file: DescFile): DescMessage[] {
  const out: DescMessage[] = [];
  const add = (d: DescMessage) => {
    out.push(d);
    for (const n of d.nestedMessages) add(n);
  };
  for (const d of file.messages) add(d);
  return out;
}

test.each([
  ["mesos/mesos.proto", file_mesos_mesos, 26],
  ["mesos/v1/mesos.proto", file_mesos_v1_mesos, 131],
  ["mesos/v1/scheduler/scheduler.proto", file_mesos_v1_scheduler_scheduler, 42],
] as const)("every message type of %s has a generated codec", (_name, file, count) => {
  const messages = messagesOf(file);
  expect(messages).toHaveLength(count);
  const missing = messages.filter((d) => generatedCodec(d) === undefined).map((d) => d.typeName);
  expect(missing).toEqual([]);
});

const FIXTURE_CASES: [string, DescMessage][] = [
  ["docker-task", TaskInfoSchema],
  ["mesos-task", TaskInfoSchema],
  ["default-executor", ExecutorInfoSchema],
  ["task-group", TaskGroupInfoSchema],
  ["offer", OfferSchema],
  ["call-subscribe", CallSchema],
  ["call-accept-launch", CallSchema],
  ["call-accept-launch-group", CallSchema],
  ["call-decline", CallSchema],
  ["call-acknowledge", CallSchema],
  ["call-kill", CallSchema],
  ["event-subscribed", EventSchema],
  ["event-offers", EventSchema],
  ["event-update", EventSchema],
  ["event-rescind", EventSchema],
  ["event-failure", EventSchema],
  ["event-error", EventSchema],
  ["event-heartbeat", EventSchema],
];

describe("the Go-written fixtures", () => {
  test.each(FIXTURE_CASES)(
    "%s decodes and encodes as the reflective codec does",
    (name, schema) => {
      const bytes = fixture(name);
      const outcome = expectSameDecode(schema, bytes);
      expect(outcome).toHaveProperty("ok");
      const codec = generatedCodec(schema);
      const message = codec?.read(bytes, { maxDepth: 100, maxUnknownFields: 10_000 })?.message;
      expect(message).toBeDefined();
      expect(expectSameEncode(schema, message)).toBeInstanceOf(Uint8Array);
    },
  );

  const bySchema = new Map<DescMessage, Uint8Array[]>();
  for (const [name, schema] of FIXTURE_CASES) {
    bySchema.set(schema, [...(bySchema.get(schema) ?? []), fixture(name)]);
  }
  test.each([...bySchema].map(([s, list]) => [s.typeName, s, list] as const))(
    "mutated %s fixtures: the same message or the same issues, under random limits",
    (_name, schema, list) => {
      const limits = fc.record(
        {
          maxDepth: fc.integer({ min: 1, max: 8 }),
          maxUnknownFields: fc.integer({ min: 0, max: 3 }),
          required: fc.boolean(),
        },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(mutatedBytes(fc.constantFrom(...list)), limits, (bytes, options) => {
          expectSameDecode(schema, bytes, options);
        }),
        { numRuns: 300 },
      );
    },
  );
});

const SCHEMAS: [string, DescMessage][] = [
  ["TaskInfo", TaskInfoSchema],
  ["TaskGroupInfo", TaskGroupInfoSchema],
  ["Offer", OfferSchema],
  ["Call", CallSchema],
  ["Event", EventSchema],
];

describe.each(SCHEMAS)("random v1 %s", (_name, schema) => {
  const messages = arbitraryMessage(schema, { unknownFields: true, maxDepth: 3, maxLength: 2 });
  const bytesOf = messages.map((m) => toBinary(schema, m));

  test("decode of a valid encoding equals fromBinary exactly; encode is toBinary's bytes", () => {
    fc.assert(
      fc.property(messages, (m) => {
        const bytes = toBinary(schema, m);
        expect(expectSameEncode(schema, m)).toEqual(bytes);
        expect(expectSameDecode(schema, bytes)).toHaveProperty("ok");
      }),
      { numRuns: 60 },
    );
  });

  test("mutated encodings: the same message or the same issues", () => {
    fc.assert(
      fc.property(mutatedBytes(bytesOf), (bytes) => {
        expectSameDecode(schema, bytes);
      }),
      { numRuns: 150 },
    );
  });

  test("random bytes: the same message or the same issues", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 48 }), (bytes) => {
        expectSameDecode(schema, bytes);
      }),
      { numRuns: 200 },
    );
  });
});

describe("v1 domain messages", () => {
  test("valid tasks and offers: same decode, byte-identical encode", () => {
    fc.assert(
      fc.property(fc.oneof(v1TaskInfo(), v1Offer()), (m) => {
        const schema = m.$typeName === "mesos.v1.Offer" ? OfferSchema : TaskInfoSchema;
        const bytes = expectSameEncode(schema, m);
        expect(bytes).toEqual(toBinary(schema, m));
        expect(expectSameDecode(schema, bytes as Uint8Array)).toHaveProperty("ok");
      }),
      { numRuns: 100 },
    );
  });

  test("near misses: a task without one of its required fields, at the root or nested", () => {
    // name = 1, task_id = 2, agent_id = 3 (toBinary refuses to leave them out, so the fields
    // are cut from the bytes); nested: task_id present but empty (TaskID.value missing).
    fc.assert(
      fc.property(v1TaskInfo(), fc.constantFrom(1, 2, 3), fc.boolean(), (task, drop, nested) => {
        const cut = withoutRootField(toBinary(TaskInfoSchema, task), drop);
        const bytes = nested && drop === 2 ? concat(cut, Uint8Array.of(0x12, 0x00)) : cut;
        const outcome = expectSameDecode(TaskInfoSchema, bytes);
        expect(outcome).toMatchObject({ issues: [{ code: "required_field_missing" }] });
        expect(expectSameDecode(TaskInfoSchema, bytes, { required: false })).toHaveProperty("ok");
      }),
      { numRuns: 100 },
    );
  });
});

/** `bytes` (a toBinary encoding: no groups) without the top-level fields numbered `no`. */
function withoutRootField(bytes: Uint8Array, no: number): Uint8Array {
  const kept: number[] = [];
  let pos = 0;
  const varint = (): number => {
    let value = 0;
    for (let scale = 1; ; scale *= 128) {
      const b = bytes[pos++] as number;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
    }
  };
  while (pos < bytes.length) {
    const start = pos;
    const tag = varint();
    const wt = tag % 8;
    if (wt === 0) varint();
    else if (wt === 1) pos += 8;
    else if (wt === 5) pos += 4;
    else {
      const length = varint(); // before the addition: varint() moves pos
      pos += length;
    }
    if (Math.floor(tag / 8) !== no) kept.push(...bytes.subarray(start, pos));
  }
  return Uint8Array.from(kept);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
