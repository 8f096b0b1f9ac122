// The domain arbitraries produce VALID messages: no error, and no warning except the deprecation
// warning of the legacy docker:/// form.
import { create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect } from "vitest";
import {
  CommandInfoSchema,
  ContainerInfo_DockerInfo_VolumeSchema,
  ContainerInfo_DockerInfoSchema,
  ContainerInfo_Type,
  ContainerInfoSchema,
  ExecutorInfoSchema,
  ContainerInfo_DockerInfo_Volume_Mode as Mode,
  OfferSchema,
  TaskInfoSchema,
} from "../../gen/mesos/mesos_pb.js";
import {
  absolutePath,
  commandInfo,
  containerInfo,
  dockerInfo,
  executorInfo,
  imageReference,
  mesosId,
  offer,
  resource,
  TASK_KINDS,
  taskInfo,
  volume,
} from "../../src/testing/index.js";
import { parseImageReference, validate } from "../../src/validation/index.js";
import { property } from "./harness.js";

const dockerTaskInit = {
  name: "t",
  slaveId: { value: "S0" },
  command: { shell: false },
};

const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe("domain arbitraries validate clean", () => {
  for (const kind of TASK_KINDS) {
    property(
      `taskInfo({ kind: "${kind}", legacy: false }) has no issue`,
      fc.property(taskInfo({ kind, legacy: false }), (task) => {
        expect(validate(TaskInfoSchema, task).issues).toEqual([]);
      }),
      { runs: 100 },
    );
  }
  for (const kind of ["docker-task", "docker-executor"] as const) {
    property(
      `taskInfo({ kind: "${kind}", legacy: true }) has only the deprecation warning`,
      fc.property(taskInfo({ kind, legacy: true }), (task) => {
        const result = validate(TaskInfoSchema, task);
        expect(result.success).toBe(true);
        expect(codes(result.issues)).toEqual(["legacy_container_deprecated"]);
      }),
      { runs: 100 },
    );
  }
  property(
    "offer() has no issue",
    fc.property(offer(), (o) => {
      expect(validate(OfferSchema, o).issues).toEqual([]);
    }),
    { runs: 100 },
  );
  property(
    "executorInfo() with a Docker image or a custom command has no issue",
    fc.property(
      fc.oneof(executorInfo({ image: "docker" }), executorInfo({ image: "custom" })),
      (e) => {
        expect(validate(ExecutorInfoSchema, e).issues).toEqual([]);
      },
    ),
    { runs: 100 },
  );
  property(
    "containerInfo(), dockerInfo() and volume() have no issue",
    fc.property(containerInfo(), dockerInfo(), volume(), (c, d, v) => {
      expect(validate(ContainerInfoSchema, c).issues).toEqual([]);
      expect(validate(ContainerInfo_DockerInfoSchema, d).issues).toEqual([]);
      expect(validate(ContainerInfo_DockerInfo_VolumeSchema, v).issues).toEqual([]);
    }),
    { runs: 200 },
  );
  property(
    "commandInfo() has no issue; commandInfo({ entrypoint: true }) none where an image runs",
    fc.property(commandInfo(), commandInfo({ entrypoint: true }), (plain, docker) => {
      expect(validate(CommandInfoSchema, plain).issues).toEqual([]);
      expect(validate(CommandInfoSchema, docker, { imageEntrypoint: true }).issues).toEqual([]);
    }),
    { runs: 200 },
  );
  property(
    "imageReference(), absolutePath(), mesosId() and resource() are valid in a task",
    fc.property(imageReference(), absolutePath(), mesosId(), resource(), (ref, path, id, r) => {
      const parsed = parseImageReference(ref);
      expect(parsed.success ? "ok" : parsed.error.message).toBe("ok");
      const task = create(TaskInfoSchema, {
        ...dockerTaskInit,
        taskId: { value: id },
        resources: [r],
        container: {
          type: ContainerInfo_Type.DOCKER,
          docker: { image: ref, volume: [{ containerDir: path, hostDir: path, mode: Mode.RO }] },
        },
      });
      expect(validate(TaskInfoSchema, task).issues).toEqual([]);
    }),
    { runs: 300 },
  );
});
