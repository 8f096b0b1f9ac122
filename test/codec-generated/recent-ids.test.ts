// The generated reader keeps the IDs, Docker images and volume paths it read recently
// (recentString: the `value` of TaskID, SlaveID, AgentID, ..., DockerInfo.image,
// Image.Docker.name, the seed's container_dir and host_dir, Mesos 1.11's container_path,
// host_path and docker volume name) and hands the same string back when the bytes match. A stream that repeats them, and one that changes them by
// one byte, at the ends or in the middle (the same slot, the same length), must read exactly as
// fromBinary reads each message.
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { expect, test } from "vitest";
import { decode, TaskInfoSchema } from "../../src/index.js";
import * as v1 from "../../src/v1/index.js";

function seedTask(taskId: string, slaveId: string, image?: string, path = "/data") {
  return create(TaskInfoSchema, {
    name: "t",
    taskId: { value: taskId },
    slaveId: { value: slaveId },
    command: { value: "true" },
    ...(image === undefined
      ? {}
      : {
          container: {
            type: 1,
            docker: { image, volume: [{ containerDir: path, hostDir: path, mode: 1 }] },
          },
        }),
  });
}

function v1Task(path: string, name: string) {
  return create(v1.TaskInfoSchema, {
    name: "t",
    taskId: { value: "t" },
    agentId: { value: "a" },
    command: { value: "true" },
    container: {
      type: v1.ContainerInfo_Type.DOCKER,
      docker: { image: "busybox" },
      volumes: [
        { containerPath: path, hostPath: path, mode: 1 },
        {
          containerPath: name,
          mode: 1,
          source: { type: v1.Volume_Source_Type.DOCKER_VOLUME, dockerVolume: { name } },
        },
      ],
    },
  });
}

// One code point of `id` replaced by `ch` at `at` (clamped into the string; by code point, so no
// surrogate pair is split: a lone surrogate is not text protobuf can carry).
function replaced(id: string, at: number, ch: string): string {
  const points = [...id];
  points[Math.min(at, points.length - 1)] = ch;
  return points.join("");
}

test("IDs that repeat, and IDs one byte away from a remembered one, read as fromBinary reads them", () => {
  // Lengths across the cached range (1 to 128 ASCII characters), and non-ASCII text.
  const id = fc.oneof(
    fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 66 }),
    fc.string({ unit: "binary-ascii", minLength: 120, maxLength: 132 }),
    fc.string({ unit: "grapheme", minLength: 6, maxLength: 30 }),
  );
  const step = fc.record({
    at: fc.nat({ max: 70 }),
    ch: fc.constantFrom("a", "b", "-", "é", "\u0000"),
    repeat: fc.boolean(),
  });
  fc.assert(
    fc.property(id, id, fc.array(step, { maxLength: 8 }), (first, agent, steps) => {
      let taskId = first;
      let image = `registry.example.com/${first}`;
      let path = `/${first}`;
      for (const s of steps) {
        if (!s.repeat) {
          taskId = replaced(taskId, s.at, s.ch);
          image = replaced(image, s.at + 21, s.ch);
          path = replaced(path, s.at + 1, s.ch);
        }
        const bytes = toBinary(TaskInfoSchema, seedTask(taskId, agent, image, path));
        const decoded = decode(TaskInfoSchema, bytes);
        expect(decoded.taskId?.value).toBe(taskId);
        expect(decoded.container?.docker?.image).toBe(image);
        expect(decoded.container?.docker?.volume[0]?.containerDir).toBe(path);
        expect(decoded.slaveId?.value).toBe(agent);
        expect(decoded).toEqual(fromBinary(TaskInfoSchema, bytes));
        const v1Bytes = toBinary(v1.TaskInfoSchema, v1Task(path, taskId));
        const v1Decoded = decode(v1.TaskInfoSchema, v1Bytes);
        expect(v1Decoded.container?.volumes[0]?.hostPath).toBe(path);
        expect(v1Decoded.container?.volumes[1]?.source?.dockerVolume?.name).toBe(taskId);
        expect(v1Decoded).toEqual(fromBinary(v1.TaskInfoSchema, v1Bytes));
      }
    }),
    { numRuns: 300 },
  );
});

test("a remembered ID is handed out for the same bytes, in either schema", () => {
  const agent = "20140801-000000-0000000000-5050-S0";
  const a = decode(TaskInfoSchema, toBinary(TaskInfoSchema, seedTask("task-1", agent)));
  const b = decode(TaskInfoSchema, toBinary(TaskInfoSchema, seedTask("task-2", agent)));
  expect(b.slaveId?.value).toBe(agent);
  expect(a.slaveId?.value).toBe(b.slaveId?.value);
  const task = create(v1.TaskInfoSchema, {
    name: "t",
    taskId: { value: "task-3" },
    agentId: { value: `${agent.slice(0, -1)}1` },
    command: { value: "true" },
    container: {
      type: v1.ContainerInfo_Type.MESOS,
      mesos: { image: { type: v1.Image_Type.DOCKER, docker: { name: `example.com/${agent}` } } },
    },
  });
  const bytes = toBinary(v1.TaskInfoSchema, task);
  expect(decode(v1.TaskInfoSchema, bytes)).toEqual(fromBinary(v1.TaskInfoSchema, bytes));
});

test("a truncated ID fails as before, whether or not its bytes start like a remembered one", () => {
  const agent = "20140801-000000-0000000000-5050-S0";
  decode(TaskInfoSchema, toBinary(TaskInfoSchema, seedTask("task-1", agent)));
  const bytes = toBinary(TaskInfoSchema, seedTask("task-1", agent));
  const cut = bytes.subarray(0, bytes.length - 20);
  expect(() => decode(TaskInfoSchema, cut)).toThrow(/truncated|cannot decode/);
});
