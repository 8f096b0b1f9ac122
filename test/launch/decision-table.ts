// The launch decision table (README): one row per combination of executor set / command set /
// executor.container / task.container / legacy container, with its verdict. The tests run every
// row; the README table is written from the same rows.
import { clearField, create } from "@bufbuild/protobuf";
import {
  type CommandInfo,
  CommandInfo_ContainerInfoSchema,
  CommandInfoSchema,
  type ContainerInfo,
  ContainerInfo_Type,
  ContainerInfoSchema,
  type TaskInfo,
} from "../../gen/mesos/mesos_pb.js";
import type { LaunchKind } from "../../src/launch/index.js";
import type { IssueCode } from "../../src/validation/index.js";
import { commandTask, dockerExecutorTask, dockerTask } from "../fixtures/canonical.js";

export type Verdict =
  | { readonly kind: LaunchKind; readonly legacy: boolean; readonly image?: string }
  | { readonly invalid: IssueCode };

export interface DecisionRow {
  /** executor set? */
  readonly executor: string;
  /** command set? */
  readonly command: string;
  /** executor.container */
  readonly executorContainer: string;
  /** task.container */
  readonly taskContainer: string;
  /** the legacy CommandInfo.container, and whose command holds it */
  readonly legacy: string;
  readonly verdict: Verdict;
  /** Warnings the row must produce (exactly these codes, in any order). */
  readonly warnings: readonly IssueCode[];
  readonly build: () => TaskInfo;
}

type Columns = [
  executor: string,
  command: string,
  executorContainer: string,
  taskContainer: string,
  legacy: string,
];

function row(
  [executor, command, executorContainer, taskContainer, legacy]: Columns,
  verdict: Verdict,
  build: () => TaskInfo,
  warnings: readonly IssueCode[] = [],
): DecisionRow {
  return { executor, command, executorContainer, taskContainer, legacy, verdict, warnings, build };
}

const DOCKER = "DOCKER + docker";
const NO_INFO = "DOCKER without docker";
const BUSYBOX_1_36 = "docker.io/library/busybox:1.36";
const BUSYBOX = "docker.io/library/busybox";
const EXECUTOR_IMAGE = `registry.example.com:5000/team/executor@sha256:${"ab".repeat(32)}`;

const dockerContainer = (): ContainerInfo =>
  create(ContainerInfoSchema, {
    type: ContainerInfo_Type.DOCKER,
    docker: { image: "alpine:3.20" },
  });
const dockerWithoutInfo = (): ContainerInfo =>
  create(ContainerInfoSchema, { type: ContainerInfo_Type.DOCKER });

/** `build()` with `edit` applied to its task. */
function edited(build: () => TaskInfo, edit: (task: TaskInfo) => void): () => TaskInfo {
  return () => {
    const task = build();
    edit(task);
    return task;
  };
}

/** `build()` with `edit` applied to the task's command (or, `onExecutor`, the executor's). */
function commandEdited(
  build: () => TaskInfo,
  edit: (command: CommandInfo) => void,
  onExecutor = false,
) {
  return edited(build, (task) => {
    const command = onExecutor ? task.executor?.command : task.command;
    if (command === undefined) throw new Error("fixture without the command to edit");
    edit(command);
  });
}

/** `build()` with the legacy CommandInfo.container = { image } on the task's (or executor's) command. */
function withLegacy(build: () => TaskInfo, image: string, onExecutor = false) {
  return commandEdited(
    build,
    (command) => (command.container = create(CommandInfo_ContainerInfoSchema, { image })),
    onExecutor,
  );
}

const shellWithoutValue = (command: CommandInfo) => {
  command.shell = false;
  clearField(command, CommandInfoSchema.field.value);
};

/** A task handed to an executor that is not Docker: the Mesos containerizer runs its command. */
export const customExecutorTask = edited(dockerExecutorTask, (task) => {
  if (!task.executor) throw new Error("fixture");
  task.executor.container = undefined;
  task.executor.command = create(CommandInfoSchema, { value: "./my-executor --verbose" });
});

/** The 2014 executor form: executor.command.container.image = "docker:///busybox". */
export const legacyDockerExecutorTask = edited(dockerExecutorTask, (task) => {
  if (!task.executor) throw new Error("fixture");
  task.executor.container = undefined;
  task.executor.command = create(CommandInfoSchema, {
    value: "/usr/local/bin/executor",
    container: { image: "docker:///busybox" },
  });
});

// biome-ignore format: one row per line reads as the table it is
export const DECISION_TABLE: readonly DecisionRow[] = [
  // [executor, command, executor.container, task.container, legacy container]
  row(["no", "yes", "–", "absent", "absent"], { kind: "command", legacy: false }, commandTask),
  row(["no", "yes", "–", DOCKER, "absent"], { kind: "docker-task", legacy: false, image: BUSYBOX_1_36 }, dockerTask),
  row(["no", "yes", "–", NO_INFO, "absent"], { invalid: "docker_info_missing" },
    edited(commandTask, (t) => (t.container = dockerWithoutInfo()))),
  row(["no", "yes", "–", "absent", "task.command: docker:///busybox"], { kind: "docker-task", legacy: true, image: BUSYBOX },
    withLegacy(commandTask, "docker:///busybox"), ["legacy_container_deprecated"]),
  row(["no", "yes", "–", "absent", "task.command: other scheme (appc:///busybox)"], { kind: "command", legacy: false },
    withLegacy(commandTask, "appc:///busybox"), ["legacy_container_not_docker"]),
  row(["no", "yes", "–", "absent", "task.command: docker:///Busybox (bad image)"], { invalid: "image_invalid" },
    withLegacy(commandTask, "docker:///Busybox")),
  row(["no", "yes", "–", DOCKER, "task.command: docker:///busybox"], { invalid: "legacy_and_container_both_set" },
    withLegacy(dockerTask, "docker:///busybox")),
  row(["no", "yes", "–", DOCKER, "task.command: other scheme"], { invalid: "legacy_and_container_both_set" },
    withLegacy(dockerTask, "appc:///busybox")),
  row(["no", "yes (shell: false, no value)", "–", "absent", "absent"], { invalid: "executable_missing" },
    commandEdited(commandTask, shellWithoutValue)),
  row(["no", "yes (shell: false, no value)", "–", DOCKER, "absent"], { kind: "docker-task", legacy: false, image: BUSYBOX_1_36 },
    commandEdited(dockerTask, shellWithoutValue)),
  row(["yes", "no", DOCKER, "absent", "absent"], { kind: "docker-executor", legacy: false, image: EXECUTOR_IMAGE },
    dockerExecutorTask),
  row(["yes", "no", DOCKER, `${DOCKER} (ignored)`, "absent"], { kind: "docker-executor", legacy: false, image: EXECUTOR_IMAGE },
    edited(dockerExecutorTask, (t) => (t.container = dockerContainer())), ["container_ignored_with_executor"]),
  row(["yes", "no", NO_INFO, "absent", "absent"], { invalid: "docker_info_missing" },
    edited(dockerExecutorTask, (t) => { if (t.executor) t.executor.container = dockerWithoutInfo(); })),
  row(["yes", "no", "absent", "absent", "absent"], { kind: "custom-executor", legacy: false }, customExecutorTask),
  row(["yes", "no", "absent", `${DOCKER} (ignored)`, "absent"], { kind: "custom-executor", legacy: false },
    edited(customExecutorTask, (t) => (t.container = dockerContainer())), ["container_ignored_with_executor"]),
  row(["yes", "no", "absent", `${NO_INFO} (ignored, still checked)`, "absent"], { invalid: "docker_info_missing" },
    edited(customExecutorTask, (t) => (t.container = dockerWithoutInfo()))),
  row(["yes", "no", "absent", "absent", "executor.command: docker:///busybox"], { kind: "docker-executor", legacy: true, image: BUSYBOX },
    legacyDockerExecutorTask, ["legacy_container_deprecated"]),
  row(["yes", "no", "absent", "absent", "executor.command: other scheme"], { kind: "custom-executor", legacy: false },
    withLegacy(legacyDockerExecutorTask, "appc:///busybox", true), ["legacy_container_not_docker"]),
  row(["yes", "no", DOCKER, "absent", "executor.command: docker:///busybox"], { invalid: "legacy_and_container_both_set" },
    edited(legacyDockerExecutorTask, (t) => { if (t.executor) t.executor.container = dockerContainer(); })),
  row(["yes (without command)", "no", DOCKER, "absent", "absent"], { invalid: "executor_command_missing" },
    edited(dockerExecutorTask, (t) => { if (t.executor) t.executor.command = undefined; })),
  row(["yes", "yes", "any", "any", "any"], { invalid: "command_and_executor_both_set" },
    edited(dockerExecutorTask, (t) => (t.command = commandTask().command))),
  row(["no", "no", "–", "any", "–"], { invalid: "command_and_executor_both_missing" },
    edited(dockerTask, (t) => (t.command = undefined))),
];
