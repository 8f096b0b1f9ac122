import { describe, expect, it } from "vitest";
import {
  CommandInfo_ContainerInfoSchema,
  ContainerInfo_DockerInfo_VolumeSchema,
  ContainerInfo_DockerInfoSchema,
  ContainerInfoSchema,
  ExecutorInfoSchema,
  OfferSchema,
  TaskInfoSchema,
} from "../../gen/mesos/mesos_pb.js";
import { displayName, findMessageType, MESSAGE_TYPES } from "../../src/cli/message-types.js";
import { UsageError } from "../../src/cli/usage-error.js";

describe("findMessageType", () => {
  it.each([
    ["TaskInfo", TaskInfoSchema],
    ["taskinfo", TaskInfoSchema],
    ["mesos.TaskInfo", TaskInfoSchema],
    ["ExecutorInfo", ExecutorInfoSchema],
    ["Offer", OfferSchema],
    ["ContainerInfo", ContainerInfoSchema],
    ["CommandInfo.ContainerInfo", CommandInfo_ContainerInfoSchema],
    ["CommandInfo_ContainerInfo", CommandInfo_ContainerInfoSchema],
    ["DockerInfo", ContainerInfo_DockerInfoSchema],
    ["ContainerInfo.DockerInfo", ContainerInfo_DockerInfoSchema],
    ["Volume", ContainerInfo_DockerInfo_VolumeSchema],
    ["mesos.ContainerInfo.DockerInfo.Volume", ContainerInfo_DockerInfo_VolumeSchema],
  ])("%s", (name, schema) => {
    expect(findMessageType(name).typeName).toBe(schema.typeName);
  });

  it("finds every message of the schema by its display name", () => {
    expect(MESSAGE_TYPES.length).toBeGreaterThan(20);
    for (const schema of MESSAGE_TYPES) expect(findMessageType(displayName(schema))).toBe(schema);
  });

  it("refuses an unknown name with the list of known ones", () => {
    expect(() => findMessageType("TaskInfoo", "check")).toThrow(UsageError);
    expect(() => findMessageType("TaskInfoo")).toThrow(/unknown --type "TaskInfoo".*TaskInfo/);
  });

  it("refuses enum names: only messages can be decoded", () => {
    expect(() => findMessageType("Mode")).toThrow(UsageError);
  });
});
