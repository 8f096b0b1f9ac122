// Per-type plans for the small walkers that visit only the parts of a decoded or to-be-encoded
// message where something can be found: encode's closed-enum check (enum-check.ts) and decode's
// private copies of bytes and unknown fields (unalias.ts). Each plan is built once per message
// type and lists, in one flat array, the fields to look at: the leaves themselves (enum or bytes
// values: singular, repeated or map values) and the message fields (singular, repeated or map
// values) that lead to more of them. A walker is then one plain loop over the steps per message
// (recursing into nested messages), with no closures and no descriptor reads.
//
// Steps are instances of one class whose properties always hold values of one type (an empty
// oneof name rather than undefined, a sentinel plan rather than no plan), so the walkers' property
// loads stay monomorphic, as in wire-plan.ts.
import type { DescField, DescMessage } from "@bufbuild/protobuf";
import { isWrapperDesc } from "@bufbuild/protobuf/wkt";

// What a step visits; the list and map forms are the singular form + 1 and + 2.
export const STEP_LEAF = 0;
export const STEP_LEAF_LIST = 1;
export const STEP_LEAF_MAP = 2;
export const STEP_MESSAGE = 3;
export const STEP_MESSAGE_LIST = 4;
export const STEP_MESSAGE_MAP = 5;

export class WalkPlan<L> {
  /** Filled in after registration, so that recursive message types resolve to this plan. */
  steps: readonly WalkStep<L>[] = [];
}

export class WalkStep<L> {
  /** The plan of the nested message type (STEP_MESSAGE*); a shared empty plan otherwise. */
  child: WalkPlan<L>;

  constructor(
    /** One of the STEP_ constants. */
    readonly kind: number,
    /** The property holding the value (for a oneof member: the member's case name). */
    readonly local: string,
    /** The oneof's property, or "" for a field outside any oneof. */
    readonly oneof: string,
    /** What the walker needs to handle a leaf value (for leaves; `none` otherwise). */
    readonly leaf: L,
    child: WalkPlan<L>,
  ) {
    this.child = child;
  }
}

/** How one walker's plans are built. */
export interface WalkSpec<L> {
  /** The leaf data for a field whose values are leaves, or undefined if it is none. */
  readonly leafOf: (field: DescField) => L | undefined;
  /** Message types worth descending into (when a field of that type is found). */
  readonly descendInto: (desc: DescMessage) => boolean;
  /** The `leaf` of non-leaf steps. */
  readonly none: L;
  readonly cache: WeakMap<DescMessage, WalkPlan<L>>;
}

/** The cached plan of `desc` for the walker described by `spec`. */
export function walkPlanOf<L>(desc: DescMessage, spec: WalkSpec<L>): WalkPlan<L> {
  let plan = spec.cache.get(desc);
  if (plan === undefined) {
    const built = new WalkPlan<L>();
    plan = built;
    spec.cache.set(desc, built);
    // Leaves first: a walker that stops once it has found all it looks for (unalias.ts) can
    // then often stop before descending at all.
    const steps = desc.fields.flatMap((field) => stepsFor(field, spec));
    built.steps = [
      ...steps.filter((step) => step.kind < STEP_MESSAGE),
      ...steps.filter((step) => step.kind >= STEP_MESSAGE),
    ];
  }
  return plan;
}

function stepsFor<L>(field: DescField, spec: WalkSpec<L>): WalkStep<L>[] {
  const oneof = field.oneof?.localName ?? "";
  const leaf = spec.leafOf(field);
  if (leaf !== undefined) {
    const kind = stepKind(field, STEP_LEAF);
    return [new WalkStep(kind, field.localName, oneof, leaf, EMPTY_PLAN as WalkPlan<L>)];
  }
  const message = field.message;
  if (message === undefined || !holdsMessages(field) || !spec.descendInto(message)) return [];
  const kind = stepKind(field, STEP_MESSAGE);
  const step = new WalkStep(kind, field.localName, oneof, spec.none, EMPTY_PLAN as WalkPlan<L>);
  step.child = walkPlanOf(message, spec);
  return [step];
}

const EMPTY_PLAN = new WalkPlan<unknown>();

/** STEP_LEAF or STEP_MESSAGE, plus 1 for a list and 2 for a map (see the constants). */
function stepKind(field: DescField, singular: number): number {
  return singular + (field.fieldKind === "list" ? 1 : field.fieldKind === "map" ? 2 : 0);
}

/**
 * Whether the field's values are message objects. protobuf-es stores singular wrapper fields
 * (google.protobuf.StringValue, …) outside a oneof as the bare value, and google.protobuf.Struct
 * fields as plain JSON objects: neither is a message to walk.
 */
function holdsMessages(field: DescField): boolean {
  if (field.message === undefined) return false;
  if (field.message.typeName === "google.protobuf.Struct") {
    return field.parent.typeName === "google.protobuf.Value";
  }
  return !isUnwrapped(field);
}

/** A singular wrapper field outside a oneof: its value is the wrapped scalar itself. */
export function isUnwrapped(field: DescField): boolean {
  return (
    field.fieldKind === "message" &&
    field.oneof === undefined &&
    field.message !== undefined &&
    isWrapperDesc(field.message)
  );
}

/** The value of a step's field in `message`: undefined when unset or another oneof member. */
export function stepValue<L>(step: WalkStep<L>, message: Record<string, unknown>): unknown {
  if (step.oneof === "") return message[step.local];
  const oneof = message[step.oneof] as { case?: unknown; value?: unknown } | null | undefined;
  return typeof oneof === "object" && oneof !== null && oneof.case === step.local
    ? oneof.value
    : undefined;
}
