// resolveLaunch for schemas other than the seed, by the TaskInfo's full type name. The Mesos 1.11
// resolver lives with the rest of the v1 support (src/mesos-v1) and registers itself there when
// that folder is imported, so resolving a seed task never loads the v1 descriptors. The package
// root imports src/mesos-v1: library users always have both.
import type { Message } from "@bufbuild/protobuf";
import type { validate } from "../validation/index.js";
import type { LaunchResult } from "./launch.js";

/**
 * Resolves a TaskInfo of one schema (the message's $typeName names it), judging it with `check`:
 * validate, or validateDecoded inside decodeLaunch.
 */
export type LaunchResolver = (task: Message, check: typeof validate) => LaunchResult;

const resolvers = new Map<string, LaunchResolver>();

/** Sets the resolver for TaskInfo messages of type `typeName` (e.g. "mesos.v1.TaskInfo"). */
export function registerLaunchResolver(typeName: string, resolver: LaunchResolver): void {
  resolvers.set(typeName, resolver);
}

/** The resolver registered for `typeName`, if any. */
export function launchResolverOf(typeName: string): LaunchResolver | undefined {
  return resolvers.get(typeName);
}
