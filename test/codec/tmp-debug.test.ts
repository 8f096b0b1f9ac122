import { create, toBinary } from "@bufbuild/protobuf";
import { test } from "vitest";
import { decode } from "../../src/codec/index.js";
import { NodeSchema } from "./test-schema.js";
test("x", () => {
  const m = create(NodeSchema, { id: 0, doubles: [0] });
  const b = toBinary(NodeSchema, m);
  console.log(Buffer.from(b).toString("hex"), b.byteOffset, b.buffer.byteLength);
  console.log(decode(NodeSchema, b));
});
