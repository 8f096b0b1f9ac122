// Locating fields inside a message tree by reflection (tests only): every place a given kind of
// field is set, as steps from the root, and the way back to it in a clone.
import type { DescField } from "@bufbuild/protobuf";
import { isReflectList, isReflectMessage, type ReflectMessage } from "@bufbuild/protobuf/reflect";
import type { IssuePath } from "../../src/validation/index.js";

export type Step = { field: DescField; index?: number };

/** Every (parent steps, field) where `pick` holds, over the set fields of `msg`. */
export function locations(
  r: ReflectMessage,
  pick: (f: DescField) => boolean,
  steps: Step[] = [],
): [Step[], DescField][] {
  const out: [Step[], DescField][] = [];
  for (const field of r.fields) {
    if (pick(field) && r.isSet(field)) out.push([steps, field]);
    if (!r.isSet(field)) continue;
    const value = r.get(field);
    if (isReflectMessage(value)) out.push(...locations(value, pick, [...steps, { field }]));
    else if (isReflectList(value) && field.fieldKind === "list" && field.listKind === "message") {
      for (let i = 0; i < value.size; i++) {
        out.push(
          ...locations(value.get(i) as ReflectMessage, pick, [...steps, { field, index: i }]),
        );
      }
    }
  }
  return out;
}

export function navigate(r: ReflectMessage, steps: Step[]): ReflectMessage {
  let cur = r;
  for (const { field, index } of steps) {
    const value = cur.get(field);
    cur = (
      index === undefined ? value : (value as { get(i: number): unknown }).get(index)
    ) as ReflectMessage;
  }
  return cur;
}

/** The issue path of `field` under `steps`. */
export function pathOf(steps: readonly Step[], field: DescField): IssuePath {
  const path: IssuePath = [];
  for (const step of steps) {
    path.push(step.field.name);
    if (step.index !== undefined) path.push(step.index);
  }
  path.push(field.name);
  return path;
}
