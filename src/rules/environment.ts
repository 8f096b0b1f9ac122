// Environment variables: names that can be exported as NAME=value, and names and values that
// survive exec. Written on plain strings so any Environment message (the seed's, Mesos 1.11's)
// can use them.
import { quote } from "../problems/index.js";
import type { Collector } from "./collector.js";
import { SeenKeys } from "./duplicates.js";
import { checkNoNul } from "./text.js";

const EXEC = "the environment";
// The tracker of checkDuplicateNames (see SeenKeys), shared by every table.
const NAMES = new SeenKeys();

/**
 * One variable: `name` and `value` are undefined when unset (the walk reports a missing required
 * field). Issues land at "name" and "value" of the current path.
 */
export function checkVariable(
  c: Collector,
  name: string | undefined,
  value: string | undefined,
): void {
  if (name !== undefined) {
    if (name === "") {
      c.report(
        "env_name_empty",
        "name is empty; an environment variable without a name cannot be exported: set name or remove the variable",
        "name",
      );
    } else {
      const eq = name.indexOf("=");
      if (eq !== -1) {
        c.report(
          "env_name_contains_equals",
          `name ${quote(name)} contains '=' at index ${eq}; NAME=value splits at the first '=', so the variable would arrive under another name: remove the '='`,
          "name",
        );
      }
      checkNoNul(c, name, EXEC, "name");
    }
  }
  if (value !== undefined) checkNoNul(c, value, EXEC, "value");
}

/**
 * No name twice among the variables of the list field `list`; `nameOf(v)` is a variable's name
 * (undefined when unset). Issues land at `<list>[i].name`, at the repeating variable.
 */
export function checkDuplicateNames<V>(
  c: Collector,
  variables: readonly V[],
  nameOf: (variable: V) => string | undefined,
  list: string,
): void {
  const count = variables.length;
  if (count < 2) return;
  NAMES.reset();
  for (let i = 0; i < count; i++) {
    const name = nameOf(variables[i] as V);
    const earlier = NAMES.add(name);
    if (earlier < 0) continue;
    c.report(
      "env_name_duplicate",
      `name ${quote(name as string)} is already set by ${list}[${earlier}]; only one value survives, and which one depends on the containerizer: remove one of them`,
      list,
      i,
      "name",
    );
  }
  NAMES.reset();
}

/**
 * The fast verdict on one variable's text for the rules-only walk (Binding.clean): true only when
 * checkVariable reports nothing. `name` and `value` are raw (unset reads ""): an empty name is
 * "not sure", and an unset value holds no NUL either way.
 */
export function cleanVariableText(name: string, value: string): boolean {
  return (
    name !== "" &&
    name.indexOf("=") === -1 &&
    name.indexOf("\0") === -1 &&
    value.indexOf("\0") === -1
  );
}
