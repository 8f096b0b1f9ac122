// The structural plan of a message type, derived once from its descriptor and cached per type
// (a WeakMap keyed by the DescMessage): which fields the walk must look at and what to check on
// each. It works for any schema: required fields (proto2 LEGACY_REQUIRED), closed enums (singular,
// repeated, in a oneof, or parked in `$unknown`), strings (unpaired surrogates), nested
// messages, repeated elements and map values. Fields with nothing to check (bytes, optional
// numbers and bools) get no step. The domain rules of a type come from a binding table
// (../rules), keyed by the same descriptor.
import {
  type DescEnum,
  type DescField,
  type DescMessage,
  type Message,
  ScalarType,
} from "@bufbuild/protobuf";
import { FeatureSet_FieldPresence } from "@bufbuild/protobuf/wkt";
import { type Binding, bindingOf, type Check, type Collector } from "../rules/index.js";
import { buildRun } from "./compile.js";
import {
  ENUM,
  LIST_ENUM,
  LIST_MESSAGE,
  LIST_STRING,
  MAP_ENUM,
  MAP_MESSAGE,
  MAP_STRING,
  MESSAGE,
  SCALAR,
  STRING,
} from "./kinds.js";

export interface Step {
  readonly kind: number;
  /** The property (protobuf-es localName); in a oneof, the member's case name. */
  readonly key: string;
  /** The proto field name: paths and messages use it. */
  readonly name: string;
  readonly no: number;
  /** Report `required_field_missing` when unset (false when a rule owns the field). */
  readonly required: boolean;
  /** The oneof group's property, when the field is a oneof member. */
  readonly oneof: string | undefined;
  /** The value protobuf-es shows for an unset string or enum field (from the prototype). */
  readonly dflt: unknown;
  /** A closed enum (open enums accept any number and get no step of their own). */
  readonly enumDesc: DescEnum | undefined;
  /** The plan of the message type, for message fields (filled in after construction). */
  child: Plan | undefined;
  /** Context flags for the child, from the binding. */
  readonly flags: ((msg: never, flags: number) => number) | undefined;
}

/** Walks one message of a plan's type: the compiled walker, or the interpreter. */
export type Run = (msg: Message, c: Collector, flags: number) => void;

export interface Plan {
  readonly desc: DescMessage;
  /**
   * Walk a message of this type. Starts as a stub that builds the real walker on first use (see
   * compile.ts) and replaces itself, so a plan costs nothing until a message of its type is walked.
   */
  run: Run;
  readonly steps: Step[];
  /** The type's domain rules, if any are bound. */
  readonly check: Check<never> | undefined;
  /** Field declaration index by proto name: issues are put in this order. */
  readonly order: ReadonlyMap<string, number>;
  /** True for the rules-only form of a plan (rules-only.ts): message steps to rules only. */
  readonly rulesOnly?: boolean;
  /**
   * A rules-only form's fast verdict (Binding.clean, see rules-only.ts): true only when the
   * subtree's rules would report nothing, so the compiled walker skips it.
   */
  clean?: (message: never, flags: number) => boolean;
}

const REQUIRED = FeatureSet_FieldPresence.LEGACY_REQUIRED;

const cache = new WeakMap<DescMessage, Plan>();

/**
 * The plan of `desc` with the walkers of every plan it reaches built, so a walker never calls a
 * stub (a call site that saw the stub once would stay polymorphic).
 */
export function readyPlanOf(desc: DescMessage): Plan {
  const plan = planOf(desc);
  if (!ready.has(plan)) prepare(plan);
  return plan;
}

const ready = new WeakSet<Plan>();

function prepare(plan: Plan): void {
  ready.add(plan);
  plan.run = buildRun(plan);
  for (const step of plan.steps) {
    const child = step.child;
    if (child !== undefined && !ready.has(child)) prepare(child);
  }
}

/** The plan of `desc` (built on first use, then cached). */
export function planOf(desc: DescMessage): Plan {
  const cached = cache.get(desc);
  if (cached !== undefined) return cached;
  const binding = bindingOf(desc);
  const order = new Map<string, number>();
  for (const [i, field] of desc.fields.entries()) order.set(field.name, i);
  const plan: Plan = {
    desc,
    run: (msg, c, flags) => {
      prepare(plan);
      plan.run(msg, c, flags);
    },
    steps: [],
    check: binding?.check as Check<never> | undefined,
    order,
  };
  // Cached before the children are planned: recursive types (a message that holds itself) end.
  cache.set(desc, plan);
  for (const field of desc.fields) {
    const step = stepOf(field, binding);
    if (step === undefined) continue;
    plan.steps.push(step);
    if (field.message !== undefined) step.child = planOf(field.message);
  }
  return plan;
}

function stepOf(field: DescField, binding: Binding | undefined): Step | undefined {
  const required =
    field.presence === REQUIRED && !(binding?.ownsRequired?.includes(field.name) ?? false);
  const kind = kindOf(field, required);
  if (kind === undefined) return undefined;
  const closed = field.enum;
  return {
    kind,
    key: field.localName,
    name: field.name,
    no: field.number,
    required,
    oneof: field.oneof?.localName,
    dflt: defaultOf(field),
    enumDesc: closed !== undefined && !closed.open ? closed : undefined,
    child: undefined,
    flags: binding?.childFlags?.[field.name] as Step["flags"],
  };
}

// The step kind, or undefined when the field has nothing to check.
function kindOf(field: DescField, required: boolean): number | undefined {
  switch (field.fieldKind) {
    case "scalar":
      if (field.scalar === ScalarType.STRING) return STRING;
      return required ? SCALAR : undefined;
    case "enum":
      return field.enum.open && !required ? undefined : ENUM;
    case "message":
      return MESSAGE;
    case "list":
      if (field.listKind === "message") return LIST_MESSAGE;
      if (field.listKind === "enum") return field.enum.open ? undefined : LIST_ENUM;
      return field.scalar === ScalarType.STRING ? LIST_STRING : undefined;
    case "map":
      if (field.mapKind === "message") return MAP_MESSAGE;
      if (field.mapKind === "enum") return field.enum.open ? undefined : MAP_ENUM;
      return field.scalar === ScalarType.STRING ? MAP_STRING : undefined;
  }
}

// The value protobuf-es shows for an unset string or enum field, the only steps that compare with
// it: proto2 defaults live on the prototype, and an explicit [default = ...] wins.
function defaultOf(field: DescField): unknown {
  if (field.fieldKind === "enum") return field.getDefaultValue() ?? field.enum.values[0]?.number;
  if (field.fieldKind === "scalar" && field.scalar === ScalarType.STRING) {
    return field.getDefaultValue() ?? "";
  }
  return undefined;
}
