// Near misses in CommandInfo (URIs, environment, shell/value), the legacy container and
// ExecutorInfo.command.
import { clearField, create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import {
  CommandInfo_ContainerInfoSchema,
  type CommandInfo_URI,
  CommandInfoSchema,
  type Environment_Variable,
  EnvironmentSchema,
  CommandInfo_URISchema as UriSchema,
  Environment_VariableSchema as VariableSchema,
} from "../schema/index.js";
import type { IssueCode, IssuePath } from "../validation/index.js";
import { dockerTask } from "./defects-container.js";
import { containerInfo } from "./docker-info.js";
import { legacyContainer } from "./legacy-container.js";
import { commandOf, type Defect, defect } from "./near-miss.js";
import { taskInfo } from "./task-info.js";
import { identifier } from "./text.js";

const anyTask = taskInfo();
/** Tasks whose command has no image entrypoint to fall back on. */
export const imageless = fc.oneof(
  taskInfo({ kind: "command" }),
  taskInfo({ kind: "custom-executor" }),
);
/** Tasks launched by an executor. */
export const executorTask = fc.oneof(
  taskInfo({ kind: "docker-executor" }),
  taskInfo({ kind: "custom-executor" }),
);

/** Break one URI of the command (one is added when there is none); the issue is at its value. */
function uriDefect(code: IssueCode, breakUri: (uri: CommandInfo_URI) => void): Defect {
  return defect(code, anyTask, fc.nat(), (task, n) => {
    const { value: command, path } = commandOf(task);
    if (command.uris.length === 0)
      command.uris.push(create(UriSchema, { value: "https://example.com/a" }));
    const index = n % command.uris.length;
    breakUri(command.uris[index] as CommandInfo_URI);
    return [...path, "uris", index, "value"];
  });
}

/** Break one environment variable (a copy inside the task) and return the field of the issue. */
type EnvBreak = (v: Environment_Variable) => "name" | "value";

function envDefect(code: IssueCode, apply: fc.Arbitrary<EnvBreak>): Defect {
  return defect(code, anyTask, fc.tuple(fc.nat(), identifier(), apply), (task, [n, name, br]) => {
    const { value: command, path } = commandOf(task);
    command.environment ??= create(EnvironmentSchema);
    const list = command.environment.variables;
    if (list.length === 0) list.push(create(VariableSchema, { name, value: "v" })); // none yet
    const index = n % list.length;
    return [...path, "environment", "variables", index, br(list[index] as Environment_Variable)];
  });
}

const clearVariableField =
  (field: "name" | "value"): EnvBreak =>
  (v) => {
    clearField(v, VariableSchema.field[field]);
    return field;
  };

const renameVariable =
  (rename: (name: string) => string): EnvBreak =>
  (v) => {
    v.name = rename(v.name);
    return "name";
  };

/** Near misses of the command rules. */
export function commandDefects(): Defect[] {
  return [
    envDefect(
      "required_field_missing",
      fc.constantFrom(clearVariableField("name"), clearVariableField("value")),
    ),
    uriDefect("required_field_missing", (uri) => clearField(uri, UriSchema.field.value)),
    envDefect("env_name_empty", fc.constant(renameVariable(() => ""))),
    // Names are identifiers without "=", so the renamed variable stays unique.
    envDefect(
      "env_name_contains_equals",
      fc.constantFrom("=", "=x", "a=b").map((suffix) => renameVariable((name) => name + suffix)),
    ),
    uriDefect("uri_value_empty", (uri) => {
      uri.value = "";
    }),
    defect(
      "shell_command_missing",
      anyTask,
      fc.tuple(fc.constantFrom("unset", "true"), fc.boolean()),
      (task, [shell, empty]): IssuePath => {
        const command = commandOf(task);
        if (shell === "unset") clearField(command.value, CommandInfoSchema.field.shell);
        else command.value.shell = true;
        // Arguments with a shell are ignored: a warning, not a second error, but keep it clean.
        command.value.arguments = [];
        if (empty) command.value.value = "";
        else clearField(command.value, CommandInfoSchema.field.value);
        return [...command.path, "value"];
      },
    ),
    defect("executable_missing", imageless, fc.boolean(), (task, empty) => {
      const command = commandOf(task);
      command.value.shell = false;
      if (empty) command.value.value = "";
      else clearField(command.value, CommandInfoSchema.field.value);
      return [...command.path, "value"];
    }),
    // Two images: a legacy docker:/// container next to a ContainerInfo, on the task or the executor.
    defect("legacy_and_container_both_set", dockerTask, legacyContainer(), (task, container) => {
      const command = commandOf(task);
      command.value.container = container;
      return [...command.path, "container"];
    }),
    defect(
      "legacy_and_container_both_set",
      taskInfo({ kind: "docker-task", legacy: true }),
      containerInfo(),
      (task, container) => {
        task.container = container;
        return ["command", "container"];
      },
    ),
    defect("executor_command_missing", executorTask, fc.constant(null), (task) => {
      if (task.executor !== undefined) task.executor.command = undefined;
      return ["executor", "command"];
    }),
    defect("required_field_missing", taskInfo({ legacy: true }), fc.constant(null), (task) => {
      const command = commandOf(task);
      // Without its image the command needs a value of its own (else: executable_missing too).
      if (command.value.value === "") command.value.value = "true";
      const container = command.value.container;
      if (container !== undefined)
        clearField(container, CommandInfo_ContainerInfoSchema.field.image);
      return [...command.path, "container", "image"];
    }),
  ];
}
