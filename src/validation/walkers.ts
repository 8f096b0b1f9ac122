// Dispatch from a message type to its walker. Every message of this package's mesos.proto has a
// hand-written walker (no reflection on the hot path); the Map is built once at load and keyed by
// the schema object itself, so a schema from elsewhere, even one that reuses one of our type names
// (say, a user's own build of Mesos's mesos.proto, whose TaskInfo differs), never reaches a walker
// written for another shape: it takes the generic reflection walk, which still hands any of our
// messages inside back to their walkers.
import type { DescMessage, Message, MessageShape } from "@bufbuild/protobuf";
import {
  AttributeSchema,
  CommandInfo_ContainerInfoSchema,
  CommandInfo_URISchema,
  CommandInfoSchema,
  ContainerInfo_DockerInfo_VolumeSchema,
  ContainerInfo_DockerInfoSchema,
  ContainerInfoSchema,
  Environment_VariableSchema,
  EnvironmentSchema,
  ExecutorIDSchema,
  ExecutorInfoSchema,
  FrameworkIDSchema,
  LabelSchema,
  LabelsSchema,
  OfferIDSchema,
  OfferSchema,
  ResourceSchema,
  SlaveIDSchema,
  TaskIDSchema,
  TaskInfoSchema,
  Value_RangeSchema,
  Value_RangesSchema,
  Value_ScalarSchema,
  Value_SetSchema,
  Value_TextSchema,
  ValueSchema,
} from "../../gen/mesos/mesos_pb.js";
import type { Collector } from "./collector.js";
import { walkCommandInfo, walkUri } from "./command-info.js";
import { walkContainerInfo, walkDockerInfo } from "./container-info.js";
import { walkEnvironment, walkVariable } from "./environment.js";
import { walkExecutorInfo } from "./executor-info.js";
import { walkGeneric } from "./generic.js";
import { walkId } from "./ids.js";
import { walkLegacyContainer } from "./legacy-container.js";
import { walkOffer } from "./offer.js";
import {
  walkAttribute,
  walkRange,
  walkRanges,
  walkResource,
  walkScalar,
  walkSet,
  walkText,
  walkValue,
} from "./resource.js";
import { walkLabel, walkLabels, walkTaskInfo } from "./task-info.js";
import { walkVolume } from "./volume.js";

/** A walker: checks `msg` at the collector's current path; `flags` carry context (command-info.ts). */
type Walk = (msg: Message, c: Collector, flags: number) => void;

const WALKERS = new Map<DescMessage, Walk>();

function add<Desc extends DescMessage>(
  schema: Desc,
  walk: (msg: MessageShape<Desc>, c: Collector, flags: number) => void,
): void {
  WALKERS.set(schema, walk as unknown as Walk);
}

add(FrameworkIDSchema, walkId);
add(OfferIDSchema, walkId);
add(SlaveIDSchema, walkId);
add(TaskIDSchema, walkId);
add(ExecutorIDSchema, walkId);
add(CommandInfoSchema, walkCommandInfo);
add(CommandInfo_URISchema, walkUri);
add(CommandInfo_ContainerInfoSchema, (msg, c) => walkLegacyContainer(msg, c, false));
add(EnvironmentSchema, walkEnvironment);
add(Environment_VariableSchema, walkVariable);
add(ContainerInfoSchema, walkContainerInfo);
add(ContainerInfo_DockerInfoSchema, walkDockerInfo);
add(ContainerInfo_DockerInfo_VolumeSchema, walkVolume);
add(ValueSchema, walkValue);
add(Value_ScalarSchema, walkScalar);
add(Value_RangeSchema, walkRange);
add(Value_RangesSchema, walkRanges);
add(Value_SetSchema, walkSet);
add(Value_TextSchema, walkText);
add(AttributeSchema, walkAttribute);
add(ResourceSchema, walkResource);
add(LabelSchema, walkLabel);
add(LabelsSchema, walkLabels);
add(ExecutorInfoSchema, walkExecutorInfo);
add(TaskInfoSchema, walkTaskInfo);
add(OfferSchema, walkOffer);

/** True iff `schema` is one of ours with a hand-written walker (the rest use the fallback). */
export function hasWalker(schema: DescMessage): boolean {
  return WALKERS.has(schema);
}

/** Walk `msg` of type `schema` with its hand-written walker, or the generic fallback. */
export function walkMessage(schema: DescMessage, msg: Message, c: Collector, flags: number): void {
  const walk = WALKERS.get(schema);
  if (walk !== undefined) {
    walk(msg, c, flags);
  } else {
    walkGeneric(schema, msg, c, walkChild);
  }
}

function walkChild(schema: DescMessage, msg: Message, c: Collector): void {
  walkMessage(schema, msg, c, 0);
}
