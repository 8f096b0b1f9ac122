// The generated reader keeps the IDs and Docker images it read recently (recentString: the
// `value` of TaskID, SlaveID, AgentID, ..., DockerInfo.image, Image.Docker.name) and hands the
// same string back when the bytes match. A stream that repeats them, and one that changes them by
// one byte, at the ends or in the middle (the same slot, the same length), must read exactly as
// fromBinary reads each message.
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { expect, test } from "vitest";
import { decode, TaskInfoSchema } from "../../src/index.js";
import * as v1 from "../../src/v1/index.js";

function seedTask(taskId: string, slaveId: string, image?: string) {
  return create(TaskInfoSchema, {
    name: "t",
    taskId: { value: taskId },
    slaveId: { value: slaveId },
    command: { value: "true" },
    ...(image === undefined ? {} : { container: { type: 1, docker: { image } } }),
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
  // Lengths around the cached range (17 to 64 ASCII characters), and non-ASCII text.
  const id = fc.oneof(
    fc.string({ unit: "binary-ascii", minLength: 15, maxLength: 66 }),
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
      for (const s of steps) {
        if (!s.repeat) {
          taskId = replaced(taskId, s.at, s.ch);
          image = replaced(image, s.at + 21, s.ch);
        }
        const bytes = toBinary(TaskInfoSchema, seedTask(taskId, agent, image));
        const decoded = decode(TaskInfoSchema, bytes);
        expect(decoded.taskId?.value).toBe(taskId);
        expect(decoded.container?.docker?.image).toBe(image);
        expect(decoded.slaveId?.value).toBe(agent);
        expect(decoded).toEqual(fromBinary(TaskInfoSchema, bytes));
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
