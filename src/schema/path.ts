// From an issue path to the field a user holds. Issue paths use the proto field names (snake_case)
// because they match Mesos JSON and Mesos's own error text ("container.docker.volume[0].host_dir");
// the objects protobuf-es builds use the generated property names (camelCase: `hostDir`). Both
// functions walk the descriptor, so they work for any schema, oneof members and maps included.
import type { DescField, DescMessage } from "@bufbuild/protobuf";
import { fieldValue } from "./presence.js";

type PathKey = string | number;

/** One step of a walk along an issue path: the field named, or an index / key into a list / map. */
type Step = { field: DescField } | { element: PathKey };

// The steps of `path` through `schema`, or undefined when the path names no field of the schema.
function steps(schema: DescMessage, path: readonly PathKey[]): Step[] | undefined {
  const out: Step[] = [];
  let message: DescMessage | undefined = schema;
  let container: DescField | undefined; // a list or map field waiting for its index or key
  for (const key of path) {
    if (container !== undefined) {
      out.push({ element: key });
      message = container.message; // a list or map of messages, else undefined
      container = undefined;
      continue;
    }
    if (message === undefined || typeof key !== "string") return undefined;
    const field: DescField | undefined = message.fields.find((f) => f.name === key);
    if (field === undefined) return undefined;
    out.push({ field });
    if (field.fieldKind === "list" || field.fieldKind === "map") {
      container = field;
      message = undefined;
    } else {
      message = field.fieldKind === "message" ? field.message : undefined;
    }
  }
  return out;
}

/**
 * The path of protobuf-es property names for an issue path of `schema`:
 * `["container", "docker", "volume", 0, "host_dir"]` → `["container", "docker", "volume", 0,
 * "hostDir"]`. A oneof member becomes `[oneofName, "value"]` (where protobuf-es keeps it while it
 * is the oneof's case); list indexes and map keys are kept. Undefined when the path names no field.
 */
export function localPath(schema: DescMessage, path: readonly PathKey[]): PathKey[] | undefined {
  const walk = steps(schema, path);
  if (walk === undefined) return undefined;
  const out: PathKey[] = [];
  for (const step of walk) {
    if ("element" in step) out.push(step.element);
    else if (step.field.oneof !== undefined) out.push(step.field.oneof.localName, "value");
    else out.push(step.field.localName);
  }
  return out;
}

/**
 * The value at an issue path in `message` (of type `schema`): the field, list element or map
 * value it names; undefined when the path names no field of the schema or nothing is there.
 */
export function valueAtPath(
  schema: DescMessage,
  message: object,
  path: readonly PathKey[],
): unknown {
  const walk = steps(schema, path);
  if (walk === undefined) return undefined;
  let value: unknown = message;
  for (const step of walk) {
    if (value === null || typeof value !== "object") return undefined;
    const record = value as Record<string, unknown>;
    value = "element" in step ? record[String(step.element)] : fieldValue(record, step.field);
  }
  return value;
}
