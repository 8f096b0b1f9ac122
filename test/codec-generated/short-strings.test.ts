// The generated reader builds short ASCII strings (up to 32 bytes) with one fromCharCode call per
// length: every length, at every offset in the input, and the boundaries to the other paths
// (33 bytes, non-ASCII), read as fromBinary reads them.
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { expect, test } from "vitest";
import { decode, TaskInfoSchema } from "../../src/index.js";

function task(name: string, id: string) {
  return create(TaskInfoSchema, {
    name,
    taskId: { value: id },
    slaveId: { value: "agent" },
    command: { value: "true" },
  });
}

test.each(Array.from({ length: 36 }, (_, n) => n))("an ASCII name of %i bytes", (n) => {
  const name = Array.from({ length: n }, (_, i) => String.fromCharCode(0x20 + ((i * 7) % 95))).join(
    "",
  );
  const bytes = toBinary(TaskInfoSchema, task(name, "x".repeat(n)));
  const decoded = decode(TaskInfoSchema, bytes);
  expect(decoded.name).toBe(name);
  expect(decoded.taskId?.value).toBe("x".repeat(n));
  expect(decoded).toEqual(fromBinary(TaskInfoSchema, bytes));
});

test("any string up to 40 code points, ASCII or not, reads as fromBinary reads it", () => {
  const text = fc.oneof(
    fc.string({ unit: "binary-ascii", maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 40 }),
  );
  fc.assert(
    fc.property(text, text, (name, id) => {
      const bytes = toBinary(TaskInfoSchema, task(name, id));
      const decoded = decode(TaskInfoSchema, bytes);
      expect(decoded.name).toBe(name);
      expect(decoded.taskId?.value).toBe(id);
    }),
    { numRuns: 300 },
  );
});
