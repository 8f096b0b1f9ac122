// localPath / valueAtPath: from an issue path (proto names, as in Mesos JSON) to the protobuf-es
// property path (camelCase) and the value a user holds, for any schema: lists, maps, the oneof.
import { create } from "@bufbuild/protobuf";
import { test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import * as seed from "../../gen/mesos/mesos_pb.js";
import * as v1 from "../../gen/mesos/v1/mesos_pb.js";
import { localPath, valueAtPath } from "../../src/schema/index.js";
import { invalidTaskInfo } from "../../src/testing/index.js";
import { validate } from "../../src/validation/index.js";
import { dockerTask } from "../fixtures/canonical.js";

describe("localPath", () => {
  test.each([
    [
      "a seed volume's host_dir",
      seed.TaskInfoSchema,
      ["container", "docker", "volume", 0, "host_dir"],
      ["container", "docker", "volume", 0, "hostDir"],
    ],
    ["the root", seed.TaskInfoSchema, [], []],
    ["slave_id", seed.TaskInfoSchema, ["slave_id", "value"], ["slaveId", "value"]],
    ["a v1 map value", v1.TaskInfoSchema, ["limits", "cpus", "value"], ["limits", "cpus", "value"]],
    [
      "the v1 oneof member",
      v1.Volume_Source_CSIVolume_VolumeCapabilitySchema,
      ["mount", "fs_type"],
      ["accessType", "value", "fsType"],
    ],
  ] as const)("%s", (_, schema, path, expected) => {
    expect(localPath(schema, path)).toEqual(expected);
  });

  test.each([
    ["an unknown field", ["container", "dockr"]],
    ["an index on a message field", ["container", 0]],
    ["a field below a scalar", ["name", "value"]],
  ] as const)("%s → undefined", (_, path) => {
    expect(localPath(seed.TaskInfoSchema, path)).toBeUndefined();
  });
});

describe("valueAtPath", () => {
  const task = dockerTask();
  test("reads a list element's field, a message and a scalar", () => {
    const volume = task.container?.docker?.volume[1];
    expect(valueAtPath(seed.TaskInfoSchema, task, ["container", "docker", "volume", 1])).toBe(
      volume,
    );
    expect(
      valueAtPath(seed.TaskInfoSchema, task, ["container", "docker", "volume", 1, "host_dir"]),
    ).toBe(volume?.hostDir);
    expect(valueAtPath(seed.TaskInfoSchema, task, ["task_id", "value"])).toBe(task.taskId?.value);
  });

  test("absent values and unknown paths are undefined", () => {
    expect(valueAtPath(seed.TaskInfoSchema, task, ["executor", "executor_id"])).toBeUndefined();
    expect(
      valueAtPath(seed.TaskInfoSchema, task, ["container", "docker", "volume", 99]),
    ).toBeUndefined();
    expect(valueAtPath(seed.TaskInfoSchema, task, ["nope"])).toBeUndefined();
  });

  test("a map value and a oneof member (only while it is the case)", () => {
    const t = create(v1.TaskInfoSchema, { limits: { mem: { value: 64 } } });
    expect(valueAtPath(v1.TaskInfoSchema, t, ["limits", "mem", "value"])).toBe(64);
    expect(valueAtPath(v1.TaskInfoSchema, t, ["limits", "cpus"])).toBeUndefined();
    const cap = create(v1.Volume_Source_CSIVolume_VolumeCapabilitySchema, {
      accessType: { case: "mount", value: { fsType: "ext4" } },
    });
    const S = v1.Volume_Source_CSIVolume_VolumeCapabilitySchema;
    expect(valueAtPath(S, cap, ["mount", "fs_type"])).toBe("ext4");
    expect(valueAtPath(S, cap, ["block"])).toBeUndefined();
  });

  // Every issue validate reports on a near miss names a real place in the task: its path maps
  // to protobuf-es property names, and the parent of the issue's last key holds something.
  fcTest.prop([invalidTaskInfo()], { numRuns: 200 })(
    "every near miss's issue paths resolve",
    ({ task: t }) => {
      for (const issue of validate(seed.TaskInfoSchema, t).issues) {
        expect(localPath(seed.TaskInfoSchema, issue.path), issue.path.join(".")).toBeDefined();
        expect(valueAtPath(seed.TaskInfoSchema, t, issue.path.slice(0, -1))).toBeDefined();
      }
    },
  );
});
