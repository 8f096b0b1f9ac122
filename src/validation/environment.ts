// Environment and Environment.Variable: names that can be exported as NAME=value.
import type { Environment, Environment_Variable as Variable } from "../../gen/mesos/mesos_pb.js";
import type { Collector } from "./collector.js";
import { SeenKeys } from "./duplicates.js";
import { quote } from "./format.js";
import { present, reportMissing } from "./presence.js";

/** Environment: each variable, and no name twice. */
export function walkEnvironment(msg: Environment, c: Collector): void {
  const variables = msg.variables;
  if (variables.length === 0) return;
  // A single variable cannot repeat a name: skip the tracking.
  const seen = variables.length > 1 ? names : undefined;
  seen?.reset();
  for (let i = 0; i < variables.length; i++) {
    c.path.push("variables", i);
    checkVariable(c, variables[i] as Variable, seen);
    c.path.pop();
    c.path.pop();
  }
  seen?.reset();
}

const names = new SeenKeys();

/** Environment.Variable on its own. */
export function walkVariable(msg: Variable, c: Collector): void {
  checkVariable(c, msg, undefined);
}

function checkVariable(c: Collector, v: Variable, seen: SeenKeys | undefined): void {
  const name = v.name;
  if (!present(v, "name", name, "")) {
    reportMissing(c, v.$typeName, "name");
    seen?.add(undefined);
  } else {
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
    }
    const earlier = seen === undefined ? -1 : seen.add(name);
    if (earlier >= 0) {
      c.report(
        "env_name_duplicate",
        `name ${quote(name)} is already set by variables[${earlier}]; only one value survives, and which one depends on the containerizer: remove one of them`,
        "name",
      );
    }
  }
  if (!present(v, "value", v.value, "")) reportMissing(c, v.$typeName, "value");
}
