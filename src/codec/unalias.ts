// decode's promise that a decoded message never shares memory with the caller's input.
// protobuf-es's fromBinary returns bytes fields and unknown-field payloads as views into the
// input, so reusing or mutating a network buffer afterwards (Node's pooled Buffers, stream
// chunks) would silently change the message. Copying the whole input before parsing costs an
// allocation of the input's size on every such decode (off-heap once over 64 bytes); copying
// just those values afterwards costs what they weigh, and nothing when there are none.
//
// The walk follows a plan built once per message type (walk-plan.ts). With `unknownFields`
// it may visit every message (any of them may hold unknown fields); without, only the fields
// that can lead to a bytes field. A value is copied exactly when its memory is the input's, so
// prototype defaults stay on the prototype (presence is unchanged) and values protobuf-es
// created itself are left alone. Copies are made with `new Uint8Array(view)`, which gives a
// plain Uint8Array even for a Node Buffer input (whose `slice()` would return another view).
import { type DescField, type DescMessage, ScalarType } from "@bufbuild/protobuf";
import type { MessageObject } from "./field-access.js";
import { typesReaching } from "./reachability.js";
import {
  isUnwrapped,
  STEP_LEAF,
  STEP_LEAF_LIST,
  STEP_LEAF_MAP,
  STEP_MESSAGE,
  stepValue,
  type WalkPlan,
  type WalkStep,
  walkPlanOf,
} from "./walk-plan.js";

type Plan = WalkPlan<boolean>;

const bytesPlans = new WeakMap<DescMessage, Plan>();
const allPlans = new WeakMap<DescMessage, Plan>();

/**
 * Replace every bytes value and (with `unknownFields`) every unknown-field payload of `message`
 * (of type `desc`) that lies in `source`, the input's buffer, by a private copy, in place.
 * `count` is how many there are at most (the scan counted them): the walk stops when it has
 * copied that many, so a message whose only such value sits near the root costs next to nothing.
 */
export function unalias(
  desc: DescMessage,
  message: object,
  source: ArrayBufferLike,
  count: number,
  unknownFields: boolean,
): void {
  const cache = unknownFields ? allPlans : bytesPlans;
  const plan = cache.get(desc) ?? buildPlan(desc, unknownFields);
  copyMessage(plan, message as MessageObject, source, unknownFields, count);
}

function buildPlan(desc: DescMessage, unknownFields: boolean): Plan {
  const reaching = unknownFields ? undefined : typesReaching(desc, isBytesField);
  return walkPlanOf(desc, {
    leafOf: (field: DescField) => (isBytesField(field) ? true : undefined),
    descendInto: (type) => reaching === undefined || reaching.has(type),
    none: false,
    cache: unknownFields ? allPlans : bytesPlans,
  });
}

/** bytes (singular, repeated or map value), or a google.protobuf.BytesValue stored bare. */
function isBytesField(field: DescField): boolean {
  return (
    field.scalar === ScalarType.BYTES ||
    (isUnwrapped(field) && field.message?.typeName === "google.protobuf.BytesValue")
  );
}

/** Copies what lies in `source`; returns how many of the `remaining` values are still to find. */
function copyMessage(
  plan: Plan,
  message: MessageObject,
  source: ArrayBufferLike,
  unknownFields: boolean,
  remaining: number,
): number {
  let left = remaining;
  if (unknownFields) {
    const unknown = message.$unknown;
    if (Array.isArray(unknown)) {
      for (let i = 0; i < unknown.length; i++) {
        const field = unknown[i] as { data: Uint8Array };
        if (field.data.buffer !== source) continue;
        field.data = new Uint8Array(field.data);
        if (--left === 0) return 0;
      }
    }
  }
  const steps = plan.steps;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as WalkStep<boolean>;
    const value = stepValue(step, message);
    if (value === undefined) continue;
    switch (step.kind) {
      case STEP_LEAF:
        if ((value as Uint8Array).buffer !== source) break;
        setLeaf(step, message, new Uint8Array(value as Uint8Array));
        left--;
        break;
      case STEP_MESSAGE:
        left = copyMessage(step.child, value as MessageObject, source, unknownFields, left);
        break;
      default: // lists and maps, of bytes or of messages
        left = copyItems(step, value as Items, source, unknownFields, left);
    }
    if (left === 0) return 0;
  }
  return left;
}

/** A list, or a map's record (protobuf-es keys maps by the key's string form). */
type Items = Record<string | number, unknown>;

/** copyMessage for the elements of a list or the values of a map (bytes or messages). */
function copyItems(
  step: WalkStep<boolean>,
  items: Items,
  source: ArrayBufferLike,
  unknownFields: boolean,
  remaining: number,
): number {
  let left = remaining;
  const leaves = step.kind === STEP_LEAF_LIST || step.kind === STEP_LEAF_MAP;
  // Object.keys only for maps (rare): lists are walked by index without allocating.
  const keys = Array.isArray(items) ? undefined : Object.keys(items);
  const n = keys === undefined ? (items as unknown as unknown[]).length : keys.length;
  for (let j = 0; j < n && left > 0; j++) {
    const key = keys === undefined ? j : (keys[j] as string);
    const item = items[key];
    if (!leaves) {
      left = copyMessage(step.child, item as MessageObject, source, unknownFields, left);
    } else if ((item as Uint8Array).buffer === source) {
      items[key] = new Uint8Array(item as Uint8Array);
      left--;
    }
  }
  return left;
}

function setLeaf(step: WalkStep<boolean>, message: MessageObject, copy: Uint8Array): void {
  if (step.oneof === "") message[step.local] = copy;
  else (message[step.oneof] as { value: unknown }).value = copy;
}
