// v1FromSeed(): a seed arbitrary seen through toMesosV1. The seed arbitraries already know the
// seed's rules (IDs, resources, commands); converting them gives v1 messages with the same
// guarantees, so the v1 kit reuses them instead of restating them.
import type { MessageShape } from "@bufbuild/protobuf";
import type * as fc from "fast-check";
import { type ConvertibleSeedSchema, toMesosV1, type V1Of } from "../../convert/index.js";
import { formatIssues } from "../../problems/index.js";

/**
 * The v1 counterpart of every message `arbitrary` generates (`toMesosV1(schema, message).data`).
 * Throws (a bug in this kit, never a property failure) if a generated seed message does not convert.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { TaskInfoSchema } from "mesos-dockerinfo";
 * import { taskInfo, v1FromSeed } from "mesos-dockerinfo/testing";
 *
 * fc.sample(v1FromSeed(TaskInfoSchema, taskInfo()), 1); // [{ $typeName: "mesos.v1.TaskInfo", agentId: … }]
 * ```
 */
export function v1FromSeed<Desc extends ConvertibleSeedSchema>(
  schema: Desc,
  arbitrary: fc.Arbitrary<MessageShape<Desc>>,
): fc.Arbitrary<V1Of<MessageShape<Desc>>> {
  return arbitrary.map((message) => {
    const r = toMesosV1(schema, message);
    if (!r.success) {
      throw new Error(`v1FromSeed: ${schema.typeName} did not convert:\n${formatIssues(r.issues)}`);
    }
    return r.data;
  });
}
