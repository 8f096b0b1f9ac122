// Which proto2 required fields are unset, at any depth, judged on a finished message (protobuf
// merges repeated occurrences of a message field, so the wire alone cannot tell). Iterative, with
// paths built from parent links only for what is reported, so a message nested as deep as any
// maxDepth allows is walked without recursion.
import type { DescField, DescMessage } from "@bufbuild/protobuf";
import type { Issue, IssuePath } from "../problems/index.js";
import { isSet } from "../schema/index.js";

interface Item {
  readonly desc: DescMessage;
  readonly msg: Record<string, unknown>;
  readonly parent: Item | undefined;
  readonly seg: readonly (string | number)[];
}

/**
 * One `required_field_missing` issue per unset required field, in field order per message;
 * `offsetOf` gives the input offset of a nested message, where known.
 */
export function missingRequired(
  desc: DescMessage,
  message: unknown,
  offsetOf?: (message: object) => number | undefined,
): Issue[] {
  const out: Issue[] = [];
  const todo: Item[] = [
    { desc, msg: message as Record<string, unknown>, parent: undefined, seg: [] },
  ];
  while (todo.length > 0) {
    const item = todo.pop() as Item;
    const children: Item[] = [];
    for (const field of item.desc.fields) {
      if (field.presence === 3 /* LEGACY_REQUIRED */ && !isSet(item.msg, field.localName)) {
        const offset = offsetOf?.(item.msg);
        out.push({
          code: "required_field_missing",
          severity: "error",
          path: [...pathOf(item), field.name],
          message: `required field ${field.name} of ${item.desc.typeName} is not set`,
          ...(offset === undefined ? {} : { offset }),
        });
        continue;
      }
      collect(item, field, children);
    }
    // Reversed onto the stack, so children are visited in field order.
    for (let i = children.length - 1; i >= 0; i--) todo.push(children[i] as Item);
  }
  return out;
}

function collect(item: Item, field: DescField, children: Item[]): void {
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
        (msg[field.localName] as unknown[]).forEach((v, i) =>
          add(v, [field.name, i], field.message),
        );
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
