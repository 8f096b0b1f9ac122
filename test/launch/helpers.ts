// Shared helpers of the launch tests.
import type { TaskInfo } from "../../gen/mesos/mesos_pb.js";
import { type Launch, type LaunchKind, resolveLaunch } from "../../src/launch/index.js";
import type { Issue } from "../../src/validation/index.js";

/** resolveLaunch for a task that must launch as `kind` (any kind when omitted); throws otherwise. */
export function resolved<K extends LaunchKind = LaunchKind>(
  task: TaskInfo,
  kind?: K,
): { launch: Extract<Launch, { kind: K }>; issues: Issue[] } {
  const result = resolveLaunch(task);
  if (!result.success) {
    throw new Error(`expected a launch, got issues ${JSON.stringify(result.issues)}`);
  }
  if (kind !== undefined && result.data.kind !== kind) {
    throw new Error(`expected a ${kind} launch, got ${result.data.kind}`);
  }
  return { launch: result.data as Extract<Launch, { kind: K }>, issues: result.issues };
}

/** The launch of a task that must launch (as `kind`, when given). */
export function launchOf<K extends LaunchKind = LaunchKind>(
  task: TaskInfo,
  kind?: K,
): Extract<Launch, { kind: K }> {
  return resolved(task, kind).launch;
}
