// Mesos 1.11 task resource limits (mesos.v1 TaskInfo.limits, Mesos 1.10+): only cpus and mem,
// each above its request, and the cgroups placement they need (Mesos 1.11.0
// src/master/validation.cpp, task::internal::validateResourceLimits and validateShareCgroups).
import { quote } from "../problems/index.js";
import { type Collector, scalarTotal } from "../rules/index.js";
import { isSet } from "../schema/index.js";
import type * as v1 from "../v1/index.js";

/**
 * `limits` (key, value) against the requests (sums of the task's scalar cpus and mem
 * `resources`). Reported at limits[key].
 */
export function checkLimits(
  c: Collector,
  limits: Readonly<Record<string, { value: number }>>,
  resources: readonly v1.Resource[],
): void {
  const cpus = scalarTotal(resources, "cpus");
  const mem = scalarTotal(resources, "mem");
  for (const key of Object.keys(limits)) {
    const limit = limits[key]?.value;
    if (key !== "cpus" && key !== "mem") {
      c.report(
        "limit_key_unsupported",
        `limits has the key ${quote(key)}; Mesos 1.11 rejects it ("Only cpus and mem may be included in a task's resource limits"): remove it`,
        "limits",
        key,
      );
      continue;
    }
    if (limit === undefined) continue;
    const request = key === "cpus" ? cpus : mem;
    const what = key === "cpus" ? "CPU" : "memory";
    if (request === undefined) {
      c.report(
        "limit_without_request",
        `limits.${key} is set but the task has no ${key} resource; Mesos 1.11 rejects it ("When a ${what} limit is specified, a ${what} request must also be specified"): add a ${key} resource`,
        "limits",
        key,
      );
    } else if (limit < request && !(key === "mem" && limit === Number.POSITIVE_INFINITY)) {
      c.report(
        "limit_below_request",
        `limits.${key} ${limit} is below the ${key} request ${request}; Mesos 1.11 rejects it ("The ${key === "cpus" ? "cpu" : "memory"} limit must be greater than or equal to the ${key === "cpus" ? "cpu" : "memory"} request"): raise the limit to at least ${request}`,
        "limits",
        key,
      );
    }
  }
}

/**
 * `share_cgroups` of the LinuxInfo of a task's or executor's `container` (true when unset, the
 * declared default, or without linux_info): an executor's must not be true when set explicitly;
 * a LAUNCH task's must not be false; a task group task with limits must set it false. `where` is
 * "executor", "launch" or "group".
 */
export function checkShareCgroups(
  c: Collector,
  where: "executor" | "launch" | "group",
  container: v1.ContainerInfo | undefined,
  hasLimits: boolean,
): void {
  const linux = container?.linuxInfo;
  const set = linux !== undefined && isSet(linux, "shareCgroups");
  const share = linux === undefined || linux.shareCgroups;
  if (where === "executor" && set && share) {
    c.report(
      "share_cgroups_invalid",
      "container.linux_info.share_cgroups is true on an executor; Mesos 1.11 rejects it (\"The 'share_cgroups' field cannot be set to 'true' on executor containers\"): leave it unset",
      "container",
      "linux_info",
      "share_cgroups",
    );
  } else if (where === "launch" && set && !share) {
    c.report(
      "share_cgroups_invalid",
      "container.linux_info.share_cgroups is false on a LAUNCH task; Mesos 1.11 rejects it (\"Only tasks in a task group may have 'share_cgroups' set to 'false'\"): leave it unset, or launch the task in a task group",
      "container",
      "linux_info",
      "share_cgroups",
    );
  } else if (where === "group" && hasLimits && share) {
    c.report(
      "share_cgroups_invalid",
      "the task of a task group has limits but container.linux_info.share_cgroups is not false; Mesos 1.11 rejects it (\"Resource limits may only be set for tasks within a task group when the 'share_cgroups' field is set to 'false'\"): set container.linux_info.share_cgroups to false",
      "limits",
    );
  }
}
