// Runs one conversion walk and shapes its outcome as the problems Result. A message object that
// is not what its schema says (a string where a list belongs, a getter that throws) makes the
// walk throw a TypeError: that is bad input, reported as invalid_input, never a crash.
import type { DescMessage, Message } from "@bufbuild/protobuf";
import { fail, type Result, succeed } from "../problems/index.js";
import { type Direction, Walk } from "./walk.js";

export function runWalk<T>(
  verb: string,
  direction: Direction,
  srcDesc: DescMessage,
  message: Message,
  dstDesc: DescMessage,
): Result<T> {
  const walk = new Walk(direction);
  let data: Message;
  try {
    data = walk.message(srcDesc, message, dstDesc, []);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    walk.add(
      "invalid_input",
      [],
      `${verb}: the ${srcDesc.typeName} holds a value that is not of its field's type (${error.message})`,
    );
    return fail(walk.issues);
  }
  if (walk.issues.some((issue) => issue.severity === "error")) return fail(walk.issues);
  return succeed(data as T, walk.issues);
}
