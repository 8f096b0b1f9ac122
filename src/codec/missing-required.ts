// Which proto2 required fields are unset, at any depth, judged on a finished message (protobuf
// merges repeated occurrences of a message field, so the wire alone cannot tell). Iterative, with
// paths built from parent links only for what is reported, so a message nested as deep as any
// maxDepth allows is walked without recursion.
import type { DescField, DescMessage } from "@bufbuild/protobuf";
import { DecodeError, errorIssue, type Issue, type IssuePath } from "../problems/index.js";
import { fieldValue, isSet } from "../schema/index.js";

interface Item {
  readonly desc: DescMessage;
  readonly msg: object;
  readonly parent: Item | undefined;
  readonly seg: readonly (string | number)[];
}

/**
 * One `required_field_missing` issue per unset required field, depth first in field order;
 * `offsetOf` gives the input offset of a nested message, where known.
 */
export function missingRequired(
  desc: DescMessage,
  message: unknown,
  offsetOf?: (message: object) => number | undefined,
): Issue[] {
  const out: Issue[] = [];
  // A stack of messages still to walk and issues already found, popped in field order.
  const todo: (Item | Issue)[] = [{ desc, msg: message as object, parent: undefined, seg: [] }];
  while (todo.length > 0) {
    const next = todo.pop() as Item | Issue;
    if ("code" in next) {
      out.push(next);
      continue;
    }
    const found: (Item | Issue)[] = [];
    for (const field of next.desc.fields) {
      if (field.presence === 3 /* LEGACY_REQUIRED */ && !isSet(next.msg, field.localName)) {
        const offset = offsetOf?.(next.msg);
        const why = `required field ${field.name} of ${next.desc.typeName} is not set`;
        found.push(
          errorIssue("required_field_missing", [...pathOf(next), field.name], why, offset),
        );
        continue;
      }
      forEachMessage(next.msg, field, (d, msg, seg) =>
        found.push({ desc: d, msg, parent: next, seg }),
      );
    }
    for (let i = found.length - 1; i >= 0; i--) todo.push(found[i] as Item | Issue);
  }
  return out;
}

/** Throws the DecodeError that lists every unset required field of `message`, if there is one. */
export function assertRequired(
  desc: DescMessage,
  message: unknown,
  offsetOf?: (message: object) => number | undefined,
): void {
  const [first, ...rest] = missingRequired(desc, message, offsetOf);
  if (first !== undefined)
    throw new DecodeError(`cannot decode ${desc.typeName}`, [first, ...rest]);
}

/**
 * Calls `visit` for each message `field` of `msg` holds (its value, each list element, each map
 * value) with the path segments from `msg`; anything else there (not an object) is passed over.
 */
export function forEachMessage(
  msg: object,
  field: DescField,
  visit: (desc: DescMessage, child: object, seg: (string | number)[]) => void,
): void {
  const desc = field.message;
  const value = fieldValue(msg, field);
  if (desc === undefined || typeof value !== "object" || value === null) return;
  const add = (child: unknown, seg: (string | number)[]) => {
    if (typeof child === "object" && child !== null) visit(desc, child, seg);
  };
  if (field.fieldKind === "message") add(value, [field.name]);
  else if (field.fieldKind === "map") {
    for (const [key, child] of Object.entries(value)) add(child, [field.name, key]);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) add(value[i], [field.name, i]);
  }
}

function pathOf(item: Item | undefined): IssuePath {
  const parts: (readonly (string | number)[])[] = [];
  for (let i = item; i !== undefined; i = i.parent) parts.push(i.seg);
  return parts.reverse().flat();
}
