// The machinery of the near-miss arbitraries: a defect takes a VALID generated task, copies it,
// breaks exactly one thing and returns the issue validation must report for it.
//
// Defects are built from fc.tuple + map over the valid arbitraries, so a failing near miss shrinks
// like a valid task does (down to the smallest task that still shows the defect).
import { clone, type Message } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import * as fc from "fast-check";
import {
  type CommandInfo,
  type ContainerInfo,
  type ContainerInfo_DockerInfo,
  type Resource,
  type TaskInfo,
  TaskInfoSchema,
} from "../schema/index.js";
import type { IssueCode, IssuePath } from "../validation/index.js";

/** The issue a near miss must raise: its code, at its path (proto field names and indexes). */
export interface ExpectedIssue {
  readonly code: IssueCode;
  readonly path: IssuePath;
}

/** A task with exactly one defect, and the one error validation must report for it. */
export interface NearMiss<Task = TaskInfo> {
  readonly task: Task;
  readonly expected: ExpectedIssue;
}

/** One way to break a task: the code it raises and the arbitrary of its near misses. */
export interface Defect {
  readonly code: IssueCode;
  readonly arbitrary: fc.Arbitrary<NearMiss>;
}

/**
 * A defect: draw a valid task from `base` and parameters from `params`, then `apply` breaks a
 * COPY of the task (generated values are shared with shrinking and must never be mutated) and
 * returns the path of the issue.
 */
export function defect<P>(
  code: IssueCode,
  base: fc.Arbitrary<TaskInfo>,
  params: fc.Arbitrary<P>,
  apply: (task: TaskInfo, params: P) => IssuePath,
): Defect {
  return {
    code,
    arbitrary: fc.tuple(base, params).map(([valid, p]) => {
      const task = clone(TaskInfoSchema, valid);
      const path = apply(task, p);
      return { task, expected: { code, path } };
    }),
  };
}

/** A message inside the task together with its path from the task. */
export interface Located<T> {
  readonly value: T;
  readonly path: IssuePath;
}

/**
 * A defect of one part of the task (a volume, a resource): `locate` finds the part chosen by
 * `target` in the task copy, `apply` breaks it and returns the issue's path inside the part.
 */
export function partDefect<T, M, P>(
  code: IssueCode,
  base: fc.Arbitrary<TaskInfo>,
  target: fc.Arbitrary<T>,
  locate: (task: TaskInfo, target: T) => Located<M>,
  params: fc.Arbitrary<P>,
  apply: (part: M, params: P) => IssuePath,
): Defect {
  return defect(code, base, fc.tuple(target, params), (task, [t, p]) => {
    const part = locate(task, t);
    return [...part.path, ...apply(part.value, p)];
  });
}

/** The DockerInfo that a Docker task or Docker executor launches. */
export function dockerOf(task: TaskInfo): Located<ContainerInfo_DockerInfo> {
  const fromTask = task.container?.docker;
  if (fromTask !== undefined) return { value: fromTask, path: ["container", "docker"] };
  const fromExecutor = task.executor?.container?.docker;
  if (fromExecutor !== undefined) {
    return { value: fromExecutor, path: ["executor", "container", "docker"] };
  }
  throw new Error("near miss: the base task has no DockerInfo");
}

/** The ContainerInfo holding the DockerInfo that {@link dockerOf} finds. */
export function containerOf(task: TaskInfo): Located<ContainerInfo> {
  const path = dockerOf(task).path.slice(0, -1);
  const value = path[0] === "executor" ? task.executor?.container : task.container;
  if (value === undefined) throw new Error("near miss: the base task has no ContainerInfo");
  return { value, path };
}

/** The CommandInfo that runs: the task's, or its executor's. */
export function commandOf(task: TaskInfo): Located<CommandInfo> {
  if (task.command !== undefined) return { value: task.command, path: ["command"] };
  const executorCommand = task.executor?.command;
  if (executorCommand !== undefined)
    return { value: executorCommand, path: ["executor", "command"] };
  throw new Error("near miss: the base task has no command");
}

/**
 * A resource list of the task: the task's own (never empty), or, when `useExecutor` and the
 * executor has some, the executor's.
 */
export function resourcesOf(task: TaskInfo, useExecutor: boolean): Located<Resource[]> {
  const executorResources = task.executor?.resources;
  if (useExecutor && executorResources !== undefined && executorResources.length > 0) {
    return { value: executorResources, path: ["executor", "resources"] };
  }
  return { value: task.resources, path: ["resources"] };
}

/** Insert `text` at a code point boundary of `s` chosen by `n` (never inside a surrogate pair). */
export function insertAt(s: string, n: number, text: string): string {
  const codePoints = Array.from(s);
  codePoints.splice(n % (codePoints.length + 1), 0, text);
  return codePoints.join("");
}

/** A command that names what to run, so that removing an image cannot add `executable_missing`. */
export function ensureValue(command: CommandInfo): void {
  if (command.value === "") command.value = "true";
}

/** Either form of an unknown closed-enum value: assigned directly, or decoded into $unknown. */
export const unknownEnumForm = fc.boolean();

/** Put an undefined enum number into a message's field (`no` is its field number). */
export function setUnknownEnum(
  msg: Message,
  key: string,
  no: number,
  value: number,
  decoded: boolean,
): void {
  const record = msg as unknown as Record<string, unknown>;
  if (!decoded) {
    record[key] = value;
    return;
  }
  // As protobuf-es decodes a closed enum it does not know: the field stays unset and the varint
  // goes to $unknown under the field's number.
  delete record[key];
  const data = new BinaryWriter().int32(value).finish();
  msg.$unknown = [...(msg.$unknown ?? []), { no, wireType: WireType.Varint, data }];
}
