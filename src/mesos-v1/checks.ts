// Mesos 1.11 durations, health checks and checks (mesos.v1 KillPolicy, DurationInfo, HealthCheck,
// CheckInfo): non-negative durations, and the fields each check type needs (Mesos 1.11.0
// src/common/validation.cpp and src/checks/checker_process.cpp validation: validateHealthCheck,
// validateCheckInfo).
import { quote } from "../problems/index.js";
import { type Collector, optionalEnum, setString } from "../rules/index.js";
import type * as v1 from "../v1/index.js";

/** HealthCheck.Type and CheckInfo.Type numbers (the same in both). */
export const CHECK_UNKNOWN = 0;
export const CHECK_HTTP = 2;
export const CHECK_TCP = 3;

const PAYLOAD = ["", "command", "http", "tcp"];
const TYPE_NAMES = ["UNKNOWN", "COMMAND", "HTTP", "TCP"];

/**
 * A duration must not be negative. `what` names it as Mesos does (e.g. "Task's
 * 'kill_policy.grace_period'"); the issue lands at the given keys.
 */
export function checkDuration(
  c: Collector,
  seconds: number,
  what: string,
  k1: string,
  k2?: string,
): void {
  if (!(seconds < 0)) return;
  c.report(
    "duration_negative",
    `${what} is ${seconds} s; Mesos 1.11 requires it to be non-negative ("${what} must be non-negative"): set 0 or a positive duration`,
    k1,
    k2,
  );
}

/** A DurationInfo when set, at `key`.nanoseconds (as seconds: the sign is what matters). */
export function checkDurationInfo(
  c: Collector,
  duration: { readonly nanoseconds: bigint } | undefined,
  what: string,
  key: string,
): void {
  if (duration !== undefined) {
    checkDuration(c, Number(duration.nanoseconds) / 1e9, what, key, "nanoseconds");
  }
}

/**
 * A health check or check (`kind` "health check" or "check"): a type (undefined when unset or
 * unknown), and the field it names (command, http or tcp) set.
 */
export function checkCheckType(
  c: Collector,
  kind: string,
  type: number | undefined,
  check: { readonly command?: object; readonly http?: object; readonly tcp?: object },
): void {
  if (type === undefined || type === CHECK_UNKNOWN) {
    c.report(
      "check_type_missing",
      `the ${kind}'s type is ${type === CHECK_UNKNOWN ? "UNKNOWN" : "not set"}; Mesos 1.11 rejects the task ("Task uses invalid ${kind}"): set type COMMAND, HTTP or TCP with its field`,
      "type",
    );
    return;
  }
  const field = PAYLOAD[type];
  if (field === undefined || field === "") return;
  const payload = type === CHECK_HTTP ? check.http : type === CHECK_TCP ? check.tcp : check.command;
  if (payload === undefined) {
    c.report(
      "check_payload_missing",
      `the ${kind}'s type is ${TYPE_NAMES[type]} but ${field} is not set; Mesos 1.11 rejects the task ("Expecting '${field}' to be set for ${TYPE_NAMES[type]} ${kind}"): set ${field}`,
      field,
    );
  }
}

/**
 * An HTTP health check's scheme (when set) is http or https, and its path (when set) starts with
 * '/' (a check's Http has no scheme). Relative to the http message.
 */
export function checkHttpCheck(
  http: v1.HealthCheck_HTTPCheckInfo | v1.CheckInfo_Http,
  c: Collector,
): void {
  const scheme =
    http.$typeName === "mesos.v1.HealthCheck.HTTPCheckInfo"
      ? setString(http, "scheme", http.scheme)
      : undefined;
  const path = setString(http, "path", http.path);
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") {
    c.report(
      "check_http_invalid",
      `scheme ${quote(scheme)} is neither "http" nor "https"; Mesos 1.11 rejects the health check ("Unsupported HTTP health check scheme"): use "http" or "https"`,
      "scheme",
    );
  }
  if (path !== undefined && !path.startsWith("/")) {
    c.report(
      "check_http_invalid",
      `path ${quote(path)} does not start with '/'; Mesos 1.11 rejects the health check ("The path '${path}' of HTTP health check must start with '/'"): write ${quote(`/${path}`)}`,
      "path",
    );
  }
}

/**
 * A task of a task group on networks of its own (its container's network_infos) cannot have an
 * HTTP or TCP health check. Reported at health_check.type, relative to the task.
 */
export function checkGroupHealthCheck(
  c: Collector,
  container: v1.ContainerInfo,
  health: v1.HealthCheck,
): void {
  const networks = container.networkInfos.length;
  const type = optionalEnum(health, health.$unknown, health.type, 8);
  if (networks === 0 || (type !== CHECK_HTTP && type !== CHECK_TCP)) return;
  c.report(
    "group_health_check_network",
    `the task of a task group joins ${networks} network(s) of its own and has a ${TYPE_NAMES[type]} health check; Mesos 1.11 rejects it ("HTTP and TCP health checks are not supported for nested containers not joining parent's network"): use a COMMAND health check, or drop network_infos to join the executor's network`,
    "health_check",
    "type",
  );
}
