// Mesos 1.11 typed environment variables and secrets (mesos.v1 Environment.Variable, Secret):
// a VALUE variable has a value and no secret, a SECRET variable a valid secret and no value,
// UNKNOWN is refused, and a secret's data cannot hold NUL in the environment (Mesos 1.11.0
// src/common/validation.cpp, validateEnvironment and validateSecret).
import { quote } from "../problems/index.js";
import { type Collector, optionalEnum } from "../rules/index.js";
import type * as v1 from "../v1/index.js";

/** Environment.Variable.Type numbers (Mesos 1.11); VALUE is the declared default. */
export const VARIABLE_UNKNOWN = 0;
export const VARIABLE_VALUE = 1;
export const VARIABLE_SECRET = 2;

/** Secret.Type numbers (Mesos 1.11). */
export const SECRET_REFERENCE = 1;
export const SECRET_VALUE = 2;

/**
 * A variable's type (VALUE when unset) against its value and secret. `name` is its name ("" when
 * unset), `hasValue` whether its value is set. Relative to the variable.
 */
export function checkVariableType(
  c: Collector,
  v: v1.Environment_Variable,
  name: string,
  hasValue: boolean,
): void {
  const type = optionalEnum(v, v.$unknown, v.type, 3);
  const hasSecret = v.secret !== undefined;
  if (type === VARIABLE_UNKNOWN) {
    c.report(
      "env_type_unknown",
      `variable ${quote(name)} has type UNKNOWN; Mesos 1.11 rejects it ("Environment variable of type 'UNKNOWN' is not allowed"): use VALUE (the default) or SECRET`,
      "type",
    );
  } else if (type === VARIABLE_VALUE) {
    if (!hasValue) {
      c.report(
        "env_value_missing",
        `variable ${quote(name)} of type VALUE (the default) has no value; Mesos 1.11 rejects it ("Environment variable ${name} of type 'VALUE' must have a value set"): set value (may be "")`,
        "value",
      );
    }
    if (hasSecret) {
      c.report(
        "env_value_and_secret",
        `variable ${quote(name)} of type VALUE has a secret; Mesos 1.11 rejects it ("... of type 'VALUE' must not have a secret set"): remove secret, or set type SECRET and remove value`,
        "secret",
      );
    }
  } else if (type === VARIABLE_SECRET) {
    if (!hasSecret) {
      c.report(
        "env_value_missing",
        `variable ${quote(name)} of type SECRET has no secret; Mesos 1.11 rejects it ("Environment variable ${name} of type 'SECRET' must have a secret set"): set secret`,
        "secret",
      );
    }
    if (hasValue) {
      c.report(
        "env_value_and_secret",
        `variable ${quote(name)} of type SECRET has a value; Mesos 1.11 rejects it ("... of type 'SECRET' must not have a value set"): remove value`,
        "value",
      );
    }
    const secretData = v.secret?.value?.data;
    if (secretData?.includes(0)) {
      c.report(
        "secret_contains_nul",
        `variable ${quote(name)}'s secret value holds a NUL byte at index ${secretData.indexOf(0)}; Mesos 1.11 rejects it ("specifies a secret containing null bytes, which is not allowed in the environment"): remove the NUL`,
        "secret",
        "value",
        "data",
      );
    }
  }
}

/**
 * A secret's type against its reference and value: a REFERENCE secret has a reference and no
 * value, a VALUE secret the reverse.
 */
export function checkSecret(s: v1.Secret, c: Collector): void {
  const type = optionalEnum(s, s.$unknown, s.type, 1);
  if (type !== SECRET_REFERENCE && type !== SECRET_VALUE) return;
  const hasReference = s.reference !== undefined;
  const hasValue = s.value !== undefined;
  const reference = type === SECRET_REFERENCE;
  const name = reference ? "REFERENCE" : "VALUE";
  const needed = reference ? "reference" : "value";
  const other = reference ? "value" : "reference";
  if (!(reference ? hasReference : hasValue)) {
    c.report(
      "secret_invalid",
      `type is ${name} but ${needed} is not set; Mesos 1.11 rejects the secret ("Secret of type ${name} must have the '${needed}' field set"): set ${needed}: ${reference ? "{ name }" : "{ data }"}`,
      needed,
    );
  }
  if (reference ? hasValue : hasReference) {
    c.report(
      "secret_invalid",
      `type is ${name} but ${other} is set; Mesos 1.11 rejects the secret ("Secret of type ${name} must not have the '${other}' field set"): remove ${other}`,
      other,
    );
  }
}
