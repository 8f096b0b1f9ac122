// How deep a message built in code nests, measured without recursion (an explicit stack), so it
// can be asked of a message too deep for any recursive walk: encode uses it to turn a stack
// exhaustion inside a writer into a typed `max_depth_exceeded` instead of a RangeError/TypeError.
import type { DescMessage } from "@bufbuild/protobuf";
import { EncodeError, errorIssue, MesosDockerInfoError } from "../problems/index.js";

/** The nesting depth of `message` (root = 1), counting at most up to `cap` + 1. */
export function messageDepth(desc: DescMessage, message: unknown, cap: number): number {
  let deepest = 0;
  const stack: [DescMessage, unknown, number][] = [[desc, message, 1]];
  while (stack.length > 0) {
    const [d, m, depth] = stack.pop() as [DescMessage, unknown, number];
    if (typeof m !== "object" || m === null) continue;
    if (depth > deepest) deepest = depth;
    if (deepest > cap) return deepest;
    const record = m as Record<string, unknown>;
    for (const field of d.fields) {
      const value =
        field.oneof === undefined
          ? record[field.localName]
          : (record[field.oneof.localName] as { case?: string; value?: unknown } | undefined)
                ?.case === field.localName
            ? (record[field.oneof.localName] as { value?: unknown }).value
            : undefined;
      if (value === undefined || value === null) continue;
      if (field.fieldKind === "message") stack.push([field.message, value, depth + 1]);
      else if (field.fieldKind === "list" && field.listKind === "message" && Array.isArray(value))
        for (const item of value) stack.push([field.message, item, depth + 1]);
      else if (field.fieldKind === "map" && field.mapKind === "message")
        for (const item of Object.values(value as object))
          stack.push([field.message, item, depth + 1]);
    }
  }
  return deepest;
}

/** Nesting past which a failure inside a recursive writer is taken for an exhausted stack. */
const STACK_SAFE_WRITE_DEPTH = 1000;

/**
 * For a writer (encode, toMesosJson) that failed with something other than our own error: a
 * message built in code nested past what the stack holds (a Mesos 1.11 ContainerID parent chain
 * thousands deep) surfaces as a RangeError, or as a TypeError V8 sometimes raises instead.
 * Measured without recursion, that is the typed `max_depth_exceeded`; anything else is rethrown.
 */
export function stackExhausted(
  error: unknown,
  desc: DescMessage,
  message: unknown,
  what: string,
): never {
  if (error instanceof MesosDockerInfoError) throw error;
  const depth = messageDepth(desc, message, STACK_SAFE_WRITE_DEPTH);
  if (!(error instanceof RangeError) && depth <= STACK_SAFE_WRITE_DEPTH) throw error;
  const levels = depth > STACK_SAFE_WRITE_DEPTH ? `more than ${STACK_SAFE_WRITE_DEPTH}` : depth;
  throw new EncodeError(what, [
    errorIssue(
      "max_depth_exceeded",
      [],
      `the message nests ${levels} levels deep, past what the writer's stack can follow (decode refuses nesting past maxDepth, default 100)`,
    ),
  ]);
}
