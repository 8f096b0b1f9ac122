// Type-level pairing of seed and v1 messages by `$typeName`: mesos.X ↔ mesos.v1.X, with the one
// renamed type (SlaveID ↔ AgentID, and the seed's DockerInfo.Volume ↔ the top-level v1 Volume). A seed type without a v1 counterpart (the legacy
// CommandInfo.ContainerInfo) maps to never, and so does a v1 type without a seed counterpart.
import type { DescMessage, Message } from "@bufbuild/protobuf";
import type { GenMessage } from "@bufbuild/protobuf/codegenv2";
import type * as seed from "../schema/index.js";
import type * as v1 from "../v1/index.js";

type MessagesOf<Module> = {
  [K in keyof Module]: Module[K] extends GenMessage<infer M> ? M : never;
}[keyof Module];

/** Every generated message type of the seed schema (package mesos). */
export type SeedMessage = MessagesOf<typeof seed>;
/** Every generated message type of the Mesos 1.11 schema (packages mesos.v1, mesos.v1.scheduler). */
export type V1Message = MessagesOf<typeof v1>;

type V1Name<N extends string> = N extends "mesos.SlaveID"
  ? "mesos.v1.AgentID"
  : N extends "mesos.ContainerInfo.DockerInfo.Volume"
    ? "mesos.v1.Volume"
    : N extends `mesos.${infer Rest}`
      ? `mesos.v1.${Rest}`
      : never;

type SeedName<N extends string> = N extends "mesos.v1.AgentID"
  ? "mesos.SlaveID"
  : N extends "mesos.v1.Volume"
    ? "mesos.ContainerInfo.DockerInfo.Volume"
    : N extends `mesos.v1.${infer Rest}`
      ? `mesos.${Rest}`
      : never;

/** The v1 message type for a seed message type (never when there is none). */
export type V1Of<M extends Message> = Extract<V1Message, { $typeName: V1Name<M["$typeName"]> }>;
/** The seed message type for a v1 message type (never when there is none). */
export type SeedOf<M extends Message> = Extract<
  SeedMessage,
  { $typeName: SeedName<M["$typeName"]> }
>;

/** A seed schema whose messages have a v1 counterpart. */
export type ConvertibleSeedSchema = DescMessage & GenMessage<SeedMessage>;
/** A v1 schema (its seed counterpart may be missing: fromMesosV1 then fails with an issue). */
export type ConvertibleV1Schema = DescMessage & GenMessage<V1Message>;
