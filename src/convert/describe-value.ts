// A short rendering of a field's value for an issue message: enough to recognise it, never a
// whole message (a refused Volume.source should not print a 4 MiB secret).
import type { DescField } from "@bufbuild/protobuf";
import { quote } from "../problems/index.js";

export function describeValue(field: DescField, value: unknown): string {
  switch (field.fieldKind) {
    case "list":
    case "map": {
      const n = Object.keys(value as object).length; // a list's keys are its indexes
      return `${n} ${n === 1 ? "entry" : "entries"}`;
    }
    case "enum": {
      const known = field.enum.values.find((v) => v.number === value);
      return known === undefined ? String(value) : known.name;
    }
    case "message":
      return "set";
    case "scalar":
      if (typeof value === "string") return quote(value);
      if (value instanceof Uint8Array) return `${value.length} bytes`;
      return String(value);
  }
}
