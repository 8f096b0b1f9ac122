// The launch decision table for Mesos 1.11 (mesos.v1) tasks (README): one row per combination of
// executor / executor.type / command / executor.container / task.container, with its verdict.
// The tests run every row; the README table is written from the same rows.
import { create } from "@bufbuild/protobuf";
import type { LaunchKind } from "../../src/launch/index.js";
import type { IssueCode } from "../../src/problems/index.js";
import * as v1 from "../../src/v1/index.js";
import {
  commandTask,
  container,
  dockerTask,
  exe,
  executorTask,
  groupTask,
  mesosTask,
} from "../validation/v1-build.js";

export type V1Verdict =
  | { readonly kind: LaunchKind; readonly image?: string }
  | { readonly invalid: IssueCode };

export interface V1DecisionRow {
  readonly executor: string;
  readonly executorType: string;
  readonly command: string;
  readonly executorContainer: string;
  readonly taskContainer: string;
  readonly verdict: V1Verdict;
  readonly warnings: readonly IssueCode[];
  readonly build: () => v1.TaskInfo;
}

type Columns = [string, string, string, string, string];

function row(
  [executor, executorType, command, executorContainer, taskContainer]: Columns,
  verdict: V1Verdict,
  build: () => v1.TaskInfo,
  warnings: readonly IssueCode[] = [],
): V1DecisionRow {
  return {
    executor,
    executorType,
    command,
    executorContainer,
    taskContainer,
    verdict,
    warnings,
    build,
  };
}

const DOCKER = "DOCKER + docker";
const MESOS = "MESOS";
const MESOS_IMAGE = "MESOS + mesos.image";
const BUSYBOX = "docker.io/library/busybox:1.36";

const mesosContainer = () => create(v1.ContainerInfoSchema, { type: v1.ContainerInfo_Type.MESOS });
const mesosImageContainer = () => mesosTask().container as v1.ContainerInfo;
const dockerContainer = () => dockerTask().container as v1.ContainerInfo;

export const V1_DECISION_TABLE: readonly V1DecisionRow[] = [
  row(["no", "–", "yes", "–", "absent"], { kind: "command" }, () => commandTask()),
  row(["no", "–", "yes", "–", DOCKER], { kind: "docker-task", image: BUSYBOX }, () => dockerTask()),
  row(["no", "–", "yes", "–", "DOCKER without docker"], { invalid: "docker_info_missing" }, () =>
    dockerTask((t) => (container(t).docker = undefined)),
  ),
  row(
    ["no", "–", "yes", "–", `${DOCKER} and mesos`],
    { kind: "docker-task", image: BUSYBOX },
    () => dockerTask((t) => (container(t).mesos = create(v1.ContainerInfo_MesosInfoSchema, {}))),
    ["container_union_mismatch"],
  ),
  row(["no", "–", "yes", "–", MESOS], { kind: "mesos-task" }, () =>
    commandTask((t) => (t.container = mesosContainer())),
  ),
  row(["no", "–", "yes", "–", MESOS_IMAGE], { kind: "mesos-task" }, () => mesosTask()),
  row(
    ["no", "–", "yes (shell: false, no value)", "–", `${MESOS} without image`],
    { invalid: "executable_missing" },
    () =>
      commandTask((t) => {
        t.container = mesosContainer();
        t.command = create(v1.CommandInfoSchema, { shell: false });
      }),
  ),
  row(["yes", "CUSTOM", "no", DOCKER, "absent"], { kind: "docker-executor", image: BUSYBOX }, () =>
    executorTask((t) => (exe(t).container = dockerContainer())),
  ),
  row(["yes", "unset", "no", "absent", "absent"], { kind: "custom-executor" }, () =>
    executorTask((t) => delete (exe(t) as { type?: unknown }).type),
  ),
  row(["yes", "CUSTOM", "no", MESOS_IMAGE, "absent"], { kind: "custom-executor" }, () =>
    executorTask((t) => (exe(t).container = mesosImageContainer())),
  ),
  row(
    ["yes", "CUSTOM", "no", "absent", `${MESOS} (ignored)`],
    { kind: "custom-executor" },
    () => executorTask((t) => (t.container = mesosContainer())),
    ["container_ignored_with_executor"],
  ),
  row(["yes", "UNKNOWN", "no", "absent", "absent"], { invalid: "executor_type_not_custom" }, () =>
    executorTask((t) => (exe(t).type = v1.ExecutorInfo_Type.UNKNOWN)),
  ),
  row(
    ["yes (without command)", "CUSTOM", "no", "absent", "absent"],
    { invalid: "executor_command_missing" },
    () => executorTask((t) => (exe(t).command = undefined)),
  ),
  row(["yes", "DEFAULT", "yes", MESOS, "absent"], { kind: "default-executor" }, () => groupTask()),
  row(["yes", "DEFAULT", "yes", MESOS, MESOS_IMAGE], { kind: "default-executor" }, () =>
    groupTask((t) => (t.container = mesosImageContainer())),
  ),
  row(["yes", "DEFAULT", "yes", MESOS, DOCKER], { invalid: "docker_container_in_group" }, () =>
    groupTask((t) => (t.container = dockerContainer())),
  ),
  row(
    ["yes", "DEFAULT", "yes", DOCKER, "absent"],
    { invalid: "default_executor_container_invalid" },
    () => groupTask((t) => (exe(t).container = dockerContainer())),
  ),
  row(
    ["yes (with command)", "DEFAULT", "yes", MESOS, "absent"],
    { invalid: "default_executor_command_set" },
    () => groupTask((t) => (exe(t).command = create(v1.CommandInfoSchema, { value: "./e" }))),
  ),
  row(["yes", "CUSTOM", "yes", "any", "any"], { invalid: "command_and_executor_both_set" }, () =>
    executorTask((t) => (t.command = create(v1.CommandInfoSchema, { value: "x" }))),
  ),
  row(["no", "–", "no", "–", "any"], { invalid: "command_and_executor_both_missing" }, () =>
    commandTask((t) => (t.command = undefined)),
  ),
];
