// mesosId(): values valid for TaskID, SlaveID, ExecutorID, FrameworkID and OfferID.
import type * as fc from "fast-check";
import { safeText } from "./text.js";

/**
 * Valid Mesos ID values (Mesos's common ID rules): 1–32 code points, no control character, `/`
 * or `\`, never `.` or `..`; spaces, dots and non-ASCII characters are allowed and appear.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { mesosId } from "mesos-dockerinfo/testing";
 *
 * fc.sample(mesosId(), 3); // e.g. ["a", "task-7 b", "x.é"]
 * ```
 */
export function mesosId(): fc.Arbitrary<string> {
  // "." and ".." are reserved: lengthen them instead of filtering them out (keeps shrinking).
  return safeText(/[/\\]/u, 1, 32).map((id) => (id === "." || id === ".." ? `${id}_` : id));
}

/** `{ value }` initializers for the ID messages. */
export function idInit(): fc.Arbitrary<{ value: string }> {
  return mesosId().map((value) => ({ value }));
}
