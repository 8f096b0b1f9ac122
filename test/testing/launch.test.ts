// resolveLaunch on generated tasks: each kind resolves to itself, and the resolver never
// disagrees with validate about whether a task can launch.
import { clone, equals } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect } from "vitest";
import { TaskInfoSchema } from "../../gen/mesos/mesos_pb.js";
import { resolveLaunch, safeMigrateLegacyContainer } from "../../src/launch/index.js";
import {
  arbitraryMessage,
  invalidTaskInfo,
  TASK_KINDS,
  taskInfo,
} from "../../src/testing/index.js";
import { validate } from "../../src/validation/index.js";
import { property } from "./harness.js";

describe("resolveLaunch(taskInfo({ kind }))", () => {
  for (const kind of TASK_KINDS) {
    const legacies = kind === "docker-task" || kind === "docker-executor" ? [false, true] : [false];
    for (const legacy of legacies) {
      property(
        `kind ${kind}${legacy ? " (legacy docker:///)" : ""}`,
        fc.property(taskInfo({ kind, legacy } as Parameters<typeof taskInfo>[0]), (task) => {
          const result = resolveLaunch(task);
          if (!result.success) throw new Error(JSON.stringify(result.issues));
          expect(result.data.kind).toBe(kind);
          expect(result.data.legacy).toBe(legacy);
          if (kind === "docker-task" || kind === "docker-executor") {
            const docker = (kind === "docker-task" ? task : task.executor)?.container?.docker;
            expect(result.data.image?.string).toBeTypeOf("string");
            expect(result.data.volumes.length).toBe(docker?.volume.length ?? 0);
          }
        }),
        { runs: 60 },
      );
    }
  }
});

describe("migrateLegacyContainer(taskInfo({ legacy: true }))", () => {
  property(
    "keeps the kind and the image, validates clean, leaves the input alone (refuses to drop options)",
    fc.property(taskInfo({ legacy: true }), (task) => {
      const before = clone(TaskInfoSchema, task);
      const original = resolveLaunch(task);
      const migration = safeMigrateLegacyContainer(task);
      expect(equals(TaskInfoSchema, task, before)).toBe(true);
      const legacy = (task.command ?? task.executor?.command)?.container;
      if (legacy !== undefined && legacy.options.length > 0) {
        // DockerInfo has no field for the options: refused rather than lost.
        expect(migration.success ? "migrated" : migration.issues[0]?.code).toBe("legacy_conflict");
        return;
      }
      if (!migration.success) throw new Error(JSON.stringify(migration.issues));
      expect(validate(TaskInfoSchema, migration.data).issues).toEqual([]);
      const result = resolveLaunch(migration.data);
      if (!original.success || !result.success) throw new Error("a valid task must resolve");
      expect(result.data.kind).toBe(original.data.kind);
      expect(result.data.legacy).toBe(false);
      expect(result.data.image?.string).toBe(original.data.image?.string);
    }),
    { runs: 100 },
  );
});

describe("resolveLaunch and validate never disagree", () => {
  const tasks = fc.oneof(
    taskInfo(),
    invalidTaskInfo().map((m) => m.task),
    arbitraryMessage(TaskInfoSchema, { maxDepth: 5, unknownFields: true }),
  );
  property(
    "success and the issues are the same",
    fc.property(tasks, (task) => {
      const verdict = validate(TaskInfoSchema, task);
      const result = resolveLaunch(task);
      expect(result.success).toBe(verdict.success);
      // A launch's issues are validate's warnings; a refusal carries validate's errors.
      const errors = verdict.issues.filter((i) => i.severity === "error");
      if (result.success) {
        expect(errors).toEqual([]);
      } else {
        expect(result.issues.filter((i) => i.severity === "error")).toEqual(errors);
      }
    }),
    { runs: 300 },
  );
});
