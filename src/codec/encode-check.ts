// Everything that makes a message unencodable, found in one walk and reported together: missing
// required fields (protobuf-es stops at the first, with a plain Error and no path) and values
// protobuf-es would reject, coerce or write unchecked (the rules are in scalar-check.ts).
//
// encode runs this on every call, so it is compiled once per message type into one closure per
// field (the way protobuf-es compiles its own writers): each closure reads its property by a
// constant name and checks it with a checker picked at compile time, so the walk does no
// descriptor reflection and allocates only when it finds a problem.

import type { DescField, DescMessage, ScalarType } from "@bufbuild/protobuf";
import { isWrapperDesc } from "@bufbuild/protobuf/wkt";
import type { Issue, IssueCode, IssuePath } from "../problems/index.js";
import { isSet } from "../schema/index.js";
import type { MessageObject } from "./field-access.js";
import {
  describeValue,
  enumChecker,
  scalarChecker,
  type ValueChecker,
  type ValueProblem,
} from "./scalar-check.js";

/** Every issue of `message` (of type `desc`), in field order; empty when it can be encoded. */
export function encodeIssues(desc: DescMessage, message: unknown): Issue[] {
  const out: Issue[] = [];
  messageChecker(desc).check(message, [], out);
  return out;
}

type Check = (value: unknown, path: IssuePath, out: Issue[]) => void;
type FieldCheck = (message: MessageObject, path: IssuePath, out: Issue[]) => void;

/** Filled in after registration, so recursive message types compile once. */
interface Compiled {
  check: Check;
}

const compiled = new WeakMap<DescMessage, Compiled>();

function messageChecker(desc: DescMessage): Compiled {
  let entry = compiled.get(desc);
  if (entry === undefined) {
    const holder: Compiled = { check: () => undefined };
    compiled.set(desc, holder);
    holder.check = compileMessage(desc);
    entry = holder;
  }
  return entry;
}

function compileMessage(desc: DescMessage): Check {
  const typeName = desc.typeName;
  const fields = desc.fields.map(compileField);
  return (value, path, out) => {
    if (typeof value !== "object" || value === null) {
      report(
        out,
        path,
        "invalid_value",
        `expected a ${typeName} message, got ${describeValue(value)}`,
      );
      return;
    }
    const message = value as MessageObject;
    if (message.$typeName !== typeName) {
      const got =
        typeof message.$typeName === "string" ? message.$typeName : "an object without $typeName";
      report(
        out,
        path,
        "wrong_message_type",
        `expected a ${typeName} message, got ${got}; build it with create(${desc.name}Schema, …)`,
      );
      return;
    }
    for (let i = 0; i < fields.length; i++) (fields[i] as FieldCheck)(message, path, out);
  };
}

function compileField(field: DescField): FieldCheck {
  const local = field.localName;
  const name = field.name;
  const check = valueCheck(field);
  if (field.oneof !== undefined) {
    const oneofLocal = field.oneof.localName;
    return (message, path, out) => {
      const oneof = message[oneofLocal] as { case?: unknown; value?: unknown } | undefined;
      if (oneof?.case === local) descend(check, oneof.value, name, path, out);
    };
  }
  switch (field.fieldKind) {
    case "list":
      if (field.listKind !== "message") {
        const item =
          field.listKind === "enum" ? enumChecker(field.enum) : scalarChecker(field.scalar);
        return (message, path, out) => {
          const list = message[local];
          if (!Array.isArray(list)) {
            descend(check, list, name, path, out); // reports the non-array
            return;
          }
          for (let i = 0; i < list.length; i++) {
            const problem = item(list[i]);
            if (problem !== undefined) reportAt(out, path, name, i, problem);
          }
        };
      }
      return (message, path, out) => descend(check, message[local], name, path, out);
    case "map":
      return (message, path, out) => descend(check, message[local], name, path, out);
    case "message":
      break;
    default:
      if (field.presence === 2 /* IMPLICIT */) {
        return (message, path, out) => descend(check, message[local], name, path, out);
      }
  }
  // Explicit presence: proto2 defaults live on the prototype, so "set" is an own property
  // (validation/presence.ts holds that rule for the whole library).
  const required = field.presence === 3; // LEGACY_REQUIRED
  const parent = field.parent.typeName;
  const missing = (path: IssuePath, out: Issue[]) =>
    reportAt(out, path, name, -1, {
      code: "required_field_missing",
      reason: `required field ${name} of ${parent} is not set`,
    });
  if (field.fieldKind === "message" && isWrapperDesc(field.message)) {
    // protobuf-es stores singular wrapper fields (google.protobuf.*Value) unwrapped.
    const wrapped = scalarChecker((field.message.fields[0] as DescField).scalar as ScalarType);
    return (message, path, out) => {
      const problem = isSet(message, local) ? wrapped(message[local]) : undefined;
      if (problem !== undefined) reportAt(out, path, name, -1, problem);
    };
  }
  if (field.fieldKind === "message") {
    return (message, path, out) => {
      const value = message[local];
      if (isSet(message, local)) descend(check, value, name, path, out);
      else if (required) missing(path, out);
    };
  }
  // Scalars and enums, the bulk of all fields: check without touching the path.
  const checker =
    field.fieldKind === "enum" ? enumChecker(field.enum) : scalarChecker(field.scalar);
  return (message, path, out) => {
    const value = message[local];
    if (isSet(message, local)) {
      const problem = checker(value);
      if (problem !== undefined) reportAt(out, path, name, -1, problem);
    } else if (required) {
      missing(path, out);
    }
  };
}

function descend(check: Check, value: unknown, name: string, path: IssuePath, out: Issue[]): void {
  path.push(name);
  check(value, path, out);
  path.pop();
}

/** The check of one field's value (for lists and maps: of the whole collection). */
function valueCheck(field: DescField): Check {
  switch (field.fieldKind) {
    case "scalar":
      return leaf(scalarChecker(field.scalar));
    case "enum":
      return leaf(enumChecker(field.enum));
    case "message":
      return messageCheck(field.message);
    case "list":
      return listCheck(
        field.listKind === "message"
          ? messageCheck(field.message)
          : leaf(field.listKind === "enum" ? enumChecker(field.enum) : scalarChecker(field.scalar)),
      );
    case "map":
      return mapCheck(
        field.mapKind === "message"
          ? messageCheck(field.message)
          : leaf(field.mapKind === "enum" ? enumChecker(field.enum) : scalarChecker(field.scalar)),
      );
  }
}

/** Calls through the holder: for a recursive type it is still a placeholder at this point. */
function messageCheck(desc: DescMessage): Check {
  const compiledChild = messageChecker(desc);
  return (value, path, out) => compiledChild.check(value, path, out);
}

function leaf(checker: ValueChecker): Check {
  return (value, path, out) => {
    const problem = checker(value);
    if (problem !== undefined) report(out, path, problem.code, problem.reason);
  };
}

function listCheck(item: Check): Check {
  return (value, path, out) => {
    if (!Array.isArray(value)) {
      report(out, path, "invalid_value", `expected an array, got ${describeValue(value)}`);
      return;
    }
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      item(value[i], path, out);
      path.pop();
    }
  };
}

function mapCheck(item: Check): Check {
  return (value, path, out) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      report(out, path, "invalid_value", `expected an object (map), got ${describeValue(value)}`);
      return;
    }
    for (const key of Object.keys(value)) {
      path.push(key);
      item((value as Record<string, unknown>)[key], path, out);
      path.pop();
    }
  };
}

/** Report at `path` + `name` (+ `index` when >= 0). */
function reportAt(
  out: Issue[],
  path: IssuePath,
  name: string,
  index: number,
  problem: ValueProblem,
): void {
  const at = [...path, name];
  if (index >= 0) at.push(index);
  out.push({ code: problem.code, severity: "error", path: at, message: problem.reason });
}

function report(out: Issue[], path: IssuePath, code: IssueCode, message: string): void {
  out.push({ code, severity: "error", path: path.slice(), message });
}
