// Non-strict decode: protobuf-es keeps unknown closed-enum values of repeated and map fields
// inside the array / map (toolchain.md §1.4), where code that switches over the enum meets a
// number it does not know. The protobuf spec (and C++/Java) put them in the unknown fields
// instead, so they still round-trip but never appear as values. This pass moves them; it runs
// only for schemas that can contain such fields (none in mesos.proto), found once per schema.
import type { DescField, DescMessage, Message, UnknownField } from "@bufbuild/protobuf";
import { ScalarType } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { isClosedEnumField, typesReaching } from "./reachability.js";

type Repair =
  | {
      readonly kind: "list-enum" | "map-enum";
      readonly field: DescField;
      readonly known: ReadonlySet<number>;
    }
  | {
      readonly kind: "message" | "list-message" | "map-message";
      readonly field: DescField;
      readonly desc: DescMessage;
    };

const repairs = new WeakMap<DescMessage, readonly Repair[]>();

/** Move unknown closed-enum values out of repeated and map fields into `$unknown`, in place. */
export function moveUnknownEnumValues(desc: DescMessage, message: Message): void {
  const plan = repairPlan(desc);
  if (plan.length > 0) repairMessage(plan, message as unknown as Record<string, unknown>);
}

function repairPlan(desc: DescMessage): readonly Repair[] {
  let plan = repairs.get(desc);
  if (plan === undefined) {
    const affected = typesReaching(desc, isRepeatedClosedEnum);
    const built: Repair[] = [];
    for (const field of desc.fields) {
      const repair = repairFor(field, affected);
      if (repair !== undefined) built.push(repair);
    }
    plan = built;
    repairs.set(desc, plan);
  }
  return plan;
}

const MESSAGE_REPAIR = { message: "message", list: "list-message", map: "map-message" } as const;
const ENUM_REPAIR = { list: "list-enum", map: "map-enum" } as const;

function repairFor(field: DescField, affected: ReadonlySet<DescMessage>): Repair | undefined {
  const kind = field.fieldKind;
  if (kind !== "message" && kind !== "list" && kind !== "map") return undefined;
  if (field.message !== undefined) {
    const desc = field.message;
    return affected.has(desc) ? { kind: MESSAGE_REPAIR[kind], field, desc } : undefined;
  }
  if (kind === "message" || !isClosedEnumField(field)) return undefined;
  return { kind: ENUM_REPAIR[kind], field, known: numbers(field.enum?.values ?? []) };
}

function numbers(values: readonly { number: number }[]): ReadonlySet<number> {
  return new Set(values.map((v) => v.number));
}

function isRepeatedClosedEnum(field: DescField): boolean {
  return (field.fieldKind === "list" || field.fieldKind === "map") && isClosedEnumField(field);
}

type Obj = Record<string, unknown>;

function repairMessage(plan: readonly Repair[], message: Obj): void {
  for (const repair of plan) {
    const value = fieldValue(message, repair.field);
    if (value === undefined) continue;
    switch (repair.kind) {
      case "message":
        repairMessage(repairPlan(repair.desc), value as Obj);
        break;
      case "list-message":
        for (const item of value as Obj[]) repairMessage(repairPlan(repair.desc), item);
        break;
      case "map-message":
        for (const item of Object.values(value as Obj))
          repairMessage(repairPlan(repair.desc), item as Obj);
        break;
      case "list-enum":
        repairList(message, repair.field, value as number[], repair.known);
        break;
      case "map-enum":
        repairMap(message, repair.field, value as Record<string, number>, repair.known);
        break;
    }
  }
}

function fieldValue(message: Obj, field: DescField): unknown {
  if (field.oneof !== undefined) {
    const oneof = message[field.oneof.localName] as { case?: string; value?: unknown };
    return oneof.case === field.localName ? oneof.value : undefined;
  }
  return message[field.localName];
}

function repairList(
  message: Obj,
  field: DescField,
  list: number[],
  known: ReadonlySet<number>,
): void {
  let kept = 0;
  for (const value of list) {
    if (known.has(value)) {
      list[kept++] = value;
    } else {
      pushUnknown(message, {
        no: field.number,
        wireType: WireType.Varint,
        data: new BinaryWriter().int32(value).finish(),
      });
    }
  }
  list.length = kept;
}

function repairMap(
  message: Obj,
  field: DescField,
  record: Record<string, number>,
  known: ReadonlySet<number>,
): void {
  if (field.fieldKind !== "map") return;
  for (const key of Object.keys(record)) {
    const value = record[key] as number;
    if (known.has(value)) continue;
    // The whole entry becomes one unknown length-delimited field, as the spec says.
    const entry = new BinaryWriter();
    writeMapKey(entry, field.mapKey, key);
    entry.tag(2, WireType.Varint).int32(value);
    pushUnknown(message, {
      no: field.number,
      wireType: WireType.LengthDelimited,
      data: new BinaryWriter().bytes(entry.finish()).finish(),
    });
    delete record[key];
  }
}

function writeMapKey(w: BinaryWriter, type: ScalarType, key: string): void {
  switch (type) {
    case ScalarType.STRING:
      w.tag(1, WireType.LengthDelimited).string(key);
      return;
    case ScalarType.BOOL:
      w.tag(1, WireType.Varint).bool(key === "true");
      return;
    case ScalarType.INT64:
      w.tag(1, WireType.Varint).int64(key);
      return;
    case ScalarType.UINT64:
      w.tag(1, WireType.Varint).uint64(key);
      return;
    case ScalarType.SINT64:
      w.tag(1, WireType.Varint).sint64(key);
      return;
    case ScalarType.FIXED64:
      w.tag(1, WireType.Bit64).fixed64(key);
      return;
    case ScalarType.SFIXED64:
      w.tag(1, WireType.Bit64).sfixed64(key);
      return;
    case ScalarType.UINT32:
      w.tag(1, WireType.Varint).uint32(Number(key));
      return;
    case ScalarType.SINT32:
      w.tag(1, WireType.Varint).sint32(Number(key));
      return;
    case ScalarType.FIXED32:
      w.tag(1, WireType.Bit32).fixed32(Number(key));
      return;
    case ScalarType.SFIXED32:
      w.tag(1, WireType.Bit32).sfixed32(Number(key));
      return;
    default:
      w.tag(1, WireType.Varint).int32(Number(key));
  }
}

function pushUnknown(message: Obj, field: UnknownField): void {
  const unknown = (message.$unknown as UnknownField[] | undefined) ?? [];
  unknown.push(field);
  message.$unknown = unknown;
}
