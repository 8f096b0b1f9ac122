// Byte-level facts written out by hand (not produced by any tool), so the seed's numbers are pinned
// independently of protobuf-es and buf: tag = field_number << 3 | wire_type.
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import {
  ContainerInfo_DockerInfo_VolumeSchema,
  ContainerInfo_Type,
  ContainerInfoSchema,
  ContainerInfo_DockerInfo_Volume_Mode as Mode,
  TaskInfoSchema,
} from "../../gen/mesos/mesos_pb.js";
import { dockerTask } from "../fixtures/canonical.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("wire layout of the seed's messages", () => {
  test("Volume{container_dir=1, host_dir=2, mode=3}; RO = 2 (byte-identical to Mesos's Volume)", () => {
    const v = create(ContainerInfo_DockerInfo_VolumeSchema, {
      containerDir: "/c",
      hostDir: "/h",
      mode: Mode.RO,
    });
    // 0a 02 "/c" | 12 02 "/h" | 18 02
    expect(hex(toBinary(ContainerInfo_DockerInfo_VolumeSchema, v))).toBe("0a022f6312022f681802");
  });

  test("ContainerInfo{type=1 DOCKER=1, docker=100{image=1, volume=2}}", () => {
    const c = create(ContainerInfoSchema, {
      type: ContainerInfo_Type.DOCKER,
      docker: { image: "b", volume: [{ containerDir: "/c", mode: Mode.RW }] },
    });
    // 08 01 | a2 06 (field 100, LEN) 0b | 0a 01 "b" | 12 06 (0a 02 "/c" 18 01)
    expect(hex(toBinary(ContainerInfoSchema, c))).toBe("0801a2060b0a016212060a022f631801");
  });
});

describe("unknown fields survive a round trip", () => {
  test("TaskInfo.health_check (8) and discovery (11), which we do not model, are written back", () => {
    const known = toBinary(TaskInfoSchema, dockerTask());
    // field 8 LEN {http=1 LEN {port=1: 8080 = varint 90 3f}} and field 11 LEN {visibility=1: 1}
    const extra = Buffer.from("42050a0308903f" + "5a020801", "hex");
    const input = Buffer.concat([known, extra]);
    const decoded = fromBinary(TaskInfoSchema, input);
    expect(decoded.$unknown?.map((u) => u.no)).toEqual([8, 11]);
    expect(Buffer.from(toBinary(TaskInfoSchema, decoded))).toEqual(input);
  });
});
