// Resources, attributes and values with their payloads (Scalar, Ranges/Range, Set, Text).
// Mesos's resource rules (Mesos 1.11.0 src/common/resources.cpp, `Resources::validate`): a
// name, a supported type, exactly the payload the type names, finite non-negative scalars,
// ranges with begin <= end that do not overlap, unique set items. Attributes and Values share the
// payload rules; they may be TEXT and hold negative scalars. The functions take the payload
// fields structurally, so any Resource/Attribute/Value message with these field names fits.
import { quote } from "../problems/index.js";
import type { Collector } from "./collector.js";
import type { SeenKeys } from "./duplicates.js";

/** Value.Type numbers (the same in every Mesos schema). */
export const SCALAR = 0;
export const RANGES = 1;
export const SET = 2;
export const TEXT = 3;

/** A resource's name (set) must not be empty. */
export function checkResourceName(c: Collector, name: string): void {
  if (name === "") {
    c.report(
      "resource_name_empty",
      `name is empty; Mesos rejects a resource without a name: set it, e.g. "cpus", "mem" or "ports"`,
      "name",
    );
  }
}

/** A resource's type (known, or undefined) must not be TEXT. */
export function checkResourceType(c: Collector, type: number | undefined): void {
  if (type === TEXT) {
    c.report(
      "resource_type_unsupported",
      `type is TEXT, which Mesos does not support for resources ("Unsupported resource type"): use SCALAR, RANGES or SET`,
      "type",
    );
  }
}

/** A resource's scalar (set, finite) must not be negative. Reported at scalar.value. */
export function checkResourceScalar(c: Collector, value: number): void {
  if (Number.isFinite(value) && value < 0) {
    c.report(
      "scalar_invalid",
      `value is ${value}; Mesos requires non-negative scalar resources: set 0 or a positive amount`,
      "scalar",
      "value",
    );
  }
}

// The payload fields of Resource, Attribute and Value (same local names; Resource has no text).
type Payload = "scalar" | "ranges" | "set" | "text";
const PAYLOAD_OF_TYPE: readonly Payload[] = ["scalar", "ranges", "set", "text"];
const TYPE_NAMES: readonly string[] = ["SCALAR", "RANGES", "SET", "TEXT"];

/**
 * Exactly the payload `type` names (undefined: missing or unknown, already reported), reported at
 * each payload field wrongly set or unset. The booleans say which payload fields are set;
 * `hasText` is undefined for a Resource, which has no text field (TEXT is reported as unsupported
 * instead). The caller reads the fields: its load sites see one message type each, where loads in
 * here would see Resource, Attribute and Value of both schemas and go megamorphic.
 */
export function checkPayload(
  c: Collector,
  type: number | undefined,
  scalar: boolean,
  ranges: boolean,
  set: boolean,
  hasText: boolean | undefined,
): void {
  if (type === undefined) return;
  const text = hasText !== undefined;
  const mismatch =
    scalar !== (type === SCALAR) ||
    ranges !== (type === RANGES) ||
    set !== (type === SET) ||
    (text && hasText !== (type === TEXT));
  if (!mismatch) return;
  const expected = PAYLOAD_OF_TYPE[type];
  checkMatch(c, scalar, "scalar", expected, type);
  checkMatch(c, ranges, "ranges", expected, type);
  checkMatch(c, set, "set", expected, type);
  if (text) checkMatch(c, hasText === true, "text", expected, type);
}

// Payload `field` is set (`isSet`) or not, where `type` names the `expected` payload.
function checkMatch(
  c: Collector,
  isSet: boolean,
  field: Payload,
  expected: Payload | undefined,
  type: number,
): void {
  if (expected === undefined || isSet === (expected === field)) return;
  const typeName = TYPE_NAMES[type];
  c.report(
    "resource_payload_mismatch",
    isSet
      ? `${field} is set but type is ${typeName}; Mesos requires exactly the payload that type names: remove ${field} or change type`
      : `type is ${typeName} but ${field} is not set; Mesos requires the payload that type names: set ${field}`,
    field,
  );
}

/** A scalar (set) must be finite. Reported at "value". */
export function checkScalarValue(c: Collector, value: number): void {
  if (!Number.isFinite(value)) {
    c.report(
      "scalar_invalid",
      `value is ${value}; a scalar must be a finite number: set a number such as 1 or 0.5`,
      "value",
    );
  }
}

/** A range with both ends set must have begin <= end. Reported at the range itself. */
export function checkRange(c: Collector, begin: bigint | undefined, end: bigint | undefined): void {
  if (begin !== undefined && end !== undefined && begin > end) {
    c.report(
      "range_inverted",
      `range [${begin}, ${end}] has begin > end; Mesos rejects inverted ranges: swap them to [${end}, ${begin}]`,
    );
  }
}

/**
 * No two proper ranges (both ends set, begin <= end) of `ranges` overlap. `begin` and `end` read
 * a range's ends (undefined when unset, which the walk reports); issues land at `<list>[i]`.
 * Sweep in begin order, O(n log n) for any length: a range that overlaps one before it in the
 * sweep is reported at the later index of the two, naming the other (an earlier range where
 * there is one), so every overlapping group gets an issue.
 */
export function checkRangeOverlaps<R>(
  c: Collector,
  ranges: readonly R[],
  begin: (range: R) => bigint | undefined,
  end: (range: R) => bigint | undefined,
  list: string,
): void {
  const count = ranges.length;
  if (count < 2) return;
  if (count === 2) {
    // The common case (a port list of two ranges), without the sweep's arrays.
    const a = ranges[0] as R;
    const b = ranges[1] as R;
    const ab = begin(a);
    const ae = end(a);
    const bb = begin(b);
    const be = end(b);
    if (ab === undefined || ae === undefined || bb === undefined || be === undefined) return;
    if (ab > ae || bb > be || ab > be || bb > ae) return;
    c.report(
      "ranges_overlap",
      `range [${bb}, ${be}] overlaps range[0] [${ab}, ${ae}]; Mesos rejects overlapping ranges: merge them into one range or make them disjoint`,
      list,
      1,
    );
    return;
  }
  const order: number[] = [];
  const begins: bigint[] = new Array(count);
  const ends: bigint[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const r = ranges[i] as R;
    const b = begin(r);
    const e = end(r);
    if (b === undefined || e === undefined || b > e) continue;
    begins[i] = b;
    ends[i] = e;
    order.push(i);
  }
  if (order.length < 2) return;
  order.sort((x, y) => {
    const bx = begins[x] as bigint;
    const by = begins[y] as bigint;
    return bx < by ? -1 : bx > by ? 1 : x - y;
  });
  let found: Int32Array | undefined;
  let widest = order[0] as number; // the range with the largest end so far
  for (let k = 1; k < order.length; k++) {
    const i = order[k] as number;
    if ((begins[i] as bigint) <= (ends[widest] as bigint)) {
      found ??= new Int32Array(count).fill(-1);
      const later = Math.max(i, widest);
      if (found[later] === -1) found[later] = Math.min(i, widest);
    }
    if ((ends[i] as bigint) > (ends[widest] as bigint)) widest = i;
  }
  if (found === undefined) return;
  for (let i = 0; i < count; i++) {
    const other = found[i] as number;
    if (other < 0) continue;
    c.report(
      "ranges_overlap",
      `range [${begins[i]}, ${ends[i]}] overlaps range[${other}] [${begins[other]}, ${ends[other]}]; Mesos rejects overlapping ranges: merge them into one range or make them disjoint`,
      list,
      i,
    );
  }
}

/** No item of a set twice; issues land at `<list>[i]`, at the repeating item. */
export function checkSetItems(
  c: Collector,
  items: readonly string[],
  list: string,
  seen: SeenKeys,
): void {
  const count = items.length;
  if (count < 2) return;
  if (count <= SMALL_SET) {
    // A short set (the common case) is compared pairwise in place: the same first-earlier
    // index SeenKeys would give, without writing every item into it and clearing it again.
    for (let i = 1; i < count; i++) {
      const item = items[i];
      for (let j = 0; j < i; j++) {
        if (items[j] !== item) continue;
        reportSetItem(c, item as string, j, list, i);
        break;
      }
    }
    return;
  }
  seen.reset();
  for (let i = 0; i < count; i++) {
    const earlier = seen.add(items[i]);
    if (earlier >= 0) reportSetItem(c, items[i] as string, earlier, list, i);
  }
  seen.reset();
}

// Up to this many items, pairwise comparison (at most 28 string compares) beats SeenKeys.
const SMALL_SET = 8;

function reportSetItem(c: Collector, item: string, earlier: number, list: string, i: number): void {
  c.report(
    "set_item_duplicate",
    `item ${quote(item)} repeats item[${earlier}]; Mesos rejects duplicate set items: remove it`,
    list,
    i,
  );
}

/**
 * The fast verdict on a resource (Binding.clean): true only when the resource rules and those of
 * its payload (Value.Scalar, Ranges, Range, Set) would report nothing. The caller reads the
 * fields (own load sites) and passes them raw, having made sure nothing is parked in `$unknown`:
 * an unset field reads as its default, and each test below holds for the default as well, so it
 * never calls a resource clean that the walk would report on. Anything else (TEXT, more than two
 * ranges, a large set, an issue) is false: "walk it".
 */
export function cleanPayload(
  name: string,
  type: number,
  scalar: number | undefined,
  ranges: readonly RawRange[] | undefined,
  set: readonly string[] | undefined,
): boolean {
  // An unset name reads "" and is not reported, but "walk it" is always a safe answer.
  if (name === "") return false;
  switch (type) {
    case SCALAR:
      // Not finite: scalar_invalid at scalar.value; negative: scalar_invalid on the resource.
      return (
        ranges === undefined &&
        set === undefined &&
        scalar !== undefined &&
        scalar >= 0 &&
        scalar < Infinity
      );
    case RANGES:
      return (
        scalar === undefined && set === undefined && ranges !== undefined && cleanRanges(ranges)
      );
    case SET:
      return scalar === undefined && ranges === undefined && set !== undefined && cleanItems(set);
    default:
      return false;
  }
}

/** The ends of a range as stored (0n when unset). */
export interface RawRange {
  readonly begin: bigint;
  readonly end: bigint;
}

// No range inverted (range_inverted) and, of two, no overlap (ranges_overlap). With raw ends an
// unset end reads 0n: a test that passes on it passes on the walk's "unset, not compared" too.
function cleanRanges(ranges: readonly RawRange[]): boolean {
  const n = ranges.length;
  if (n === 0) return true;
  if (n > 2) return false;
  const a = ranges[0] as RawRange;
  if (a.begin > a.end) return false;
  if (n === 1) return true;
  const b = ranges[1] as RawRange;
  return b.begin <= b.end && (a.begin > b.end || b.begin > a.end);
}

// No item twice (set_item_duplicate), for a short set.
function cleanItems(items: readonly string[]): boolean {
  const n = items.length;
  if (n > SMALL_SET) return false;
  for (let i = 1; i < n; i++) {
    const item = items[i];
    for (let j = 0; j < i; j++) if (items[j] === item) return false;
  }
  return true;
}

/** The scalar-resource shape the totals read (any schema's Resource). */
interface ScalarResource {
  readonly name: string;
  readonly type: number;
  readonly scalar?: { readonly value: number } | undefined;
  readonly ranges?: { readonly range: readonly { begin: bigint; end: bigint }[] } | undefined;
}

/**
 * The sum of the SCALAR resources called `name`, in Mesos's fixed point (thousandths), or
 * undefined when there is none.
 */
export function scalarTotal(
  resources: readonly ScalarResource[],
  name: string,
): number | undefined {
  let thousandths = 0;
  let found = false;
  for (const r of resources) {
    if (r.name === name && r.type === SCALAR && r.scalar !== undefined) {
      thousandths += Math.round(r.scalar.value * 1000);
      found = true;
    }
  }
  return found ? thousandths / 1000 : undefined;
}

/** The ranges of the RANGES resources called `name`, or undefined when there is none. */
export function rangesOf(
  resources: readonly ScalarResource[],
  name: string,
): (readonly [bigint, bigint])[] | undefined {
  let out: (readonly [bigint, bigint])[] | undefined;
  for (const r of resources) {
    if (r.name !== name || r.type !== RANGES || r.ranges === undefined) continue;
    out ??= [];
    for (const range of r.ranges.range) out.push([range.begin, range.end]);
  }
  return out;
}
