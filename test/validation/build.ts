// Builders for validation tests: canonical messages with one change applied, and small matchers.
import { create, type DescMessage, type Message, type MessageShape } from "@bufbuild/protobuf";
import {
  type Attribute,
  type CommandInfo,
  type ContainerInfo_DockerInfo,
  ContainerInfo_DockerInfo_VolumeSchema,
  type ExecutorInfo,
  ContainerInfo_DockerInfo_Volume_Mode as Mode,
  type Offer,
  type TaskInfo,
  type Value_Scalar,
} from "../../gen/mesos/mesos_pb.js";
import type { Issue } from "../../src/validation/index.js";
import { type ValidateOptions, validate } from "../../src/validation/index.js";
import {
  commandTask,
  dockerExecutor,
  dockerExecutorTask,
  dockerTask,
  legacyDockerTask,
  offer,
} from "../fixtures/canonical.js";

type Mutate<T> = (m: T) => void;

function mutated<T>(make: () => T, mutate: Mutate<T>): T {
  const m = make();
  mutate(m);
  return m;
}

const unchanged = () => {};

/** The seed's Docker task with `mutate` applied. */
export const docker = (mutate: Mutate<TaskInfo> = unchanged) => mutated(dockerTask, mutate);
/** The command task with `mutate` applied. */
export const command = (mutate: Mutate<TaskInfo> = unchanged) => mutated(commandTask, mutate);
/** The Docker-executor task with `mutate` applied. */
export const executorTask = (mutate: Mutate<TaskInfo> = unchanged) =>
  mutated(dockerExecutorTask, mutate);
/** The legacy docker:/// task with `mutate` applied. */
export const legacy = (mutate: Mutate<TaskInfo> = unchanged) => mutated(legacyDockerTask, mutate);
/** The Docker executor (an ExecutorInfo) with `mutate` applied. */
export const executor = (mutate: Mutate<ExecutorInfo> = unchanged) =>
  mutated(dockerExecutor, mutate);
/** An offer with 4 resources (cpus, mem, ports, zones) with `mutate` applied. */
export const anOffer = (mutate: Mutate<Offer> = unchanged) => mutated(() => offer(4), mutate);

/** The DockerInfo of a task built by `docker()` (throws if absent: a test bug). */
export function dockerInfo(t: TaskInfo): ContainerInfo_DockerInfo {
  const d = t.container?.docker;
  if (d === undefined) throw new Error("test bug: no DockerInfo");
  return d;
}

/** The CommandInfo of a task or executor (throws if absent: a test bug). */
export function cmd(m: { command?: CommandInfo | undefined }): CommandInfo {
  if (m.command === undefined) throw new Error("test bug: no command");
  return m.command;
}

/** The ExecutorInfo of a task (throws if absent: a test bug). */
export function exe(t: TaskInfo): ExecutorInfo {
  if (t.executor === undefined) throw new Error("test bug: no executor");
  return t.executor;
}

/** Attribute `i` of an offer (throws if absent: a test bug). */
export function attr(o: Offer, i: number): Attribute {
  const a = o.attributes[i];
  if (a === undefined) throw new Error("test bug: no attribute");
  return a;
}

/** The scalar of attribute `i` of an offer (throws if absent: a test bug). */
export function attrScalar(o: Offer, i: number): Value_Scalar {
  const s = attr(o, i).scalar;
  if (s === undefined) throw new Error("test bug: no scalar");
  return s;
}

/** A Volume message. */
export function volume(containerDir: string, hostDir?: string, mode: Mode = Mode.RW) {
  return create(ContainerInfo_DockerInfo_VolumeSchema, { containerDir, hostDir, mode });
}

/** validate, typed loosely for tables of mixed schemas. */
export function check(schema: DescMessage, message: Message, options?: ValidateOptions) {
  return validate(schema, message as MessageShape<DescMessage>, options);
}

/** The issues with `code`. */
export function withCode(issues: readonly Issue[], code: string): Issue[] {
  return issues.filter((i) => i.code === code);
}

/** `code@path` strings, compact for equality assertions. */
export function keys(issues: readonly Issue[]): string[] {
  return issues.map((i) => `${i.code}@${i.path.join(".")}`);
}
