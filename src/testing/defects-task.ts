// Near misses in TaskInfo itself, the IDs, labels and resources.
import { clearField, create, type MessageInitShape } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import {
  FrameworkIDSchema,
  LabelSchema,
  LabelsSchema,
  type Resource,
  ResourceSchema,
  TaskIDSchema,
  type TaskInfo,
  TaskInfoSchema,
  Value_Type,
} from "../schema/index.js";
import type { IssueCode, IssuePath } from "../validation/index.js";
import { executorTask, imageless } from "./defects-command.js";
import { executorInfo } from "./executor-info.js";
import { mesosId } from "./mesos-id.js";
import {
  type Defect,
  defect,
  insertAt,
  type Located,
  partDefect,
  resourcesOf,
  setUnknownEnum,
  unknownEnumForm,
} from "./near-miss.js";
import { taskInfo } from "./task-info.js";

const anyTask = taskInfo();

// --- IDs ---------------------------------------------------------------------------------------

type IdField = "task_id" | "slave_id" | "executor_id" | "framework_id";

/** Set the value of one of the task's IDs (framework_id is added to an executor without one). */
function setId(task: TaskInfo, n: number, value: string): IssuePath {
  const executor = task.executor;
  const fields: IdField[] =
    executor === undefined
      ? ["task_id", "slave_id"]
      : ["task_id", "slave_id", "executor_id", "framework_id"];
  const field = fields[n % fields.length] as IdField;
  switch (field) {
    case "task_id":
      task.taskId = create(TaskIDSchema, { value });
      return ["task_id", "value"];
    case "slave_id":
      if (task.slaveId !== undefined) task.slaveId.value = value;
      return ["slave_id", "value"];
    case "executor_id":
      if (executor?.executorId !== undefined) executor.executorId.value = value;
      return ["executor", "executor_id", "value"];
    case "framework_id":
      if (executor !== undefined) executor.frameworkId = create(FrameworkIDSchema, { value });
      return ["executor", "framework_id", "value"];
  }
}

function idDefect(code: IssueCode, value: fc.Arbitrary<string>): Defect {
  return defect(code, anyTask, fc.tuple(fc.nat(), value), (task, [n, v]) => setId(task, n, v));
}

// --- resources ---------------------------------------------------------------------------------

type Payload = "scalar" | "ranges" | "set";
const PAYLOADS: readonly Payload[] = ["scalar", "ranges", "set"];
const TYPE_OF: Record<Payload, Value_Type> = {
  scalar: Value_Type.SCALAR,
  ranges: Value_Type.RANGES,
  set: Value_Type.SET,
};

/** A valid payload of each kind, to build mismatches from. */
const VALID_PAYLOAD = {
  scalar: { value: 1 },
  ranges: { range: [{ begin: 31000n, end: 31010n }] },
  set: { item: ["a", "b"] },
} as const;

const resourceTarget = fc.tuple(fc.nat(), fc.boolean());

/** The resource chosen by `[n, useExecutor]`: in the task's list, or in its executor's. */
function resourceOf(task: TaskInfo, [n, useExecutor]: [number, boolean]): Located<Resource> {
  const list = resourcesOf(task, useExecutor);
  const index = n % list.value.length;
  return { value: list.value[index] as Resource, path: [...list.path, index] };
}

/** A defect that breaks one resource; `apply` returns the path inside the resource. */
function resourceDefect<P>(
  code: IssueCode,
  params: fc.Arbitrary<P>,
  apply: (r: Resource, p: P) => IssuePath,
): Defect {
  return partDefect(code, anyTask, resourceTarget, resourceOf, params, apply);
}

type BuiltResource = { init: MessageInitShape<typeof ResourceSchema>; at: IssuePath };

/**
 * A resource that breaks `code`, built by `build` from a name and parameters: drawn from `params`
 * in the seed's near misses (it replaces a resource of the task, keeping its name), fixed to
 * `example` in the v1 defects.
 */
export interface ResourceBreak {
  readonly code: IssueCode;
  readonly defect: Defect;
  example(name: string): BuiltResource;
}

function resourceBreak<P>(
  code: IssueCode,
  params: fc.Arbitrary<P>,
  example: NoInfer<P>,
  build: (name: string, p: P) => BuiltResource,
): ResourceBreak {
  const replace = defect(code, anyTask, fc.tuple(resourceTarget, params), (task, [target, p]) => {
    const [n, useExecutor] = target;
    const list = resourcesOf(task, useExecutor);
    const index = n % list.value.length;
    const { init, at } = build((list.value[index] as Resource).name, p);
    list.value[index] = create(ResourceSchema, init);
    return [...list.path, index, ...at];
  });
  return { code, defect: replace, example: (name) => build(name, example) };
}

const bigStep = fc.bigInt({ min: 0n, max: 1000n });

/** The resource rules a whole resource breaks (the seed's and Mesos 1.11's alike). */
export const RESOURCE_BREAKS: readonly ResourceBreak[] = [
  resourceBreak("resource_type_unsupported", fc.constant(null), null, (name) => ({
    init: { name, type: Value_Type.TEXT },
    at: ["type"],
  })),
  // The payload that type names is missing, or another payload is set beside it.
  resourceBreak(
    "resource_payload_mismatch",
    fc.tuple(fc.constantFrom(...PAYLOADS), fc.constantFrom(...PAYLOADS), fc.boolean()),
    ["scalar", "set", false],
    (name, [type, other, missing]) => {
      if (missing || other === type) {
        return { init: { name, type: TYPE_OF[type] }, at: [type] };
      }
      const init = { name, type: TYPE_OF[type], [type]: VALID_PAYLOAD[type] };
      return { init: { ...init, [other]: VALID_PAYLOAD[other] }, at: [other] };
    },
  ),
  resourceBreak(
    "scalar_invalid",
    fc.oneof(
      fc.constantFrom(
        Number.NaN,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        -1,
        -Number.MIN_VALUE,
      ),
      fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
    ),
    -1,
    (name, value) => ({
      init: { name, type: Value_Type.SCALAR, scalar: { value } },
      at: ["scalar", "value"],
    }),
  ),
  resourceBreak("range_inverted", fc.tuple(bigStep, bigStep), [3n, 1n], (name, [end, gap]) => ({
    init: { name, type: Value_Type.RANGES, ranges: { range: [{ begin: end + gap + 1n, end }] } },
    at: ["ranges", "range", 0],
  })),
  // The second range starts inside the first (begin ≤ the first's end).
  resourceBreak(
    "ranges_overlap",
    fc.tuple(bigStep, bigStep, bigStep, bigStep),
    [1n, 4n, 2n, 5n],
    (name, [a, len, into, len2]) => {
      const second = a + (into % (len + 1n)); // starts within [a, a + len]
      const range = [
        { begin: a, end: a + len },
        { begin: second, end: second + len2 },
      ];
      return {
        init: { name, type: Value_Type.RANGES, ranges: { range } },
        at: ["ranges", "range", 1],
      };
    },
  ),
  resourceBreak(
    "set_item_duplicate",
    fc.uniqueArray(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 4 }),
    ["a"],
    (name, items) => ({
      init: { name, type: Value_Type.SET, set: { item: [...items, items[0] as string] } },
      at: ["set", "item", items.length],
    }),
  ),
  resourceBreak(
    "required_field_missing",
    fc.constantFrom("scalar", "begin", "end"),
    "scalar",
    (name, field) =>
      field === "scalar"
        ? { init: { name, type: Value_Type.SCALAR, scalar: {} }, at: ["scalar", "value"] }
        : {
            init: {
              name,
              type: Value_Type.RANGES,
              ranges: { range: [field === "begin" ? { end: 5n } : { begin: 5n }] },
            },
            at: ["ranges", "range", 0, field],
          },
  ),
];

/** Near misses of the task, ID, label and resource rules. */
export function taskDefects(): Defect[] {
  return [
    // --- task --------------------------------------------------------------------------------
    defect(
      "required_field_missing",
      anyTask,
      fc.constantFrom("name", "task_id", "slave_id"),
      (task, field) => {
        if (field === "name") clearField(task, TaskInfoSchema.field.name);
        else if (field === "task_id") task.taskId = undefined;
        else task.slaveId = undefined;
        return [field];
      },
    ),
    defect("required_field_missing", anyTask, fc.constant(null), (task) => {
      if (task.taskId !== undefined) clearField(task.taskId, TaskIDSchema.field.value);
      return ["task_id", "value"];
    }),
    defect("required_field_missing", executorTask, fc.constant(null), (task) => {
      if (task.executor !== undefined) task.executor.executorId = undefined;
      return ["executor", "executor_id"];
    }),
    defect("required_field_missing", anyTask, fc.nat(), (task, n) => {
      task.labels ??= create(LabelsSchema);
      const list = task.labels.labels;
      if (list.length === 0) list.push(create(LabelSchema, { key: "k" }));
      const index = n % list.length;
      const label = list[index];
      if (label !== undefined) clearField(label, LabelSchema.field.key);
      return ["labels", "labels", index, "key"];
    }),
    defect(
      "command_and_executor_both_set",
      taskInfo({ kind: "command" }),
      executorInfo({ image: "custom" }),
      (task, executor) => {
        task.executor = executor;
        return [];
      },
    ),
    defect("command_and_executor_both_missing", imageless, fc.constant(null), (task) => {
      task.command = undefined;
      task.executor = undefined;
      return [];
    }),
    defect("resources_empty", anyTask, fc.constant(null), (task) => {
      task.resources = [];
      return ["resources"];
    }),
    // --- IDs ---------------------------------------------------------------------------------
    idDefect("id_empty", fc.constant("")),
    // Over 255 UTF-8 bytes; the multi-byte forms are short in UTF-16 code units.
    idDefect(
      "id_too_long",
      fc.constantFrom("a".repeat(256), "é".repeat(128), "日".repeat(86), "😀".repeat(64)),
    ),
    idDefect("id_reserved", fc.constantFrom(".", "..")),
    idDefect(
      "id_invalid_characters",
      fc
        .tuple(mesosId(), fc.nat(), fc.constantFrom("/", "\\", "\u0000", "\n", "\u001f", "\u007f"))
        .map(([id, n, bad]) => insertAt(id, n, bad)),
    ),
    // --- resources ---------------------------------------------------------------------------
    resourceDefect("required_field_missing", fc.constantFrom("name", "type"), (r, field) => {
      clearField(r, field === "name" ? ResourceSchema.field.name : ResourceSchema.field.type);
      return [field];
    }),
    resourceDefect("resource_name_empty", fc.constant(null), (r) => {
      r.name = "";
      return ["name"];
    }),
    resourceDefect(
      "unknown_enum_value",
      fc.tuple(fc.constantFrom(4, 9, -1), unknownEnumForm),
      (r, [value, decoded]) => {
        setUnknownEnum(r, "type", 2, value, decoded);
        return ["type"];
      },
    ),
    ...RESOURCE_BREAKS.map((b) => b.defect),
  ];
}
