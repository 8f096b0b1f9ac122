// v1Offer(): valid Mesos 1.11 offers.
import { clone, create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import * as seed from "../../schema/index.js";
import { type Offer, OfferSchema, Resource_AllocationInfoSchema } from "../../v1/index.js";
import { offer } from "../offer.js";
import { identifier } from "../text.js";
import { v1FromSeed } from "./from-seed.js";

/**
 * Valid v1 offers: the seed's valid offers (IDs, hostname, resources, attributes, executor IDs),
 * converted, and sometimes the multi-role `allocation_info` a 1.11 master adds.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { v1Offer } from "mesos-dockerinfo/testing";
 *
 * fc.sample(v1Offer(), 1); // [{ $typeName: "mesos.v1.Offer", agentId: { value: "…" }, … }]
 * ```
 */
export function v1Offer(): fc.Arbitrary<Offer> {
  return fc
    .tuple(v1FromSeed(seed.OfferSchema, offer()), fc.option(identifier(8)))
    .map(([o, role]) => {
      if (role === null) return o;
      // A copy: generated values are never mutated (fast-check may hand them out again).
      const copy = clone(OfferSchema, o);
      copy.allocationInfo = create(Resource_AllocationInfoSchema, { role });
      return copy;
    });
}
