// The structural walk: one loop over a plan's steps, the same for every message type. It
// reports missing required fields, unknown closed-enum values and unpaired surrogates, descends
// into messages (pushing the field name, index or map key onto the path), and then runs the
// type's bound rules, which see a message whose children have been walked.
import type { DescEnum, Message } from "@bufbuild/protobuf";
import { type Collector, checkWellFormed } from "../rules/index.js";
import { unknownEnumNumber } from "../schema/index.js";
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
import type { Plan, Step } from "./plan.js";

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Walk `msg` (of the plan's type) at the collector's current path; `flags` come from the parent.
 * The interpreter: used where code generation is not allowed, and for the rare step kinds.
 */
export function walk(plan: Plan, msg: Message, c: Collector, flags: number): void {
  const steps = plan.steps;
  const record = msg as unknown as Record<string, unknown>;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as Step;
    const value = step.oneof === undefined ? record[step.key] : oneofValue(record, step);
    walkStep(c, msg, step, value, flags);
  }
  const check = plan.check as ((m: Message, c: Collector, f: number) => void) | undefined;
  if (check !== undefined) check(msg, c, flags);
}

/** One step of the walk on `value`, the field's value in `msg`. */
export function walkStep(
  c: Collector,
  msg: Message,
  step: Step,
  value: unknown,
  flags: number,
): void {
  switch (step.kind) {
    case STRING:
      if (typeof value === "string") {
        if (value === step.dflt && step.required && !hasOwn.call(msg, step.key))
          missing(c, msg, step);
        else checkWellFormed(c, value, step.name);
      } else if (value === undefined && step.required) {
        missing(c, msg, step);
      }
      return;
    case SCALAR:
      if (value === undefined || !hasOwn.call(msg, step.key)) missing(c, msg, step);
      return;
    case ENUM:
      checkEnum(c, msg, step, value);
      return;
    case MESSAGE:
      if (value === undefined) {
        if (step.required) missing(c, msg, step);
      } else {
        c.path.push(step.name);
        walk(step.child as Plan, value as Message, c, childFlags(step, msg, flags));
        c.path.pop();
      }
      return;
    case LIST_MESSAGE: {
      const list = value as readonly Message[];
      if (list.length === 0) return;
      const child = step.child as Plan;
      const f = childFlags(step, msg, flags);
      const path = c.path;
      for (let j = 0; j < list.length; j++) {
        path.push(step.name, j);
        walk(child, list[j] as Message, c, f);
        path.pop();
        path.pop();
      }
      return;
    }
    case LIST_STRING: {
      const list = value as readonly string[];
      for (let j = 0; j < list.length; j++) checkWellFormed(c, list[j] as string, step.name, j);
      return;
    }
    case LIST_ENUM: {
      // protobuf-es keeps undefined values of a repeated closed enum inside the list.
      const list = value as readonly number[];
      const desc = step.enumDesc as DescEnum;
      for (let j = 0; j < list.length; j++) {
        const n = list[j] as number;
        if (desc.value[n] === undefined) reportUnknownEnum(c, step.name, n, desc, j);
      }
      return;
    }
    case MAP_MESSAGE: {
      const map = value as Record<string, Message>;
      const child = step.child as Plan;
      const f = childFlags(step, msg, flags);
      for (const key of Object.keys(map)) {
        c.path.push(step.name, key);
        walk(child, map[key] as Message, c, f);
        c.path.pop();
        c.path.pop();
      }
      return;
    }
    case MAP_STRING: {
      const map = value as Record<string, string>;
      for (const key of Object.keys(map)) {
        checkWellFormed(c, key, step.name, key);
        checkWellFormed(c, map[key] as string, step.name, key);
      }
      return;
    }
    case MAP_ENUM: {
      const map = value as Record<string, number>;
      const desc = step.enumDesc as DescEnum;
      for (const key of Object.keys(map)) {
        const n = map[key] as number;
        if (desc.value[n] === undefined) reportUnknownEnum(c, step.name, n, desc, key);
      }
      return;
    }
  }
}

export function childFlags(step: Step, msg: Message, flags: number): number {
  const f = step.flags as ((m: Message, f: number) => number) | undefined;
  return f === undefined ? 0 : f(msg, flags);
}

// A oneof member's value: the group's value when its case is this member.
export function oneofValue(record: Record<string, unknown>, step: Step): unknown {
  const group = record[step.oneof as string] as { case?: string; value?: unknown } | undefined;
  return group?.case === step.key ? group.value : undefined;
}

// A closed enum field: a value parked in `$unknown` (the wire's last value wins, so look there
// first; `$unknown` is undefined on almost every message), then presence, then a number the enum
// does not define (assigned in code). Open enums get a step only when required.
export function checkEnum(c: Collector, msg: Message, step: Step, value: unknown): void {
  const desc = step.enumDesc;
  if (desc !== undefined && msg.$unknown !== undefined) {
    const unknown = unknownEnumNumber(msg, step.no);
    if (unknown !== undefined) {
      reportUnknownEnum(c, step.name, unknown, desc);
      return;
    }
  }
  const set =
    step.oneof !== undefined
      ? value !== undefined
      : value !== undefined && (value !== step.dflt || hasOwn.call(msg, step.key));
  if (!set) {
    if (step.required) missing(c, msg, step);
    return;
  }
  if (desc !== undefined && typeof value === "number" && desc.value[value] === undefined) {
    reportUnknownEnum(c, step.name, value, desc);
  }
}

export function missing(c: Collector, msg: Message, step: Step): void {
  c.report(
    "required_field_missing",
    `required field ${step.name} of ${msg.$typeName} is not set; set it (toBinary throws and Mesos rejects the message without it)`,
    step.name,
  );
}

export function reportUnknownEnum(
  c: Collector,
  field: string,
  value: number,
  desc: DescEnum,
  index?: number | string,
): void {
  const known = desc.values.map((v) => `${v.name} (${v.number})`).join(", ");
  const where = index === undefined ? field : `${field}[${index}]`;
  c.report(
    "unknown_enum_value",
    `${where} holds unknown enum value ${value}, which ${desc.typeName} does not define; use one of ${known}`,
    field,
    index,
  );
}
