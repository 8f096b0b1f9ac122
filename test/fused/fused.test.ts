// Item 3 of issue 14: the fused calls (decodeLaunch, decode with `validate: true`) skip the
// structural walk the strict decoder has already done. These properties hold them to the unfused
// calls on both schemas: the same launch or the same issues (codes, severities, paths, messages,
// order), the same thrown error, on valid tasks and offers, near misses and mutated bytes.
import { type DescMessage, type MessageShape, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  DecodeError,
  decode,
  decodeLaunch,
  OfferSchema,
  resolveLaunch,
  TaskInfoSchema,
  ValidationError,
  validate,
} from "../../src/index.js";
import {
  arbitraryMessage,
  invalidTaskInfo,
  invalidV1TaskInfo,
  mutatedBytes,
  offer,
  taskInfo,
  v1Offer,
  v1TaskInfo,
} from "../../src/testing/index.js";
import * as v1 from "../../src/v1/index.js";

type Outcome = { value: unknown } | { error: string; issues: unknown };

function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (e) {
    if (e instanceof DecodeError || e instanceof ValidationError) {
      return { error: e.constructor.name, issues: e.issues };
    }
    throw e; // a crash is a failure of the property, not an outcome
  }
}

// toBinary refuses some near misses (a required field left out): those bytes cannot exist.
function bytesOf(schema: DescMessage, message: MessageShape<DescMessage>): Uint8Array | undefined {
  try {
    return toBinary(schema, message);
  } catch {
    return undefined;
  }
}

const TASKS = [
  {
    name: "seed",
    schema: TaskInfoSchema,
    valid: taskInfo(),
    nearMiss: invalidTaskInfo().map((n) => n.task),
    random: arbitraryMessage(TaskInfoSchema, { maxDepth: 4, maxLength: 2 }),
  },
  {
    name: "v1",
    schema: v1.TaskInfoSchema,
    valid: v1TaskInfo(),
    nearMiss: invalidV1TaskInfo().map((n) => n.task),
    random: arbitraryMessage(v1.TaskInfoSchema, { maxDepth: 4, maxLength: 2 }),
  },
] as const;

function expectSameLaunch(schema: DescMessage, bytes: Uint8Array, options?: object): Outcome {
  const unfused = outcome(() =>
    resolveLaunch(decode(schema, bytes, options) as MessageShape<typeof TaskInfoSchema>),
  );
  const fused = outcome(() => decodeLaunch(schema as typeof TaskInfoSchema, bytes, options));
  expect(fused).toEqual(unfused);
  return fused;
}

describe.each(TASKS)("decodeLaunch on $name tasks", ({ schema, valid, nearMiss, random }) => {
  const tasks = fc.oneof(valid, nearMiss, random);
  const encoded = tasks
    .map((t) => bytesOf(schema, t as never))
    .filter((b): b is Uint8Array => b !== undefined);

  test("valid tasks: the same launch as resolveLaunch(decode(bytes))", () => {
    fc.assert(
      fc.property(valid, (task) => {
        const bytes = toBinary(schema, task as never);
        const fused = decodeLaunch(schema as typeof TaskInfoSchema, bytes);
        expect(fused.success).toBe(true);
        expect(fused).toEqual(resolveLaunch(decode(schema, bytes) as never));
      }),
      { numRuns: 80 },
    );
  });

  test("near misses and random tasks: the same launch or the same issues, in order", () => {
    let failures = 0;
    fc.assert(
      fc.property(encoded, (bytes) => {
        const fused = expectSameLaunch(schema, bytes);
        if ("value" in fused && !(fused.value as { success: boolean }).success) failures++;
      }),
      { numRuns: 150 },
    );
    // The comparison is only worth something if issues were compared.
    expect(failures).toBeGreaterThan(0);
  });

  test("mutated bytes: the same launch, issues or thrown DecodeError", () => {
    fc.assert(
      fc.property(mutatedBytes(encoded), (bytes) => {
        expectSameLaunch(schema, bytes);
      }),
      { numRuns: 200 },
    );
  });

  test("required: false falls back to the full validate (missing required fields reported)", () => {
    fc.assert(
      fc.property(mutatedBytes(encoded), fc.boolean(), (bytes, strictSpelling) => {
        expectSameLaunch(schema, bytes, strictSpelling ? { strict: false } : { required: false });
      }),
      { numRuns: 150 },
    );
  });
});

const MESSAGES = [
  { name: "seed Offer", schema: OfferSchema as DescMessage, arbitrary: offer() },
  { name: "v1 Offer", schema: v1.OfferSchema as DescMessage, arbitrary: v1Offer() },
  {
    name: "seed random Offer",
    schema: OfferSchema as DescMessage,
    arbitrary: arbitraryMessage(OfferSchema, { maxDepth: 4, maxLength: 3 }),
  },
  {
    name: "v1 random ExecutorInfo",
    schema: v1.ExecutorInfoSchema as DescMessage,
    arbitrary: arbitraryMessage(v1.ExecutorInfoSchema, { maxDepth: 4, maxLength: 2 }),
  },
] as const;

describe.each(MESSAGES)("decode(..., { validate: true }) on $name", ({ schema, arbitrary }) => {
  const encoded = (arbitrary as fc.Arbitrary<MessageShape<DescMessage>>)
    .map((m) => bytesOf(schema, m))
    .filter((b): b is Uint8Array => b !== undefined);

  test("the same message or the same ValidationError/DecodeError as validate(decode(bytes))", () => {
    fc.assert(
      fc.property(fc.oneof(encoded, mutatedBytes(encoded)), (bytes) => {
        const unfused = outcome(() => {
          const message = decode(schema, bytes);
          const result = validate(schema, message);
          if (!result.success)
            throw new ValidationError(`${schema.typeName} is invalid`, result.issues as never);
          return message;
        });
        expect(outcome(() => decode(schema, bytes, { validate: true }))).toEqual(unfused);
      }),
      { numRuns: 150 },
    );
  });
});

test("decodeLaunch on a message that is not a TaskInfo reports invalid_input, as resolveLaunch", () => {
  // An empty Offer: decodable without required fields, and not a TaskInfo.
  const fused = decodeLaunch(OfferSchema as never, new Uint8Array(0), { required: false });
  expect(fused).toMatchObject({ success: false, issues: [{ code: "invalid_input" }] });
});
