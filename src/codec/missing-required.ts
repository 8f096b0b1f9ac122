// Which proto2 required fields are unset, at any depth, judged on a finished message (protobuf
// merges repeated occurrences of a message field, so the wire alone cannot tell). Iterative, with
// paths built from parent links only for what is reported, so a message nested as deep as any
// maxDepth allows is walked without recursion.
import type { DescField, DescMessage } from "@bufbuild/protobuf";
import { errorIssue, type Issue, type IssuePath } from "../problems/index.js";
import { isSet } from "../schema/index.js";

interface Item {
  readonly desc: DescMessage;
  readonly msg: Record<string, unknown>;
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
  const todo: (Item | Issue)[] = [
    { desc, msg: message as Record<string, unknown>, parent: undefined, seg: [] },
  ];
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
      collect(next, field, found);
    }
    for (let i = found.length - 1; i >= 0; i--) todo.push(found[i] as Item | Issue);
  }
  return out;
}

function collect(item: Item, field: DescField, children: (Item | Issue)[]): void {
  const msg = item.msg;
  const add = (value: unknown, seg: (string | number)[], desc: DescMessage) => {
    if (typeof value === "object" && value !== null) {
      children.push({ desc, msg: value as Record<string, unknown>, parent: item, seg });
    }
  };
  switch (field.fieldKind) {
    case "message":
      if (field.oneof !== undefined) {
        const oneof = msg[field.oneof.localName] as { case?: string; value?: unknown } | undefined;
        if (oneof?.case === field.localName) add(oneof.value, [field.name], field.message);
      } else {
        add(msg[field.localName], [field.name], field.message);
      }
      return;
    case "list":
      if (field.listKind === "message" && Array.isArray(msg[field.localName])) {
        const list = msg[field.localName] as unknown[];
        for (let i = 0; i < list.length; i++) add(list[i], [field.name, i], field.message);
      }
      return;
    case "map":
      if (field.mapKind === "message") {
        const map = msg[field.localName] as Record<string, unknown>;
        for (const key of Object.keys(map ?? {})) add(map[key], [field.name, key], field.message);
      }
      return;
  }
}

function pathOf(item: Item | undefined): IssuePath {
  const parts: (readonly (string | number)[])[] = [];
  for (let i = item; i !== undefined; i = i.parent) parts.push(i.seg);
  return parts.reverse().flat();
}
