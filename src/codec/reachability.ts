// Which message types can (transitively) contain a field of interest. Used to compile walkers
// that visit only the parts of a message where something can be found.
import type { DescField, DescMessage } from "@bufbuild/protobuf";

/**
 * The message types reachable from `root` (root included) that have a field matching `wanted`
 * or a message field leading to such a type. Recursive schemas are fine.
 */
export function typesReaching(
  root: DescMessage,
  wanted: (field: DescField) => boolean,
): Set<DescMessage> {
  const children = new Map<DescMessage, DescMessage[]>();
  const stack = [root];
  while (stack.length > 0) {
    const desc = stack.pop() as DescMessage;
    if (children.has(desc)) continue;
    const nested = desc.fields.flatMap((f) => (f.message === undefined ? [] : [f.message]));
    children.set(desc, nested);
    stack.push(...nested);
  }
  const reaching = new Set<DescMessage>();
  for (const desc of children.keys()) if (desc.fields.some(wanted)) reaching.add(desc);
  // Propagate to parents until nothing changes (each pass only adds, so cycles terminate).
  let changed = true;
  while (changed) {
    changed = false;
    for (const [desc, nested] of children) {
      if (!reaching.has(desc) && nested.some((c) => reaching.has(c))) {
        reaching.add(desc);
        changed = true;
      }
    }
  }
  return reaching;
}

/** A closed enum field (singular, list or map value): only declared numbers are valid. */
export function isClosedEnumField(field: DescField): boolean {
  return field.enum !== undefined && !field.enum.open;
}
