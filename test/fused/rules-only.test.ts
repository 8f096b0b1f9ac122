// The rules-only walker (src/validation/rules-only.ts): compiled and interpreted walkers give the
// same issues, and on any message the strict decoder returns, validateDecoded gives exactly
// validate's result, for message types of both schemas and the v1 scheduler API.
import { type DescMessage, type MessageShape, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decode, OfferSchema, TaskInfoSchema } from "../../src/index.js";
import { Collector } from "../../src/rules/index.js";
import { arbitraryMessage, mutatedBytes } from "../../src/testing/index.js";
import * as v1 from "../../src/v1/index.js";
import { validate, validateDecoded } from "../../src/validation/index.js";
import { planOf } from "../../src/validation/plan.js";
import { rulesRunOf } from "../../src/validation/rules-only.js";

const SCHEMAS: [string, DescMessage][] = [
  ["seed TaskInfo", TaskInfoSchema],
  ["seed Offer", OfferSchema],
  ["v1 TaskInfo", v1.TaskInfoSchema],
  ["v1 TaskGroupInfo", v1.TaskGroupInfoSchema],
  ["v1 Offer", v1.OfferSchema],
  ["v1 scheduler Call", v1.CallSchema],
];

// Random messages' bytes (toBinary refuses some: those cannot arrive) and their mutations.
function inputs(schema: DescMessage): fc.Arbitrary<Uint8Array> {
  const encoded = arbitraryMessage(schema, { maxDepth: 4, maxLength: 2 })
    .map((m): Uint8Array | undefined => {
      try {
        return toBinary(schema, m);
      } catch {
        return undefined;
      }
    })
    .filter((b): b is Uint8Array => b !== undefined);
  return fc.oneof(encoded, mutatedBytes(encoded));
}

function decoded(schema: DescMessage, bytes: Uint8Array): MessageShape<DescMessage> | undefined {
  try {
    return decode(schema, bytes);
  } catch {
    return undefined; // a DecodeError: nothing to validate
  }
}

describe.each(SCHEMAS)("%s", (_name, schema) => {
  test("validateDecoded gives validate's result on every decoded message", () => {
    let decodedCount = 0;
    let withIssues = 0;
    fc.assert(
      fc.property(inputs(schema), (bytes) => {
        const message = decoded(schema, bytes);
        if (message === undefined) return;
        decodedCount++;
        const full = validate(schema, message);
        if (full.issues.length > 0) withIssues++;
        expect(validateDecoded(schema, message)).toEqual(full);
      }),
      { numRuns: 120 },
    );
    // Guards against a vacuous pass: messages were decoded, and some had issues to compare.
    expect(decodedCount).toBeGreaterThan(20);
    expect(withIssues).toBeGreaterThan(0);
  });

  test("the interpreted walker reports what the compiled one does, in the same order", () => {
    const plan = planOf(schema);
    const compiled = rulesRunOf(plan, false);
    const interpreted = rulesRunOf(plan, true);
    expect(interpreted).not.toBe(compiled);
    fc.assert(
      fc.property(inputs(schema), fc.integer({ min: 0, max: 3 }), (bytes, flags) => {
        const message = decoded(schema, bytes);
        if (message === undefined) return;
        const a = new Collector();
        const b = new Collector();
        compiled(message, a, flags);
        interpreted(message, b, flags);
        expect(b.issues).toEqual(a.issues);
        expect(b.path).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });
});
