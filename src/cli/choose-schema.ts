// Per input: which schema, and so which message type, to read it with. --schema wins; then a
// --type that only one schema has (Call, Event and TaskGroupInfo exist only in mesos.v1); then
// what the input itself says (detect-schema.ts).
import type { DescMessage } from "@bufbuild/protobuf";
import { detectSchema } from "./detect-schema.js";
import { displayName, type TypeRequest, typeFor } from "./message-types.js";
import type { InputFormat } from "./read-input.js";
import { loadSchemaSet, type SchemaName, type SchemaSet } from "./schema-set.js";

export interface SchemaChoice {
  /** The message type the input is read as. */
  readonly type: DescMessage;
  readonly set: SchemaSet;
  /** Why this schema, in words (shown by --reporter json). */
  readonly reason: string;
}

export async function chooseSchema(
  request: TypeRequest,
  forced: SchemaName | undefined,
  input: string | Uint8Array,
  format: InputFormat,
): Promise<SchemaChoice> {
  const detected =
    forced !== undefined
      ? { schema: forced, reason: `--schema ${forced}` }
      : request.seed === undefined
        ? { schema: "v1" as const, reason: `--type ${request.name} exists only in mesos.v1` }
        : detectSchema(input, format, displayName(request.seed));
  const type = await typeFor(request, detected.schema);
  const used = type.typeName.startsWith("mesos.v1.") ? "v1" : "seed";
  const reason =
    used === detected.schema
      ? detected.reason
      : `--type ${request.name} exists only in the ${used} schema`;
  return { type, set: await loadSchemaSet(used), reason };
}
