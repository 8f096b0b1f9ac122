// v1 golden fixtures: Mesos v1 API JSON (Mesos's snake_case names, enum names, base64 bytes, int64
// as strings, "Infinity" for a limit) and the bytes three independent encoders agree on:
//   - test/fixtures/v1/<name>.binpb was written ONCE by Go protobuf (`buf convert`) compiling
//     Mesos 1.11.0's own include/mesos/v1/mesos.proto and scheduler/scheduler.proto, not ours:
//     it is the wire a Mesos 1.11 master reads, independent of proto/mesos/v1;
//   - protobuf-es encodes the JSON, read with our generated schema, to exactly those bytes;
//   - Go protobuf (`buf convert`) with our proto/mesos/v1 encodes the JSON to exactly those bytes.
// The bytes decode back to a message equal to the JSON's, and JSON round-trips.
// To re-create a .binpb after an intended fixture change, run `buf convert` against Mesos 1.11.0's
// own .proto files (never against proto/ here, or the check loses its independence).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  type DescMessage,
  equals,
  fromBinary,
  fromJson,
  type JsonValue,
  toBinary,
  toJson,
} from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import {
  Environment_Variable_Type,
  ExecutorInfo_Type,
  ExecutorInfoSchema,
  OfferSchema,
  TaskGroupInfoSchema,
  TaskInfoSchema,
} from "../../gen/mesos/v1/mesos_pb.js";
import { CallSchema, EventSchema } from "../../gen/mesos/v1/scheduler/scheduler_pb.js";
import { isSet } from "../../src/schema/index.js";
import { buf, ROOT } from "../helpers/buf.js";

const DIR = resolve(ROOT, "test/fixtures/v1");

const CASES: [string, DescMessage][] = [
  ["docker-task", TaskInfoSchema],
  ["mesos-task", TaskInfoSchema],
  ["default-executor", ExecutorInfoSchema],
  ["task-group", TaskGroupInfoSchema],
  ["offer", OfferSchema],
  ["call-subscribe", CallSchema],
  ["call-accept-launch", CallSchema],
  ["call-accept-launch-group", CallSchema],
  ["call-decline", CallSchema],
  ["call-acknowledge", CallSchema],
  ["call-kill", CallSchema],
  ["event-subscribed", EventSchema],
  ["event-offers", EventSchema],
  ["event-update", EventSchema],
  ["event-rescind", EventSchema],
  ["event-failure", EventSchema],
  ["event-error", EventSchema],
  ["event-heartbeat", EventSchema],
];

function readJson(name: string): JsonValue {
  return JSON.parse(readFileSync(resolve(DIR, `${name}.json`), "utf8")) as JsonValue;
}

describe.each(CASES)("v1 golden %s", (name, schema) => {
  const jsonPath = resolve(DIR, `${name}.json`);
  const binPath = resolve(DIR, `${name}.binpb`);

  test("fixture files exist", () => {
    expect(existsSync(jsonPath)).toBe(true);
    expect(existsSync(binPath)).toBe(true);
  });

  test("protobuf-es encodes the JSON to the bytes Mesos's own schema gives", () => {
    const msg = fromJson(schema, readJson(name));
    expect(Buffer.from(toBinary(schema, msg))).toEqual(readFileSync(binPath));
  });

  test("Go protobuf (buf convert) with proto/mesos/v1 encodes the JSON to the same bytes", () => {
    const r = buf([
      "convert",
      "proto",
      "--type",
      schema.typeName,
      "--from",
      `${jsonPath}#format=json`,
      "--to",
      "-#format=binpb",
    ]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toEqual(readFileSync(binPath));
  });

  test("the bytes decode to the JSON's message, and it re-encodes to the same bytes", () => {
    const bytes = readFileSync(binPath);
    const decoded = fromBinary(schema, bytes);
    expect(equals(schema, decoded, fromJson(schema, readJson(name)))).toBe(true);
    expect(decoded.$unknown).toBeUndefined();
    expect(Buffer.from(toBinary(schema, decoded))).toEqual(bytes);
  });

  test("JSON round-trips: toJson of the decoded message reads back equal", () => {
    const decoded = fromBinary(schema, readFileSync(binPath));
    const again = fromJson(schema, toJson(schema, decoded));
    expect(equals(schema, again, decoded)).toBe(true);
  });
});

describe("v1 fixtures carry what the scheduler conversation needs", () => {
  test("the Docker task has docker at ContainerInfo field 3 and its volumes at field 2", () => {
    const bytes = readFileSync(resolve(DIR, "docker-task.binpb"));
    const task = fromBinary(TaskInfoSchema, bytes);
    expect(task.container?.docker?.image).toBe("library/nginx:1.27");
    expect(task.container?.volumes.map((v) => v.containerPath)).toEqual([
      "/var/log/nginx",
      "/etc/nginx/conf.d",
      "/cache",
    ]);
    expect(task.limits.cpus?.value).toBe(Number.POSITIVE_INFINITY);
  });

  test("ACCEPT carries one LAUNCH_GROUP with a DEFAULT executor that has no command", () => {
    const call = fromBinary(
      CallSchema,
      readFileSync(resolve(DIR, "call-accept-launch-group.binpb")),
    );
    const op = call.accept?.operations[0];
    expect(op?.launchGroup?.executor?.type).toBe(ExecutorInfo_Type.DEFAULT);
    expect(op?.launchGroup?.executor?.command).toBeUndefined();
    expect(op?.launchGroup?.taskGroup?.tasks.map((t) => t.name)).toEqual(["app", "sidecar"]);
  });

  test("the MESOS task has a SECRET environment variable with no value", () => {
    const task = fromBinary(TaskInfoSchema, readFileSync(resolve(DIR, "mesos-task.binpb")));
    const secret = task.command?.environment?.variables.find((v) => v.name === "DB_PASSWORD");
    expect(secret?.type).toBe(Environment_Variable_Type.SECRET);
    expect(secret?.secret?.reference?.name).toBe("/db/password");
    expect(secret && isSet(secret, "value")).toBe(false);
  });
});
