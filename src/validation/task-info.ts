// TaskInfo: Mesos's master task rules (mesos.md §2.1) plus the container and legacy rules that
// decide how the task launches.
import type { Label, Labels, TaskInfo } from "../../gen/mesos/mesos_pb.js";
import type { Collector } from "./collector.js";
import { commandContext, walkCommandInfo } from "./command-info.js";
import { walkContainerInfo } from "./container-info.js";
import { walkExecutorInfo } from "./executor-info.js";
import { walkIdField } from "./ids.js";
import { present, reportMissing } from "./presence.js";
import { walkResources } from "./resource.js";

/** TaskInfo: every task rule, in field order; rules about the whole task come first. */
export function walkTaskInfo(msg: TaskInfo, c: Collector): void {
  const executor = msg.executor;
  const command = msg.command;
  if (executor !== undefined && command !== undefined) {
    c.report(
      "command_and_executor_both_set",
      'the task sets both command and executor; Mesos requires exactly one ("Task should have at least one (but not both) of CommandInfo or ExecutorInfo present"): keep command for a command or Docker task, or executor for a task run by an executor',
    );
  } else if (executor === undefined && command === undefined) {
    c.report(
      "command_and_executor_both_missing",
      'the task sets neither command nor executor; Mesos requires exactly one ("Task should have at least one (but not both) of CommandInfo or ExecutorInfo present"): set command (e.g. { value: "echo hello" }) or executor',
    );
  }

  if (!present(msg, "name", msg.name, "")) reportMissing(c, msg.$typeName, "name");

  walkIdField(c, msg.$typeName, msg.taskId, "task_id", true);
  walkIdField(c, msg.$typeName, msg.slaveId, "slave_id", true);

  if (msg.resources.length === 0) {
    c.report(
      "resources_empty",
      'resources is empty; Mesos rejects a task that uses no resources ("Task uses no resources"): add at least cpus and mem from the offer',
      "resources",
    );
  } else {
    walkResources(c, msg.resources);
  }

  if (executor !== undefined) {
    c.path.push("executor");
    walkExecutorInfo(executor, c);
    c.path.pop();
  }

  const container = msg.container;
  if (command !== undefined) {
    c.path.push("command");
    walkCommandInfo(command, c, commandContext(container));
    c.path.pop();
  }

  if (container !== undefined) {
    if (executor !== undefined) {
      c.report(
        "container_ignored_with_executor",
        "container is set together with executor; Mesos launches the executor with executor.container and only hands this container to the executor inside the TaskInfo: move it to executor.container to launch in it, or remove it",
        "container",
      );
    }
    c.path.push("container");
    walkContainerInfo(container, c);
    c.path.pop();
  }

  const labels = msg.labels;
  if (labels !== undefined) {
    c.path.push("labels");
    walkLabels(labels, c);
    c.path.pop();
  }
}

/** Labels: each label. */
export function walkLabels(msg: Labels, c: Collector): void {
  c.each("labels", msg.labels, walkLabel);
}

/** Label: `key` required. */
export function walkLabel(msg: Label, c: Collector): void {
  if (!present(msg, "key", msg.key, "")) reportMissing(c, msg.$typeName, "key");
}
