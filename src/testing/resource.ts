// resource(): valid Resource messages (and the Value payloads shared with attributes).
import { create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import {
  type Attribute,
  AttributeSchema,
  type Resource,
  ResourceSchema,
  Value_Type,
} from "../schema/index.js";
import { anyText, identifier } from "./text.js";

/** Finite, non-negative scalars: mostly Mesos-like (three decimals), sometimes any double. */
const scalarValue = fc.oneof(
  { arbitrary: fc.nat({ max: 1_000_000 }).map((n) => n / 1000), weight: 3 },
  { arbitrary: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), weight: 1 },
);

// Disjoint ranges by construction: each begins after the previous one ends (a gap of at least one),
// then optionally listed in reverse, since the overlap rule must not depend on order.
const STEP = 2n ** 58n; // 2 × 4 steps stay far below 2^64
// Mostly port-sized steps, sometimes anywhere up to STEP.
const step = fc.oneof(
  { arbitrary: fc.bigInt({ min: 0n, max: 1000n }), weight: 3 },
  fc.bigInt({ min: 0n, max: STEP }),
);
const rangeList = fc
  .tuple(fc.array(fc.tuple(step, step), { maxLength: 4 }), fc.boolean())
  .map(([steps, reversed]) => {
    const range: { begin: bigint; end: bigint }[] = [];
    let next = 0n;
    for (const [gap, length] of steps) {
      const begin = next + gap;
      range.push({ begin, end: begin + length });
      next = begin + length + 1n;
    }
    return { range: reversed ? range.reverse() : range };
  });

const setItems = fc.record({ item: fc.uniqueArray(anyText(), { maxLength: 4 }) });

/** The type and its matching payload (exactly one payload, the one `type` names). */
const payload = fc.oneof(
  scalarValue.map((value) => ({ type: Value_Type.SCALAR, scalar: { value } })),
  rangeList.map((ranges) => ({ type: Value_Type.RANGES, ranges })),
  setItems.map((set) => ({ type: Value_Type.SET, set })),
);

const resourceName = fc.oneof(
  { arbitrary: fc.constantFrom("cpus", "mem", "disk", "ports", "gpus"), weight: 3 },
  { arbitrary: anyText(12, 1), weight: 1 },
);

const role = fc.oneof(fc.constant("*"), identifier(8));

/**
 * Valid resources: a non-empty name (mostly cpus/mem/disk/ports/gpus), and exactly the payload its
 * type names: SCALAR (finite, ≥ 0), RANGES (begin ≤ end, disjoint, in either order) or SET (unique
 * items); TEXT is never used (Mesos refuses it for resources). The role is unset, `*` or a name.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { resource } from "mesos-dockerinfo/testing";
 *
 * fc.sample(resource(), 2); // e.g. [{ name: "cpus", type: SCALAR, scalar: { value: 0.5 } }, …]
 * ```
 */
export function resource(): fc.Arbitrary<Resource> {
  return fc
    .record({ name: resourceName, payload, role }, { requiredKeys: ["name", "payload"] })
    .map(({ payload: p, ...rest }) => create(ResourceSchema, { ...rest, ...p }));
}

/**
 * Valid attributes: a non-empty name and the payload its type names (SCALAR, RANGES, SET or TEXT).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { attribute } from "mesos-dockerinfo/testing";
 *
 * fc.sample(attribute(), 1); // e.g. [{ name: "rack", type: TEXT, text: { value: "r1" } }]
 * ```
 */
export function attribute(): fc.Arbitrary<Attribute> {
  const withText = fc.oneof(
    payload,
    anyText().map((value) => ({ type: Value_Type.TEXT, text: { value } })),
  );
  return fc
    .record({ name: anyText(12, 1), payload: withText })
    .map(({ name, payload: p }) => create(AttributeSchema, { name, ...p }));
}
