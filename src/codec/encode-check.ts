// Everything that makes a message unencodable, found in one walk and reported together: missing
// required fields (protobuf-es stops at the first, with a plain Error and no path) and values
// protobuf-es would reject, coerce or write unchecked (the rules are in scalar-check.ts).
//
// A plain walk over the descriptors: encode runs it only when the generated writer declines a
// message (to say why) and for schemas without a generated codec.
import type { DescField, DescMessage, ScalarType } from "@bufbuild/protobuf";
import { isWrapperDesc } from "@bufbuild/protobuf/wkt";
import { errorIssue, type Issue, type IssueCode, type IssuePath } from "../problems/index.js";
import { isSet } from "../schema/index.js";
import type { MessageObject } from "./field-access.js";
import { describeValue, enumChecker, scalarChecker, type ValueProblem } from "./scalar-check.js";

/** Every issue of `message` (of type `desc`), in field order; empty when it can be encoded. */
export function encodeIssues(desc: DescMessage, message: unknown): Issue[] {
  const out: Issue[] = [];
  checkMessage(desc, message, [], out);
  return out;
}

function checkMessage(desc: DescMessage, value: unknown, path: IssuePath, out: Issue[]): void {
  if (typeof value !== "object" || value === null) {
    const got = describeValue(value);
    report(out, path, "invalid_value", `expected a ${desc.typeName} message, got ${got}`);
    return;
  }
  const message = value as MessageObject;
  if (message.$typeName !== desc.typeName) {
    const got =
      typeof message.$typeName === "string" ? message.$typeName : "an object without $typeName";
    const hint = `build it with create(${desc.name}Schema, …)`;
    report(
      out,
      path,
      "wrong_message_type",
      `expected a ${desc.typeName} message, got ${got}; ${hint}`,
    );
    return;
  }
  for (const field of desc.fields) {
    path.push(field.name);
    checkField(field, message, path, out);
    path.pop();
  }
}

/** One field of a message whose type is right; `path` ends with the field's name. */
function checkField(field: DescField, message: MessageObject, path: IssuePath, out: Issue[]) {
  const local = field.localName;
  if (field.oneof !== undefined) {
    const oneof = message[field.oneof.localName] as { case?: unknown; value?: unknown } | undefined;
    if (oneof?.case === local) checkValue(field, oneof.value, path, out);
    return;
  }
  const value = message[local];
  const collection = field.fieldKind === "list" || field.fieldKind === "map";
  if (collection || (field.fieldKind !== "message" && field.presence === 2) /* IMPLICIT */) {
    checkValue(field, value, path, out);
    return;
  }
  // Explicit presence: proto2 defaults live on the prototype, so "set" is an own property.
  const set = isSet(message, local);
  if (field.fieldKind === "message" && isWrapperDesc(field.message)) {
    // protobuf-es stores singular wrapper fields (google.protobuf.*Value) unwrapped.
    const inner = (field.message.fields[0] as DescField).scalar as ScalarType;
    if (set) checkLeaf(scalarChecker(inner)(value), path, out);
  } else if (set) {
    checkValue(field, value, path, out);
  } else if (field.presence === 3 /* LEGACY_REQUIRED */) {
    const why = `required field ${field.name} of ${field.parent.typeName} is not set`;
    report(out, path, "required_field_missing", why);
  }
}

/** A field's value: a list or map element by element, else the value itself. */
function checkValue(field: DescField, value: unknown, path: IssuePath, out: Issue[]): void {
  if (field.fieldKind === "list") {
    if (!Array.isArray(value)) {
      report(out, path, "invalid_value", `expected an array, got ${describeValue(value)}`);
      return;
    }
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      checkOne(field, value[i], path, out);
      path.pop();
    }
  } else if (field.fieldKind === "map") {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      report(out, path, "invalid_value", `expected an object (map), got ${describeValue(value)}`);
      return;
    }
    for (const key of Object.keys(value)) {
      path.push(key);
      checkOne(field, (value as Record<string, unknown>)[key], path, out);
      path.pop();
    }
  } else {
    checkOne(field, value, path, out);
  }
}

/** One value of `field` (for lists and maps: one element). */
function checkOne(field: DescField, value: unknown, path: IssuePath, out: Issue[]): void {
  if (field.message !== undefined) checkMessage(field.message, value, path, out);
  else if (field.enum !== undefined) checkLeaf(enumChecker(field.enum)(value), path, out);
  else checkLeaf(scalarChecker(field.scalar as ScalarType)(value), path, out);
}

function checkLeaf(problem: ValueProblem | undefined, path: IssuePath, out: Issue[]): void {
  if (problem !== undefined) report(out, path, problem.code, problem.reason);
}

function report(out: Issue[], path: IssuePath, code: IssueCode, message: string): void {
  out.push(errorIssue(code, path, message));
}
