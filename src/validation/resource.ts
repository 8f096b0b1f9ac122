// Resource, Attribute and Value with their payloads (Scalar, Ranges/Range, Set, Text). Mesos's
// resource rules (mesos.md §2.4): a name, a supported type, exactly the payload the type names,
// finite non-negative scalars, ranges with begin <= end that do not overlap, unique set items.
// Attributes and Values share the payload rules; they may be TEXT and hold negative scalars.
import {
  type Attribute,
  type Value_Range as Range,
  type Value_Ranges as Ranges,
  type Resource,
  type Value_Scalar as Scalar,
  type Value_Text as Text,
  type Value,
  Value_Type,
  Value_TypeSchema,
  type Value_Set as ValueSet,
} from "../../gen/mesos/mesos_pb.js";
import type { Collector } from "./collector.js";
import { SeenKeys } from "./duplicates.js";
import { quote } from "./format.js";
import { present, reportMissing, requiredEnum } from "./presence.js";

/** Resource: name, type (not TEXT), payload, and the payload's own rules. */
export function walkResource(msg: Resource, c: Collector): void {
  checkName(c, msg);
  const type = requiredEnum(c, msg, "type", msg.type, Value_Type.SCALAR, 2, Value_TypeSchema);
  if (type === Value_Type.TEXT) {
    c.report(
      "resource_type_unsupported",
      `type is TEXT, which Mesos does not support for resources ("Unsupported resource type"): use SCALAR, RANGES or SET`,
      "type",
    );
  }
  checkPayload(c, msg, type, true);
}

/**
 * Walk each resource of `list` (the repeated field `resources` of the current message). A loop of
 * its own rather than Collector.each: the call to walkResource stays monomorphic, and resources
 * are the longest lists of a task or an offer.
 */
export function walkResources(c: Collector, list: readonly Resource[]): void {
  const path = c.path;
  for (let i = 0; i < list.length; i++) {
    path.push("resources", i);
    walkResource(list[i] as Resource, c);
    path.pop();
    path.pop();
  }
}

/** Attribute: name, type, payload. */
export function walkAttribute(msg: Attribute, c: Collector): void {
  if (!present(msg, "name", msg.name, "")) reportMissing(c, msg.$typeName, "name");
  const type = requiredEnum(c, msg, "type", msg.type, Value_Type.SCALAR, 2, Value_TypeSchema);
  checkPayload(c, msg, type, false);
}

/** Value: type and payload. */
export function walkValue(msg: Value, c: Collector): void {
  const type = requiredEnum(c, msg, "type", msg.type, Value_Type.SCALAR, 1, Value_TypeSchema);
  checkPayload(c, msg, type, false);
}

function checkName(c: Collector, msg: Resource): void {
  const name = msg.name;
  if (!present(msg, "name", name, "")) {
    reportMissing(c, msg.$typeName, "name");
  } else if (name === "") {
    c.report(
      "resource_name_empty",
      `name is empty; Mesos rejects a resource without a name: set it, e.g. "cpus", "mem" or "ports"`,
      "name",
    );
  }
}

// The payload fields of Resource, Attribute and Value (same local names; Resource has no text).
type Payload = "scalar" | "ranges" | "set" | "text";
const PAYLOAD_OF_TYPE: readonly Payload[] = ["scalar", "ranges", "set", "text"];
const TYPE_NAMES: readonly string[] = ["SCALAR", "RANGES", "SET", "TEXT"];

interface Payloads {
  readonly $typeName: string;
  scalar?: Scalar | undefined;
  ranges?: Ranges | undefined;
  set?: ValueSet | undefined;
  text?: Text | undefined;
}

// Each payload field in declaration order: a mismatch with `type` is reported at that field, then
// the payload's own rules run. An unknown or missing type (already reported) checks no match.
// The common case, exactly the payload `type` names, is settled by one test up front, so the
// per-field match checks run only for a message that has a mismatch to report.
function checkPayload(
  c: Collector,
  msg: Payloads,
  type: number | undefined,
  resource: boolean,
): void {
  const scalar = msg.scalar;
  const ranges = msg.ranges;
  const set = msg.set;
  const text = resource ? undefined : msg.text; // Resource has no text field
  const mismatch =
    type !== undefined &&
    ((scalar !== undefined) !== (type === Value_Type.SCALAR) ||
      (ranges !== undefined) !== (type === Value_Type.RANGES) ||
      (set !== undefined) !== (type === Value_Type.SET) ||
      (!resource && (text !== undefined) !== (type === Value_Type.TEXT)));
  const expected = mismatch ? PAYLOAD_OF_TYPE[type as number] : undefined;
  if (mismatch) checkMatch(c, scalar !== undefined, "scalar", expected, type);
  if (scalar !== undefined) {
    c.path.push("scalar");
    checkScalar(c, scalar, resource);
    c.path.pop();
  }
  if (mismatch) checkMatch(c, ranges !== undefined, "ranges", expected, type);
  if (ranges !== undefined) {
    c.path.push("ranges");
    walkRanges(ranges, c);
    c.path.pop();
  }
  if (mismatch) checkMatch(c, set !== undefined, "set", expected, type);
  if (set !== undefined) {
    c.path.push("set");
    walkSet(set, c);
    c.path.pop();
  }
  if (resource) return; // TEXT is reported as unsupported for a resource
  if (mismatch) checkMatch(c, text !== undefined, "text", expected, type);
  if (text !== undefined) {
    c.path.push("text");
    walkText(text, c);
    c.path.pop();
  }
}

// Payload `field` is set (`isSet`) or not, where `type` names the `expected` payload.
function checkMatch(
  c: Collector,
  isSet: boolean,
  field: Payload,
  expected: Payload | undefined,
  type: number | undefined,
): void {
  if (expected === undefined || isSet === (expected === field)) return;
  const typeName = TYPE_NAMES[type as number];
  c.report(
    "resource_payload_mismatch",
    isSet
      ? `${field} is set but type is ${typeName}; Mesos requires exactly the payload that type names: remove ${field} or change type`
      : `type is ${typeName} but ${field} is not set; Mesos requires the payload that type names: set ${field}`,
    field,
  );
}

/** Value.Scalar on its own: a finite value (negative is allowed outside a resource). */
export function walkScalar(msg: Scalar, c: Collector): void {
  checkScalar(c, msg, false);
}

function checkScalar(c: Collector, msg: Scalar, resource: boolean): void {
  const value = msg.value;
  if (!present(msg, "value", value, 0)) {
    reportMissing(c, msg.$typeName, "value");
    return;
  }
  if (!Number.isFinite(value)) {
    c.report(
      "scalar_invalid",
      `value is ${value}; a scalar must be a finite number: set a number such as 1 or 0.5`,
      "value",
    );
  } else if (resource && value < 0) {
    c.report(
      "scalar_invalid",
      `value is ${value}; Mesos requires non-negative scalar resources: set 0 or a positive amount`,
      "value",
    );
  }
}

/** Value.Range on its own: begin and end set, begin <= end. */
export function walkRange(msg: Range, c: Collector): void {
  checkRange(c, msg, undefined, undefined, -1);
}

// A range with both ends set and begin <= end; only such ranges are compared for overlaps.
function isProperRange(r: Range): boolean {
  const begin = r.begin;
  const end = r.end;
  return present(r, "begin", begin, 0n) && present(r, "end", end, 0n) && begin <= end;
}

function checkRange(
  c: Collector,
  r: Range,
  siblings: readonly Range[] | undefined,
  overlaps: Int32Array | undefined,
  index: number,
): void {
  const beginSet = present(r, "begin", r.begin, 0n);
  const endSet = present(r, "end", r.end, 0n);
  if (beginSet && endSet && r.begin > r.end) {
    c.report(
      "range_inverted",
      `range [${r.begin}, ${r.end}] has begin > end; Mesos rejects inverted ranges: swap them to [${r.end}, ${r.begin}]`,
    );
  }
  const other = overlaps === undefined ? -1 : (overlaps[index] as number);
  if (other >= 0 && siblings !== undefined) {
    const o = siblings[other] as Range;
    c.report(
      "ranges_overlap",
      `range [${r.begin}, ${r.end}] overlaps range[${other}] [${o.begin}, ${o.end}]; Mesos rejects overlapping ranges: merge them into one range or make them disjoint`,
    );
  }
  if (!beginSet) reportMissing(c, r.$typeName, "begin");
  if (!endSet) reportMissing(c, r.$typeName, "end");
}

/** Value.Ranges: each range, and no two overlapping. */
export function walkRanges(msg: Ranges, c: Collector): void {
  const list = msg.range;
  if (list.length === 0) return;
  const overlaps = findOverlaps(list);
  for (let i = 0; i < list.length; i++) {
    c.path.push("range", i);
    checkRange(c, list[i] as Range, list, overlaps, i);
    c.path.pop();
    c.path.pop();
  }
}

const PAIRWISE_MAX = 64;

/**
 * For each range, the index of a range it overlaps (-1 for none); undefined when none overlap.
 * Short lists: every range that overlaps an earlier one names the first such. Long lists (a
 * hostile message) are swept in begin order instead, in O(n log n): every overlapping group
 * still gets at least one issue.
 */
function findOverlaps(list: readonly Range[]): Int32Array | undefined {
  const n = list.length;
  if (n < 2) return undefined;
  let result: Int32Array | undefined;
  if (n <= PAIRWISE_MAX) {
    for (let j = 1; j < n; j++) {
      const b = list[j] as Range;
      if (!isProperRange(b)) continue;
      for (let i = 0; i < j; i++) {
        const a = list[i] as Range;
        if (isProperRange(a) && a.begin <= b.end && b.begin <= a.end) {
          result ??= new Int32Array(n).fill(-1);
          result[j] = i;
          break;
        }
      }
    }
    return result;
  }
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (isProperRange(list[i] as Range)) order.push(i);
  order.sort((x, y) => {
    const bx = (list[x] as Range).begin;
    const by = (list[y] as Range).begin;
    return bx < by ? -1 : bx > by ? 1 : x - y;
  });
  let widest = -1; // index of the range with the largest end seen so far
  for (const k of order) {
    const r = list[k] as Range;
    if (widest !== -1) {
      const w = list[widest] as Range;
      if (r.begin <= w.end) {
        result ??= new Int32Array(n).fill(-1);
        const later = Math.max(k, widest);
        if (result[later] === -1) result[later] = Math.min(k, widest);
      }
      if (r.end > w.end) widest = k;
    } else {
      widest = k;
    }
  }
  return result;
}

/** Value.Set: no item twice. */
export function walkSet(msg: ValueSet, c: Collector): void {
  const items = msg.item;
  if (items.length < 2) return;
  setItems.reset();
  for (let i = 0; i < items.length; i++) {
    const earlier = setItems.add(items[i]);
    if (earlier >= 0) {
      c.report(
        "set_item_duplicate",
        `item ${quote(items[i] as string)} repeats item[${earlier}]; Mesos rejects duplicate set items: remove it`,
        "item",
        i,
      );
    }
  }
  setItems.reset();
}

const setItems = new SeenKeys();

/** Value.Text: `value` required. */
export function walkText(msg: Text, c: Collector): void {
  if (!present(msg, "value", msg.value, "")) reportMissing(c, msg.$typeName, "value");
}
