// The README's conversion example is real code: the README shows exactly the lines of
// readme-example.ts between its markers, and running them gives what the comments claim.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { equals, fromBinary } from "@bufbuild/protobuf";
import { expect, test } from "vitest";
import * as seed from "../../gen/mesos/mesos_pb.js";
import * as v1 from "../../gen/mesos/v1/mesos_pb.js";
import { ROOT } from "../helpers/buf.js";
import { run } from "./readme-example.js";

const README = readFileSync(resolve(ROOT, "README.md"), "utf8");
const SECTION = README.slice(README.indexOf("## Talking to a real Mesos"));

function snippet(): string {
  const source = readFileSync(resolve(ROOT, "test/convert/readme-example.ts"), "utf8");
  const body = source.slice(
    source.indexOf("// readme:start\n") + 16,
    source.indexOf("  // readme:end"),
  );
  return body
    .split("\n")
    .map((line) => line.replace(/^ {2}/, ""))
    .join("\n")
    .trimEnd();
}

test("the README section exists and shows the example's code verbatim", () => {
  expect(README).toContain("## Talking to a real Mesos");
  expect(SECTION).toContain(snippet());
});

test("the example does what its comments say", () => {
  const { task, bytes, json, back } = run();
  const decoded = fromBinary(v1.TaskInfoSchema, bytes);
  expect(decoded.container?.docker?.image).toBe("busybox");
  expect(decoded.container?.volumes[0]?.hostPath).toBe("/var/data");
  expect(decoded.$unknown).toBeUndefined();
  const j = json as {
    agent_id: { value: string };
    container: { docker: { image: string }; volumes: unknown[] };
  };
  expect(j.agent_id.value).toBe("20140801-000000-0000000000-5050-S0");
  expect(j.container.docker.image).toBe("busybox");
  expect(j.container.volumes[0]).toEqual({
    container_path: "/data",
    host_path: "/var/data",
    mode: "RW",
  });
  expect(back.success && equals(seed.TaskInfoSchema, back.data, task)).toBe(true);
});

test("the README no longer claims our Volume is byte-identical on the wire without its position", () => {
  expect(README).not.toMatch(/Volume\s+is\s+byte-identical to Mesos's on the wire\./);
});
