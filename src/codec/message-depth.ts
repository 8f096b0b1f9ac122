// How deep a message built in code nests, measured without recursion (an explicit stack), so it
// can be asked of a message too deep for any recursive walk: encode uses it to turn a stack
// exhaustion inside a writer into a typed `max_depth_exceeded` instead of a RangeError/TypeError.
import type { DescMessage } from "@bufbuild/protobuf";
import { EncodeError, errorIssue, MesosDockerInfoError } from "../problems/index.js";
import { forEachMessage } from "./missing-required.js";

/** The nesting depth of `message` (root = 1), counting at most up to `cap` + 1. */
function messageDepth(desc: DescMessage, message: unknown, cap: number): number {
  let deepest = 0;
  const stack: [DescMessage, unknown, number][] = [[desc, message, 1]];
  while (stack.length > 0) {
    const [d, m, depth] = stack.pop() as [DescMessage, unknown, number];
    if (typeof m !== "object" || m === null) continue;
    if (depth > deepest) deepest = depth;
    if (deepest > cap) return deepest;
    const push = (child: DescMessage, value: object) => stack.push([child, value, depth + 1]);
    for (const field of d.fields) forEachMessage(m, field, push);
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
