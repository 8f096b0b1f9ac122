// Issues in field order. The walk reports a type's rules after its children, and a rule may
// report into a child's path (a duplicate at `volume[2].container_dir`), so the order found is
// not the order of the message. A stable sort by path restores it: at each level, fields in
// declaration order and list indexes ascending; an issue on a message comes before the issues
// inside it; map keys and issues at the same path keep the order found.
import type { DescMessage } from "@bufbuild/protobuf";
import type { Issue, IssuePath } from "../problems/index.js";
import { planOf } from "./plan.js";

/** Sort `issues` (found in a message of type `root`) into field order, in place. */
export function sortIssues(root: DescMessage, issues: Issue[]): void {
  if (issues.length < 2) return;
  issues.sort((a, b) => comparePaths(root, a.path, b.path));
}

function comparePaths(root: DescMessage, a: IssuePath, b: IssuePath): number {
  let desc: DescMessage | undefined = root;
  // After a list or map field the next key is an index or a map key, then `next` applies.
  let keyNext = false;
  let next: DescMessage | undefined;
  for (let i = 0; ; i++) {
    if (i === a.length) return i === b.length ? 0 : -1;
    if (i === b.length) return 1;
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x !== y) {
      if (typeof x === "number" && typeof y === "number") return x - y;
      if (keyNext || desc === undefined) return 0;
      const order = planOf(desc).order;
      const ix = order.get(x as string);
      const iy = order.get(y as string);
      return ix === undefined || iy === undefined ? 0 : ix - iy;
    }
    if (keyNext) {
      keyNext = false;
      desc = next;
      continue;
    }
    const field = desc?.fields.find((f) => f.name === x);
    desc = undefined;
    if (field === undefined) continue;
    if (field.fieldKind === "message") {
      desc = field.message;
    } else if (field.fieldKind === "list" || field.fieldKind === "map") {
      keyNext = true;
      next = field.message;
    }
  }
}
