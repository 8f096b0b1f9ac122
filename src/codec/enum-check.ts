// A quick yes/no: do all closed-enum fields of a message hold declared numbers? protobuf-es's
// toBinary writes any number, so encode asks this after a successful toBinary. The walk is
// compiled per message type and visits only fields that can lead to a closed enum (for a
// TaskInfo: resources[].type, container.type, container.docker.volume[].mode, the executor's),
// so it costs a few property reads instead of a second walk over the whole message.
import type { DescField, DescMessage } from "@bufbuild/protobuf";
import type { MessageObject } from "./field-access.js";
import { isClosedEnumField, typesReaching } from "./reachability.js";

type Holds = (message: MessageObject) => boolean;

interface Compiled {
  holds: Holds;
}

const compiled = new WeakMap<DescMessage, Compiled>();

/** True when every closed-enum value in `message` (of type `desc`) is declared by its enum. */
export function closedEnumsDeclared(desc: DescMessage, message: MessageObject): boolean {
  return compiledFor(desc, undefined).holds(message);
}

function compiledFor(desc: DescMessage, reaching: Set<DescMessage> | undefined): Compiled {
  let entry = compiled.get(desc);
  if (entry === undefined) {
    const holder: Compiled = { holds: () => true };
    compiled.set(desc, holder);
    const types = reaching ?? typesReaching(desc, isClosedEnumField);
    const checks = desc.fields.flatMap((f) => compileField(f, types));
    holder.holds = (message) => {
      for (let i = 0; i < checks.length; i++) if (!(checks[i] as Holds)(message)) return false;
      return true;
    };
    entry = holder;
  }
  return entry;
}

function compileField(field: DescField, reaching: Set<DescMessage>): Holds[] {
  let ok: (value: unknown) => boolean;
  if (isClosedEnumField(field)) {
    const declared = new Set((field.enum?.values ?? []).map((v) => v.number));
    // Unset singular fields read the prototype's default, which is always declared.
    ok = (value) => value === undefined || declared.has(value as number);
  } else if (field.message !== undefined && reaching.has(field.message)) {
    const child = compiledFor(field.message, reaching);
    ok = (value) =>
      typeof value !== "object" || value === null || child.holds(value as MessageObject);
  } else {
    return [];
  }
  const local = field.localName;
  if (field.oneof !== undefined) {
    const oneofLocal = field.oneof.localName;
    return [
      (message) => {
        const oneof = message[oneofLocal] as { case?: unknown; value?: unknown } | undefined;
        return oneof?.case !== local || ok(oneof.value);
      },
    ];
  }
  switch (field.fieldKind) {
    case "list":
      return [(message) => every(message[local], ok)];
    case "map":
      return [(message) => every(Object.values(message[local] ?? {}), ok)];
    default:
      return [(message) => ok(message[local])];
  }
}

function every(list: unknown, ok: (value: unknown) => boolean): boolean {
  if (!Array.isArray(list)) return true; // not an array: the full check reports it
  for (let i = 0; i < list.length; i++) if (!ok(list[i])) return false;
  return true;
}
