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
import * as v1 from "../../gen/mesos/v1/mesos_pb.js";
import * as scheduler from "../../gen/mesos/v1/scheduler/scheduler_pb.js";
import { displayName, findMessageType, requestType, typeFor } from "../../src/cli/message-types.js";
import { loadSchemaSet } from "../../src/cli/schema-set.js";
import { UsageError } from "../../src/cli/usage-error.js";

const seedSet = await loadSchemaSet("seed");
const v1Set = await loadSchemaSet("v1");

describe("findMessageType in the seed", () => {
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
    expect(findMessageType(seedSet, name)?.typeName).toBe(schema.typeName);
  });

  it("finds every message of the schema by its display name", () => {
    expect(seedSet.messages.length).toBeGreaterThan(20);
    for (const schema of seedSet.messages) {
      expect(findMessageType(seedSet, displayName(schema))).toBe(schema);
    }
  });

  it("has no message for an unknown name, an enum name or a v1-only name", () => {
    expect(findMessageType(seedSet, "TaskInfoo")).toBeUndefined();
    expect(findMessageType(seedSet, "Mode")).toBeUndefined();
    expect(findMessageType(seedSet, "Call")).toBeUndefined();
  });
});

describe("findMessageType in mesos.v1", () => {
  it.each([
    ["TaskInfo", v1.TaskInfoSchema],
    ["mesos.v1.TaskInfo", v1.TaskInfoSchema],
    ["Volume", v1.VolumeSchema],
    ["DockerInfo", v1.ContainerInfo_DockerInfoSchema],
    ["TaskGroupInfo", v1.TaskGroupInfoSchema],
    ["AgentID", v1.AgentIDSchema],
    ["Call", scheduler.CallSchema],
    ["mesos.v1.scheduler.Event", scheduler.EventSchema],
    ["Call.Accept", scheduler.Call_AcceptSchema],
  ])("%s", (name, schema) => {
    expect(findMessageType(v1Set, name)).toBe(schema);
  });

  it("finds every message of mesos.v1 and its scheduler package by its display name", () => {
    expect(v1Set.messages.length).toBeGreaterThan(seedSet.messages.length);
    for (const schema of v1Set.messages) {
      expect(findMessageType(v1Set, displayName(schema))).toBe(schema);
    }
  });

  it("names an ambiguous last segment", () => {
    // PortMapping is both DockerInfo.PortMapping and NetworkInfo.PortMapping in mesos.v1.
    expect(() => findMessageType(v1Set, "PortMapping", "check")).toThrow(
      /ambiguous in mesos\.v1: say NetworkInfo\.PortMapping or ContainerInfo\.DockerInfo\.PortMapping/,
    );
  });
});

describe("requestType and typeFor: --type across both schemas", () => {
  it("a name both schemas have resolves per input schema", async () => {
    const request = await requestType("TaskInfo", undefined, "check");
    expect(request.seed).toBe(TaskInfoSchema);
    expect(await typeFor(request, "seed")).toBe(TaskInfoSchema);
    expect(await typeFor(request, "v1")).toBe(v1.TaskInfoSchema);
  });

  it("a v1-only name is v1 whatever the input looks like", async () => {
    const request = await requestType("Call", undefined, "check");
    expect(request.seed).toBeUndefined();
    expect(await typeFor(request, "seed")).toBe(scheduler.CallSchema);
  });

  it("a seed-only name stays seed for an input that looks v1", async () => {
    const request = await requestType("SlaveID", undefined, "check");
    expect(await typeFor(request, "v1")).toBe(request.seed);
  });

  it("refuses an unknown name with the known ones of both schemas", async () => {
    await expect(requestType("TaskInfoo", undefined, "check")).rejects.toThrow(UsageError);
    await expect(requestType("TaskInfoo", undefined, "check")).rejects.toThrow(
      /unknown --type "TaskInfoo"; known types in mesos: .*TaskInfo.*; in mesos\.v1: .*Call/,
    );
  });

  it("refuses enum names: only messages can be decoded", async () => {
    await expect(requestType("Mode", undefined, "check")).rejects.toThrow(UsageError);
  });

  it("--schema limits the names to that schema", async () => {
    await expect(requestType("Call", "seed", "check")).rejects.toThrow(/known types in mesos:/);
    await expect(requestType("SlaveID", "v1", "check")).rejects.toThrow(
      /known types in mesos\.v1:/,
    );
    expect((await requestType("Call", "v1", "check")).seed).toBeUndefined();
  });
});
