// The bindings of the resource and value rules (Resource, Attribute, Value, Value.Ranges, Range
// and Set) for one schema's types: the seed and Mesos 1.11 spell these messages alike, so both
// tables use them. What differs stays in each table: the fast verdict on a resource (Mesos 1.11's
// has reservations, disks, ... to rule out) and Value.Scalar (a Mesos 1.11 limit may be infinite).
import type { DescEnum, DescMessage, Message } from "@bufbuild/protobuf";
import { present } from "../schema/index.js";
import type { Collector } from "./collector.js";
import { SeenKeys } from "./duplicates.js";
import { knownEnum } from "./enum-value.js";
import {
  checkPayload,
  checkRange,
  checkRangeOverlaps,
  checkResourceName,
  checkResourceScalar,
  checkResourceType,
  checkSetItems,
  SCALAR,
} from "./resources.js";
import type { Binding } from "./rule.js";

/** One schema's messages of the Value family, and its Value.Type. */
export interface ValueSchemas {
  readonly resource: DescMessage;
  readonly attribute: DescMessage;
  readonly value: DescMessage;
  readonly ranges: DescMessage;
  readonly range: DescMessage;
  readonly set: DescMessage;
  readonly valueType: DescEnum;
}

// The fields the rules read, as both schemas generate them.
interface ValueRange extends Message {
  begin: bigint;
  end: bigint;
}
interface Typed extends Message {
  type: number;
  scalar?: Message & { value: number };
  ranges?: Message;
  set?: Message;
}
interface Resource extends Typed {
  name: string;
}
interface Valued extends Typed {
  text?: Message;
}

const rangeBegin = (r: ValueRange): bigint | undefined =>
  present(r, "begin", r.begin, 0n) ? r.begin : undefined;
const rangeEnd = (r: ValueRange): bigint | undefined =>
  present(r, "end", r.end, 0n) ? r.end : undefined;

/**
 * The bindings of the resource and value rules for the types of `schemas`; `cleanResource` is
 * the schema's fast verdict on a resource (Binding.clean).
 */
export function valueBindings(
  schemas: ValueSchemas,
  cleanResource: (resource: never) => boolean,
): [DescMessage, Binding][] {
  const items = new SeenKeys();
  const typeOf = (msg: Typed, no: number): number | undefined =>
    knownEnum(msg, msg.$unknown, "type", msg.type, SCALAR, no, schemas.valueType);
  const payload = (c: Collector, v: Valued, no: number): void =>
    checkPayload(
      c,
      typeOf(v, no),
      v.scalar !== undefined,
      v.ranges !== undefined,
      v.set !== undefined,
      v.text !== undefined,
    );
  const resource: Binding<Resource> = {
    clean: cleanResource as (r: Resource) => boolean,
    check(r, c) {
      const name = r.name;
      if (present(r, "name", name, "")) checkResourceName(c, name);
      const type = typeOf(r, 2);
      checkResourceType(c, type);
      checkPayload(
        c,
        type,
        r.scalar !== undefined,
        r.ranges !== undefined,
        r.set !== undefined,
        undefined,
      );
      const scalar = r.scalar;
      if (scalar !== undefined && present(scalar, "value", scalar.value, 0)) {
        checkResourceScalar(c, scalar.value);
      }
    },
  };
  const attribute: Binding<Valued> = { check: (a, c) => payload(c, a, 2) };
  const value: Binding<Valued> = { check: (v, c) => payload(c, v, 1) };
  const ranges: Binding<Message & { range: ValueRange[] }> = {
    check: (r, c) => checkRangeOverlaps(c, r.range, rangeBegin, rangeEnd, "range"),
  };
  const range: Binding<ValueRange> = { check: (r, c) => checkRange(c, rangeBegin(r), rangeEnd(r)) };
  const set: Binding<Message & { item: string[] }> = {
    check: (s, c) => checkSetItems(c, s.item, "item", items),
  };
  return [
    [schemas.resource, resource as Binding],
    [schemas.attribute, attribute as Binding],
    [schemas.value, value as Binding],
    [schemas.ranges, ranges as Binding],
    [schemas.range, range as Binding],
    [schemas.set, set as Binding],
  ];
}
