// The binding tables validation draws rules from, one per schema. The seed's is always here; the
// Mesos 1.11 table (src/mesos-v1) adds itself when that folder is imported, so a program that only
// ever sees seed messages never loads the v1 descriptors (three times the seed's) or its rules.
// The package root imports src/mesos-v1, so library users always get both.
import type { DescMessage } from "@bufbuild/protobuf";
import { MESOS_RULES } from "./mesos.js";
import type { Binding, BindingTable } from "./rule.js";

const tables: BindingTable[] = [MESOS_RULES];

/** Adds `table` (once: registering it again changes nothing). */
export function registerBindingTable(table: BindingTable): void {
  if (!tables.includes(table)) tables.push(table);
}

/**
 * The rules bound to `desc` in the registered tables. A descriptor is bound in at most one table;
 * a type in none (a schema from elsewhere) gets the structural checks only.
 */
export function bindingOf(desc: DescMessage): Binding | undefined {
  for (const table of tables) {
    const binding = table.get(desc);
    if (binding !== undefined) return binding;
  }
  return undefined;
}
