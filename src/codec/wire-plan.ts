// The per-schema plan that drives the strict pre-pass (strict-scan.ts). It is computed once per
// message descriptor and cached, so that scanning bytes never walks descriptors or allocates per
// field: the scanner looks a field number up in a dense array and gets everything it checks —
// expected wire type, packed-ness, closed-enum value set, nested plan and required index.
//
// Plans are class instances whose properties always hold values of one type (an empty table
// rather than undefined, a sentinel plan rather than no plan): the scanner's property loads then
// stay monomorphic, which measured several times faster than object literals of mixed shapes.
import { type DescEnum, type DescField, type DescMessage, ScalarType } from "@bufbuild/protobuf";
import { DeclaredNumbers, NO_DECLARED_NUMBERS } from "./declared-numbers.js";

export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;
export const WIRE_START_GROUP = 3;
export const WIRE_END_GROUP = 4;
export const WIRE_I32 = 5;

/** What the scanner does with a field's value (one small integer, so the hot loop is a switch). */
export const KIND_VARINT = 0; // int32/64, uint32/64, sint32/64, bool, open enum: any varint
export const KIND_ENUM = 1; // closed enum: the int32 value must be a declared number
export const KIND_I64 = 2; // fixed64, sfixed64, double
export const KIND_I32 = 3; // fixed32, sfixed32, float
export const KIND_STRING = 4; // length-delimited, valid UTF-8
export const KIND_BYTES = 5; // length-delimited, anything
export const KIND_MESSAGE = 6; // length-delimited nested message
export const KIND_GROUP = 7; // delimited (group) nested message
export const KIND_MAP = 8; // length-delimited map entry (a synthetic message with key = 1, value = 2)

/** Field numbers below this are looked up in a dense array; larger ones in a Map. */
const DENSE_LIMIT = 1024;
/** Required fields are tracked in a 30-bit mask per message; more fall back to an array. */
const MASK_BITS = 30;

export class MessagePlan {
  /** Index = field number, for numbers below DENSE_LIMIT. */
  readonly byNumber: readonly (FieldPlan | undefined)[];
  /** Field numbers from DENSE_LIMIT up. */
  readonly sparse: ReadonlyMap<number, FieldPlan>;
  /** All required bits set, when `required.length <= MASK_BITS`. */
  readonly requiredMask: number;
  /** More required fields than mask bits: the scanner tracks them in an array instead. */
  readonly wideRequired: boolean;

  constructor(
    readonly typeName: string,
    fields: readonly FieldPlan[],
    /** Required fields in declaration order; `requiredIndex` indexes this list. */
    readonly required: readonly FieldPlan[],
    readonly isMapEntry: boolean,
  ) {
    let maxDense = 0;
    const sparse = new Map<number, FieldPlan>();
    for (const fp of fields) {
      if (fp.number < DENSE_LIMIT) maxDense = Math.max(maxDense, fp.number);
      else sparse.set(fp.number, fp);
    }
    const byNumber: (FieldPlan | undefined)[] = new Array(maxDense + 1).fill(undefined);
    for (const fp of fields) if (fp.number < DENSE_LIMIT) byNumber[fp.number] = fp;
    this.byNumber = byNumber;
    this.sparse = sparse;
    this.wideRequired = required.length > MASK_BITS;
    this.requiredMask = this.wideRequired ? 0 : 2 ** required.length - 1;
  }
}

/** Stands in for "no nested plan", so that FieldPlan.message always holds a MessagePlan. */
const NO_PLAN = new MessagePlan("(none)", [], [], false);

export class FieldPlan {
  /** Repeated numeric or enum field: the packed form (wire type 2) is accepted too. */
  readonly packable: boolean;
  /** Closed enums: lookup table for small non-negative numbers (1 = declared). */
  readonly enumTable: Uint8Array;
  /** Closed enums: declared numbers outside the table's range. */
  readonly enumOther: ReadonlySet<number>;
  /** Nested message, group or map-entry plan (set after construction, for recursive types). */
  message: MessagePlan = NO_PLAN;

  /** The proto field name, used in error paths. */
  readonly name: string;
  readonly number: number;
  /** Index among the message's required fields, or -1. */
  readonly requiredIndex: number;
  /** The descriptor; undefined for the synthetic key/value fields of a map entry. */
  readonly field: DescField | undefined;

  constructor(
    id: FieldIdentity,
    readonly kind: number,
    /** The wire type the declared type is encoded with. */
    readonly wireType: number,
    /** A list or map: error paths get an index or key after the name. */
    readonly repeated: boolean,
    readonly isMap: boolean,
    /** e.g. "enum mesos.ContainerInfo.Type" or "string", for messages. */
    readonly typeLabel: string,
    /** Enum fields: the enum, for error messages. */
    readonly enumDesc: DescEnum | undefined,
  ) {
    this.name = id.name;
    this.number = id.number;
    this.requiredIndex = id.requiredIndex;
    this.field = id.field;
    this.packable = repeated && !isMap && kind <= KIND_I32; // varint, enum, 64-bit, 32-bit
    // Copied out of DeclaredNumbers so that the scanner tests them inline, without a call.
    const declared = kind === KIND_ENUM ? new DeclaredNumbers(enumDesc) : NO_DECLARED_NUMBERS;
    this.enumTable = declared.table;
    this.enumOther = declared.other;
  }
}

/** Who a field is, apart from its type. */
interface FieldIdentity {
  readonly name: string;
  readonly number: number;
  readonly requiredIndex: number;
  readonly field: DescField | undefined;
}

const plans = new WeakMap<DescMessage, MessagePlan>();

/** The cached scan plan of a message type. */
export function wirePlan(desc: DescMessage): MessagePlan {
  return plans.get(desc) ?? buildPlan(desc);
}

export function lookupField(plan: MessagePlan, no: number): FieldPlan | undefined {
  return no < plan.byNumber.length ? plan.byNumber[no] : plan.sparse.get(no);
}

function buildPlan(desc: DescMessage): MessagePlan {
  const fields: FieldPlan[] = [];
  const required: FieldPlan[] = [];
  for (const field of desc.fields) {
    const requiredIndex = field.presence === 3 /* LEGACY_REQUIRED */ ? required.length : -1;
    const fp = fieldPlan(field, requiredIndex);
    fields.push(fp);
    if (requiredIndex >= 0) required.push(fp);
  }
  const plan = new MessagePlan(desc.typeName, fields, required, false);
  // Register before resolving nested plans, so recursive message types terminate.
  plans.set(desc, plan);
  for (const fp of fields) {
    const field = fp.field as DescField;
    if (field.fieldKind === "map") fp.message = mapEntryPlan(field);
    else if (field.message !== undefined) fp.message = wirePlan(field.message);
  }
  return plan;
}

function fieldPlan(field: DescField, requiredIndex: number): FieldPlan {
  const id: FieldIdentity = { name: field.name, number: field.number, requiredIndex, field };
  switch (field.fieldKind) {
    case "scalar":
      return scalarPlan(id, field.scalar, false);
    case "enum":
      return enumPlan(id, field.enum, false);
    case "message":
      return messagePlan(id, field.message, field.delimitedEncoding, false);
    case "list":
      switch (field.listKind) {
        case "scalar":
          return scalarPlan(id, field.scalar, true);
        case "enum":
          return enumPlan(id, field.enum, true);
        default:
          return messagePlan(id, field.message, field.delimitedEncoding, true);
      }
    default:
      return new FieldPlan(id, KIND_MAP, WIRE_LEN, true, true, "map entry", undefined);
  }
}

function scalarPlan(id: FieldIdentity, scalar: ScalarType, repeated: boolean): FieldPlan {
  const [kind, wireType] = scalarKind(scalar);
  const label = ScalarType[scalar].toLowerCase();
  return new FieldPlan(id, kind, wireType, repeated, false, label, undefined);
}

function scalarKind(scalar: ScalarType): [kind: number, wireType: number] {
  switch (scalar) {
    case ScalarType.STRING:
      return [KIND_STRING, WIRE_LEN];
    case ScalarType.BYTES:
      return [KIND_BYTES, WIRE_LEN];
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return [KIND_I64, WIRE_I64];
    case ScalarType.FLOAT:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return [KIND_I32, WIRE_I32];
    default:
      return [KIND_VARINT, WIRE_VARINT];
  }
}

function enumPlan(id: FieldIdentity, desc: DescEnum, repeated: boolean): FieldPlan {
  // Open enums accept any number, like any int32.
  const kind = desc.open ? KIND_VARINT : KIND_ENUM;
  return new FieldPlan(id, kind, WIRE_VARINT, repeated, false, `enum ${desc.typeName}`, desc);
}

function messagePlan(
  id: FieldIdentity,
  desc: DescMessage,
  delimited: boolean,
  repeated: boolean,
): FieldPlan {
  const kind = delimited ? KIND_GROUP : KIND_MESSAGE;
  const wireType = delimited ? WIRE_START_GROUP : WIRE_LEN;
  const label = `${delimited ? "group" : "message"} ${desc.typeName}`;
  return new FieldPlan(id, kind, wireType, repeated, false, label, undefined);
}

/** A map entry is a message { key = 1; value = 2; } without required fields. */
function mapEntryPlan(field: DescField & { fieldKind: "map" }): MessagePlan {
  const synthetic = (name: string, number: number): FieldIdentity => ({
    name,
    number,
    requiredIndex: -1,
    field: undefined,
  });
  const key = scalarPlan(synthetic("key", 1), field.mapKey, false);
  const valueId = synthetic("value", 2);
  let value: FieldPlan;
  switch (field.mapKind) {
    case "scalar":
      value = scalarPlan(valueId, field.scalar, false);
      break;
    case "enum":
      value = enumPlan(valueId, field.enum, false);
      break;
    case "message":
      value = messagePlan(valueId, field.message, false, false);
      value.message = wirePlan(field.message);
      break;
  }
  return new MessagePlan(`${field.parent.typeName}.${field.name} entry`, [key, value], [], true);
}
