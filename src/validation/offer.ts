// Offer: the IDs, the hostname, and every resource and attribute.
import type { Offer } from "../../gen/mesos/mesos_pb.js";
import type { Collector } from "./collector.js";
import { walkId, walkIdField } from "./ids.js";
import { present, reportMissing } from "./presence.js";
import { walkAttribute, walkResources } from "./resource.js";

/** Offer: required fields, resources, attributes, executor IDs. */
export function walkOffer(msg: Offer, c: Collector): void {
  walkIdField(c, msg.$typeName, msg.id, "id", true);
  walkIdField(c, msg.$typeName, msg.frameworkId, "framework_id", true);
  walkIdField(c, msg.$typeName, msg.slaveId, "slave_id", true);
  if (!present(msg, "hostname", msg.hostname, "")) reportMissing(c, msg.$typeName, "hostname");
  walkResources(c, msg.resources);
  c.each("attributes", msg.attributes, walkAttribute);
  c.each("executor_ids", msg.executorIds, walkId);
}
