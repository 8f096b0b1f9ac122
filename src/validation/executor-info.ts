// ExecutorInfo: the executor of a task (a custom executor, or a Docker image that behaves as one).
import type { ExecutorInfo } from "../../gen/mesos/mesos_pb.js";
import type { Collector } from "./collector.js";
import { commandContext, walkCommandInfo } from "./command-info.js";
import { walkContainerInfo } from "./container-info.js";
import { walkIdField } from "./ids.js";
import { walkResources } from "./resource.js";

/** ExecutorInfo: IDs, the command Mesos requires, the container, the resources. */
export function walkExecutorInfo(msg: ExecutorInfo, c: Collector): void {
  walkIdField(c, msg.$typeName, msg.executorId, "executor_id", true);
  walkIdField(c, msg.$typeName, msg.frameworkId, "framework_id", false);

  const container = msg.container;
  const command = msg.command;
  if (command === undefined) {
    c.report(
      "executor_command_missing",
      container !== undefined
        ? "command is not set; Mesos requires ExecutorInfo.command even for a Docker executor (\"'ExecutorInfo.command' must be set\"): to run the image's own entrypoint, set command: { shell: false } with no value"
        : "command is not set; Mesos requires ExecutorInfo.command (\"'ExecutorInfo.command' must be set\"): set it to the command that starts the executor (or, for a Docker executor image, { shell: false } with no value to run its entrypoint)",
      "command",
    );
  } else {
    c.path.push("command");
    walkCommandInfo(command, c, commandContext(container));
    c.path.pop();
  }

  if (container !== undefined) {
    c.path.push("container");
    walkContainerInfo(container, c);
    c.path.pop();
  }

  walkResources(c, msg.resources);
}
