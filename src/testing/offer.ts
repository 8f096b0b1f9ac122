// offer(): valid Offer messages.
import { create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { type Offer, OfferSchema } from "../schema/index.js";
import { idInit } from "./mesos-id.js";
import { attribute, resource } from "./resource.js";
import { charsOf } from "./text.js";

const label = charsOf("abcdefghijklmnopqrstuvwxyz0123456789", 1, 8);
const hostname = fc.array(label, { minLength: 1, maxLength: 3 }).map((l) => l.join("."));

/**
 * Valid offers: offer, framework and agent IDs, a hostname, 0–6 {@link resource}s, 0–3
 * {@link attribute}s and 0–2 executor IDs.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { decode, encode, equals, OfferSchema } from "mesos-dockerinfo";
 * import { offer } from "mesos-dockerinfo/testing";
 *
 * fc.assert(fc.property(offer(), (o) => equals(OfferSchema, o, decode(OfferSchema, encode(OfferSchema, o)))));
 * ```
 */
export function offer(): fc.Arbitrary<Offer> {
  return fc
    .record({
      id: idInit(),
      frameworkId: idInit(),
      slaveId: idInit(),
      hostname,
      resources: fc.array(resource(), { maxLength: 6 }),
      attributes: fc.array(attribute(), { maxLength: 3 }),
      executorIds: fc.array(idInit(), { maxLength: 2 }),
    })
    .map((init) => create(OfferSchema, init));
}
