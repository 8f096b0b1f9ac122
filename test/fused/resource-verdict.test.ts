// The fast verdict on resources (Binding.clean, src/rules/resources.ts cleanPayload): the
// rules-only walk skips a resource it calls clean, so it must never call clean a resource whose
// rules would report anything. A table of resources on both sides of every resource rule, and a
// property over random resources, hold it to the full rules; the fused result stays validate's.
import { create, type DescMessage, type MessageShape, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decode, ResourceSchema } from "../../src/index.js";
import { MESOS_V1_RULES } from "../../src/mesos-v1/index.js";
import { Collector, MESOS_RULES } from "../../src/rules/index.js";
import { arbitraryMessage } from "../../src/testing/index.js";
import * as v1 from "../../src/v1/index.js";
import { validate, validateDecoded } from "../../src/validation/index.js";
import { planOf } from "../../src/validation/plan.js";
import { rulesRunOf } from "../../src/validation/rules-only.js";

type Init = Record<string, unknown>;

// Resources by case name: clean ones first, then one per way a rule reports (or the verdict
// cannot tell).
const CLEAN: [string, Init][] = [
  ["a named scalar", { name: "cpus", type: 0, scalar: { value: 0.5 } }],
  ["a zero scalar", { name: "gpus", type: 0, scalar: { value: 0 } }],
  ["a scalar without a value", { name: "gpus", type: 0, scalar: {} }],
  ["one range", { name: "ports", type: 1, ranges: { range: [{ begin: 31000n, end: 31005n }] } }],
  ["no ranges", { name: "ports", type: 1, ranges: { range: [] } }],
  [
    "two disjoint ranges",
    {
      name: "ports",
      type: 1,
      ranges: {
        range: [
          { begin: 10n, end: 20n },
          { begin: 21n, end: 30n },
        ],
      },
    },
  ],
  ["a set", { name: "zones", type: 2, set: { item: ["a", "b", "c"] } }],
];

const NOT_CLEAN: [string, Init][] = [
  ["an empty name", { name: "", type: 0, scalar: { value: 1 } }],
  ["a negative scalar", { name: "cpus", type: 0, scalar: { value: -1 } }],
  ["a NaN scalar", { name: "cpus", type: 0, scalar: { value: Number.NaN } }],
  ["an infinite scalar", { name: "cpus", type: 0, scalar: { value: Number.POSITIVE_INFINITY } }],
  ["a scalar without its payload", { name: "cpus", type: 0 }],
  ["a scalar with ranges too", { name: "cpus", type: 0, scalar: { value: 1 }, ranges: {} }],
  ["ranges with a scalar payload", { name: "ports", type: 1, scalar: { value: 1 } }],
  ["an inverted range", { name: "ports", type: 1, ranges: { range: [{ begin: 5n, end: 3n }] } }],
  [
    "two overlapping ranges",
    {
      name: "ports",
      type: 1,
      ranges: {
        range: [
          { begin: 10n, end: 20n },
          { begin: 20n, end: 30n },
        ],
      },
    },
  ],
  [
    "three ranges (left to the walk)",
    {
      name: "ports",
      type: 1,
      ranges: {
        range: [
          { begin: 1n, end: 2n },
          { begin: 3n, end: 4n },
          { begin: 5n, end: 6n },
        ],
      },
    },
  ],
  ["a set with a repeated item", { name: "zones", type: 2, set: { item: ["a", "b", "a"] } }],
  [
    "a set of nine (left to the walk)",
    { name: "zones", type: 2, set: { item: ["1", "2", "3", "4", "5", "6", "7", "8", "9"] } },
  ],
  ["a TEXT resource", { name: "note", type: 3 }],
];

const V1_NOT_CLEAN: [string, Init][] = [
  ["a reserved resource", { name: "cpus", type: 0, scalar: { value: 1 }, reservations: [{}] }],
  ["a disk resource", { name: "disk", type: 0, scalar: { value: 1 }, disk: {} }],
  ["a shared resource", { name: "disk", type: 0, scalar: { value: 1 }, shared: {} }],
  ["a revocable resource", { name: "cpus", type: 0, scalar: { value: 1 }, revocable: {} }],
  ["an allocated resource", { name: "cpus", type: 0, scalar: { value: 1 }, allocationInfo: {} }],
];

type Clean = (msg: never, flags: number) => boolean;

const SCHEMAS: [string, DescMessage, Clean, [string, Init][]][] = [
  ["seed", ResourceSchema, MESOS_RULES.get(ResourceSchema)?.clean as Clean, NOT_CLEAN],
  [
    "v1",
    v1.ResourceSchema,
    MESOS_V1_RULES.get(v1.ResourceSchema)?.clean as Clean,
    [...NOT_CLEAN, ...V1_NOT_CLEAN],
  ],
];

// The issues of the rules alone (the interpreter, which never takes the fast verdict of a type
// with children), as the rules-only walk reports them without the verdict.
function ruleIssues(schema: DescMessage, message: MessageShape<DescMessage>): Collector {
  const c = new Collector();
  rulesRunOf(planOf(schema), true)(message, c, 0);
  return c;
}

// Resources near the edges of the payload rules: empty names, every type, odd scalars, small
// and inverted ranges, repeated set items (random messages of the whole type are rarely clean).
function payloads(schema: DescMessage): fc.Arbitrary<MessageShape<DescMessage>> {
  const end = fc.bigInt({ min: 0n, max: 8n });
  return fc
    .tuple(
      fc.constantFrom("", "cpus", "ports"),
      fc.integer({ min: 0, max: 3 }),
      fc.oneof(fc.double(), fc.constantFrom(0, -0, -1, Number.NaN, Number.POSITIVE_INFINITY)),
      fc.array(fc.record({ begin: end, end }), { maxLength: 3 }),
      fc.array(fc.constantFrom("a", "b", "c"), { maxLength: 10 }),
      // Mostly the payload the type names; sometimes another one beside it.
      fc.integer({ min: 0, max: 9 }),
    )
    .map(([name, type, value, range, item, extra]) =>
      create(schema, {
        name,
        type,
        scalar: type === 0 || extra === 1 ? { value } : undefined,
        ranges: type === 1 || extra === 2 ? { range } : undefined,
        set: type === 2 || extra === 3 ? { item } : undefined,
      }),
    );
}

describe.each(SCHEMAS)("%s Resource", (_name, schema, clean, notClean) => {
  test("the verdict is bound", () => {
    expect(typeof clean).toBe("function");
  });

  test.each(CLEAN)("clean: %s", (_case, init) => {
    const message = create(schema, init);
    expect(clean(message as never, 0)).toBe(true);
    expect(ruleIssues(schema, message).issues).toEqual([]);
  });

  test.each(notClean)("left to the walk: %s", (_case, init) => {
    const message = create(schema, init);
    expect(clean(message as never, 0)).toBe(false);
    // Decoded (when it decodes), the fused verdict is validate's.
    const bytes = toBinary(schema, message);
    let decoded: MessageShape<DescMessage> | undefined;
    try {
      decoded = decode(schema, bytes);
    } catch {
      decoded = undefined;
    }
    if (decoded !== undefined) {
      expect(validateDecoded(schema, decoded)).toEqual(validate(schema, decoded));
    }
  });

  test("an issue of the rules always means not clean (random resources)", () => {
    let cleanCount = 0;
    fc.assert(
      fc.property(
        fc.oneof(arbitraryMessage(schema, { maxDepth: 3, maxLength: 3 }), payloads(schema)),
        (message) => {
          if (!clean(message as never, 0)) return;
          cleanCount++;
          expect(ruleIssues(schema, message).issues).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
    // Not vacuous: some random resources were clean.
    expect(cleanCount).toBeGreaterThan(0);
  });
});
