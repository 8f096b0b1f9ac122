// The descriptor-driven copy at the heart of both conversions. The seed (package mesos) and
// Mesos 1.11 (package mesos.v1) agree on field numbers almost everywhere (v1 renamed slave_id to
// agent_id and SlaveID to AgentID, same numbers), so a field is copied to the destination field
// with the same number and a compatible kind, recursing into messages by number. The few places
// where the two schemas differ in shape are `moves` (see seed-to-v1.ts and v1-to-seed.ts), keyed
// by the source field. Everything else that has no destination is refused, never dropped: the
// direction reports an error issue at the field's path in the source message.
import {
  create,
  type DescField,
  type DescMessage,
  isFieldSet,
  type Message,
} from "@bufbuild/protobuf";
import { CODES, type Issue, type IssueCode, type IssuePath } from "../problems/index.js";
import { describeValue } from "./describe-value.js";

const LEGACY_REQUIRED = 3; // FeatureSet_FieldPresence.LEGACY_REQUIRED

/** Moves one source field into the destination itself, instead of the copy by number. */
export type Move = (walk: Walk, src: Message, dst: Message, path: IssuePath) => void;

/** One direction of conversion: its moves and how it explains what it cannot carry. */
export interface Direction {
  /** Moves keyed by `${sourceTypeName}#${fieldNumber}`. */
  readonly moves: ReadonlyMap<string, Move>;
  /** The code for a source field or enum value the destination cannot carry. */
  readonly refusedCode: IssueCode;
  /** The message for a refused field (`value` already rendered). */
  refusal(srcDesc: DescMessage, field: DescField, value: string): string;
  /**
   * True when a set field the destination has no place for holds exactly what the destination
   * does anyway (e.g. DockerInfo.network HOST: the seed always runs `--net host`), so leaving it
   * out changes no meaning. Mesos writes such defaults into every JSON message it serializes.
   */
  implied?(srcDesc: DescMessage, field: DescField, value: unknown): boolean;
  /** The message for an enum value the destination enum does not define. */
  enumRefusal(srcDesc: DescMessage, field: DescField, value: number, dstField: DescField): string;
  /** The code and message for a destination field that is required but cannot be filled. */
  readonly requiredCode: IssueCode;
  requiredMessage(dstDesc: DescMessage, field: DescField): string;
}

export class Walk {
  /** The issues found so far, in the order met (field order). */
  readonly issues: Issue[] = [];

  constructor(readonly direction: Direction) {}

  add(code: IssueCode, path: IssuePath, message: string): void {
    this.issues.push({ code, severity: CODES[code].severity, path: [...path], message });
  }

  /**
   * A new destination message holding everything of `src` that the destination can carry.
   * `skip` lists source field numbers a caller's move handles itself.
   */
  message(
    srcDesc: DescMessage,
    src: Message,
    dstDesc: DescMessage,
    path: IssuePath,
    skip?: ReadonlySet<number>,
  ): Message {
    const dst = create(dstDesc) as Message;
    // No depth limit is needed: the walk follows only the descriptors of types both schemas
    // have, and the seed's message graph has no cycle (at most 6 levels: TaskInfo.executor.
    // container.docker.volume), so even a cyclic object graph is walked a bounded depth.
    for (const field of srcDesc.fields) {
      if (!isFieldSet(src, field) || skip?.has(field.number)) continue;
      const at = [...path, field.name];
      const move = this.direction.moves.get(`${srcDesc.typeName}#${field.number}`);
      if (move !== undefined) {
        move(this, src, dst, path);
        continue;
      }
      const target = dstDesc.fields.find((f) => f.number === field.number);
      const value = getValue(src, field);
      if (target === undefined || !compatible(field, target)) {
        if (this.direction.implied?.(srcDesc, field, value) === true) continue;
        // A field the destination cannot carry: refused, never dropped.
        const why = this.direction.refusal(srcDesc, field, describeValue(field, value));
        this.add(this.direction.refusedCode, at, why);
        continue;
      }
      const copied = this.value(srcDesc, field, target, value, at);
      if (copied !== undefined) setValue(dst, target, copied);
    }
    this.unknownFields(srcDesc, src, dstDesc, dst, path);
    this.required(srcDesc, src, dstDesc, dst, path);
    return dst;
  }

  // The copy of one field's value; undefined when nothing can be set (an issue says why).
  private value(
    srcDesc: DescMessage,
    field: DescField,
    target: DescField,
    value: unknown,
    at: IssuePath,
  ): unknown {
    // A list element or map value the destination cannot carry is left out (an issue says why).
    const copy = (item: unknown, key: string | number) =>
      this.single(srcDesc, field, target, item, [...at, key]);
    if (field.fieldKind === "list") {
      return (value as unknown[]).map(copy).filter((copied) => copied !== undefined);
    }
    if (field.fieldKind === "map") {
      const entries = Object.entries(value as Record<string, unknown>);
      return Object.fromEntries(
        entries.map(([key, item]) => [key, copy(item, key)]).filter(([, c]) => c !== undefined),
      );
    }
    return this.single(srcDesc, field, target, value, at);
  }

  // One value: a singular field's, a list element or a map value (the kinds are compatible:
  // checked before). `message` and `enum` are set on a descriptor for the element's type too.
  private single(
    srcDesc: DescMessage,
    field: DescField,
    target: DescField,
    value: unknown,
    at: IssuePath,
  ): unknown {
    if (field.message !== undefined) {
      return this.message(field.message, value as Message, target.message as DescMessage, at);
    }
    if (field.enum === undefined) return value instanceof Uint8Array ? value.slice() : value;
    if (target.enum?.values.some((v) => v.number === value)) return value;
    this.add(
      this.direction.refusedCode,
      at,
      this.direction.enumRefusal(srcDesc, field, value as number, target),
    );
    return undefined;
  }

  // Unknown fields (bytes the source's schema did not declare, and closed-enum values it does not
  // define) are carried verbatim when the destination does not declare their number either: they
  // stay unknown there, and a round trip brings them back. Where the destination declares the
  // number, carrying them would make them read as a different field, so they are refused.
  private unknownFields(
    srcDesc: DescMessage,
    src: Message,
    dstDesc: DescMessage,
    dst: Message,
    path: IssuePath,
  ): void {
    const unknown = src.$unknown;
    if (unknown === undefined || unknown.length === 0) return;
    const carried = [];
    for (const u of unknown) {
      const declared = dstDesc.fields.find((f) => f.number === u.no);
      if (declared === undefined) {
        carried.push({ no: u.no, wireType: u.wireType, data: u.data.slice() });
        continue;
      }
      const own = srcDesc.fields.find((f) => f.number === u.no);
      const what =
        own === undefined
          ? `unknown field ${u.no} (wire type ${u.wireType}) of ${srcDesc.typeName}`
          : `an unknown value of ${srcDesc.typeName}.${own.name} (field ${u.no})`;
      this.add(
        "unknown_field_conflict",
        own === undefined ? [...path, u.no] : [...path, own.name],
        `${what} cannot be carried: ${dstDesc.typeName} declares field ${u.no} as ${declared.name}, which would read these bytes. The message was probably decoded with the other schema; decode it with the schema it was written in.`,
      );
    }
    if (carried.length > 0) dst.$unknown = carried;
  }

  // A destination field that is required but stayed unset although the source had no such
  // requirement (v1 made ExecutorInfo.command and Environment.Variable.value optional).
  private required(
    srcDesc: DescMessage,
    src: Message,
    dstDesc: DescMessage,
    dst: Message,
    path: IssuePath,
  ): void {
    for (const field of dstDesc.fields) {
      if (field.presence !== LEGACY_REQUIRED || isFieldSet(dst, field)) continue;
      const own = srcDesc.fields.find((f) => f.number === field.number);
      // Required on both sides: the source has the same defect; validate() reports it there.
      if (own !== undefined && own.presence === LEGACY_REQUIRED && !isFieldSet(src, own)) continue;
      if (own !== undefined && isFieldSet(src, own)) continue; // refused already, with its reason
      this.add(
        this.direction.requiredCode,
        [...path, own?.name ?? field.name],
        this.direction.requiredMessage(dstDesc, field),
      );
    }
  }
}

// The same kind and scalar type (undefined on both for messages and enums, whose contents are
// checked as they are copied), and for lists and maps the same element and key kinds.
function compatible(a: DescField, b: DescField): boolean {
  if (a.fieldKind !== b.fieldKind || a.scalar !== b.scalar) return false;
  if (a.fieldKind === "list") return a.listKind === (b as typeof a).listKind;
  if (a.fieldKind === "map") {
    return a.mapKey === (b as typeof a).mapKey && a.mapKind === (b as typeof a).mapKind;
  }
  return true;
}

type Fields = Record<string, unknown>;

/** The value of a set field (a oneof member is read from its oneof). */
function getValue(msg: Message, field: DescField): unknown {
  const record = msg as unknown as Fields;
  if (field.oneof === undefined) return record[field.localName];
  const selected = record[field.oneof.localName] as { case?: string; value?: unknown };
  return selected.case === field.localName ? selected.value : undefined;
}

/** Set a field (a oneof member through its oneof). */
function setValue(msg: Message, field: DescField, value: unknown): void {
  const record = msg as unknown as Fields;
  if (field.oneof === undefined) record[field.localName] = value;
  else record[field.oneof.localName] = { case: field.localName, value };
}
