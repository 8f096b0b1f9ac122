// The binding tables validation draws rules from, one per schema. The seed's is always here; the
// Mesos 1.11 table (src/mesos-v1) adds itself when that folder is imported, so a program that only
// ever sees seed messages never loads the v1 descriptors (three times the seed's) or its rules.
// The package root imports src/mesos-v1, so library users always get both.
import { MESOS_RULES } from "./mesos.js";
import type { BindingTable } from "./rule.js";

const tables: BindingTable[] = [MESOS_RULES];

/**
 * Every registered table, in registration order; the array is live (registering appends). A
 * descriptor is bound in at most one table; a type in none gets the structural checks only.
 */
export const BINDING_TABLES: readonly BindingTable[] = tables;

/** Adds `table` (once: registering it again changes nothing). */
export function registerBindingTable(table: BindingTable): void {
  if (!tables.includes(table)) tables.push(table);
}
