// Why mesos.v1 exists: the seed's bytes and Mesos 1.11's bytes only partly agree. A seed Docker
// task decoded with Mesos's schema has NO docker (the seed writes it at ContainerInfo field 100,
// Mesos reads field 3) and no volumes (the seed nests them in DockerInfo, Mesos reads
// ContainerInfo field 2); the field-100 bytes survive only as unknown data. The other way round,
// a real Mesos Docker task decoded with the seed schema loses its docker and volumes the same way.
// Everything else the seed models (ids, resources, command, offers) is byte-identical.
import { create, equals, fromBinary, toBinary } from "@bufbuild/protobuf";
import { BinaryReader } from "@bufbuild/protobuf/wire";
import { describe, expect, test } from "vitest";
import * as seed from "../../gen/mesos/mesos_pb.js";
import * as v1 from "../../gen/mesos/v1/mesos_pb.js";
import { isSet, unknownEnumNumber } from "../../src/schema/index.js";
import { commandTask, dockerTask, offer } from "../fixtures/canonical.js";

describe("seed bytes read as Mesos 1.11 (mesos.v1)", () => {
  test("a seed Docker task decoded as v1 has a DOCKER container with no docker and no volumes", () => {
    const bytes = toBinary(seed.TaskInfoSchema, dockerTask());
    const task = fromBinary(v1.TaskInfoSchema, bytes);
    expect(task.container?.type).toBe(v1.ContainerInfo_Type.DOCKER);
    expect(task.container?.docker).toBeUndefined();
    expect(task.container?.volumes).toEqual([]);
    // The DockerInfo went to $unknown under field 100 (length-delimited), nowhere else.
    const unknown = task.container?.$unknown ?? [];
    expect(unknown.map((u) => [u.no, u.wireType])).toEqual([[100, 2]]);
    // Its payload is the seed DockerInfo, image and volumes included: carried, but not read.
    // protobuf-es keeps a length-delimited unknown field with its length prefix.
    const payload = new BinaryReader(unknown[0]?.data ?? new Uint8Array()).bytes();
    const carried = fromBinary(seed.ContainerInfo_DockerInfoSchema, payload);
    expect(carried.image).toBe("busybox:1.36");
    expect(carried.volume).toHaveLength(3);
  });

  test("the seed's slave_id arrives as v1 agent_id (same number 3, same AgentID/SlaveID shape)", () => {
    const seedTask = dockerTask();
    const task = fromBinary(v1.TaskInfoSchema, toBinary(seed.TaskInfoSchema, seedTask));
    expect(task.agentId?.value).toBe(seedTask.slaveId?.value);
    expect(task.taskId?.value).toBe(seedTask.taskId?.value);
    expect(task.name).toBe(seedTask.name);
  });

  test("a seed command task (no container) is read completely and re-encodes byte-identically", () => {
    const bytes = toBinary(seed.TaskInfoSchema, commandTask());
    const task = fromBinary(v1.TaskInfoSchema, bytes);
    expect(task.$unknown).toBeUndefined();
    expect(task.command?.value).toBe("echo hello && sleep 1");
    expect(toBinary(v1.TaskInfoSchema, task)).toEqual(bytes);
  });

  test("offers agree both ways: a seed offer is a v1 offer byte for byte", () => {
    const bytes = toBinary(seed.OfferSchema, offer(8));
    const asV1 = fromBinary(v1.OfferSchema, bytes);
    expect(asV1.$unknown).toBeUndefined();
    expect(asV1.resources).toHaveLength(8);
    expect(toBinary(v1.OfferSchema, asV1)).toEqual(bytes);
    expect(
      equals(
        seed.OfferSchema,
        fromBinary(seed.OfferSchema, toBinary(v1.OfferSchema, asV1)),
        offer(8),
      ),
    ).toBe(true);
  });
});

describe("Mesos 1.11 bytes read as the seed", () => {
  test("a v1 Docker task decoded with the seed schema has no docker; volumes (2) and docker (3) are unknown", () => {
    const real = create(v1.TaskInfoSchema, {
      name: "web",
      taskId: { value: "web-1" },
      agentId: { value: "S1" },
      container: {
        type: v1.ContainerInfo_Type.DOCKER,
        volumes: [{ containerPath: "/data", hostPath: "/var/data", mode: v1.Volume_Mode.RW }],
        docker: { image: "nginx:1.27", network: v1.ContainerInfo_DockerInfo_Network.BRIDGE },
      },
    });
    const task = fromBinary(seed.TaskInfoSchema, toBinary(v1.TaskInfoSchema, real));
    expect(task.slaveId?.value).toBe("S1");
    expect(task.container?.type).toBe(seed.ContainerInfo_Type.DOCKER);
    expect(task.container?.docker).toBeUndefined();
    expect(task.container?.$unknown?.map((u) => [u.no, u.wireType])).toEqual([
      [2, 2],
      [3, 2],
    ]);
  });

  test("a v1 MESOS container (type 2) is not a seed ContainerInfo.Type: the value goes to $unknown", () => {
    const real = create(v1.ContainerInfoSchema, { type: v1.ContainerInfo_Type.MESOS });
    const asSeed = fromBinary(seed.ContainerInfoSchema, toBinary(v1.ContainerInfoSchema, real));
    expect(isSet(asSeed, "type")).toBe(false);
    expect(unknownEnumNumber(asSeed, 1)).toBe(2);
  });
});
