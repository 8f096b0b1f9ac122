// "Field order" made checkable: issues must come in pre-order of the message tree, fields in
// declaration order and repeated items by index, a message's own issues before its fields'.
import type { DescField, DescMessage } from "@bufbuild/protobuf";
import type { IssuePath } from "../../src/validation/index.js";

/** Negative when `a` comes before `b` in field order of messages of type `root`. */
export function compareFieldOrder(root: DescMessage, a: IssuePath, b: IssuePath): number {
  let desc: DescMessage | undefined = root;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (typeof x === "number" || typeof y === "number") {
      if (x !== y) return Number(x) - Number(y);
      continue;
    }
    const fields: readonly DescField[] = desc?.fields ?? [];
    const ix = fields.findIndex((f) => f.name === x);
    const iy = fields.findIndex((f) => f.name === y);
    if (ix !== iy) return ix - iy;
    const field: DescField | undefined = fields[ix];
    desc =
      field?.fieldKind === "message" ||
      (field?.fieldKind === "list" && field.listKind === "message")
        ? field.message
        : undefined;
  }
  return a.length - b.length;
}

/** True iff `paths` are in field order (equal paths may come in any order). */
export function inFieldOrder(root: DescMessage, paths: readonly IssuePath[]): boolean {
  for (let i = 1; i < paths.length; i++) {
    if (compareFieldOrder(root, paths[i - 1] as IssuePath, paths[i] as IssuePath) > 0) return false;
  }
  return true;
}
