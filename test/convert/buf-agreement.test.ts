// toMesosV1's output is the wire Mesos 1.11 reads, checked by an independent implementation:
// Go protobuf (`buf convert` with proto/mesos/v1) reads our bytes as the same JSON protobuf-es
// writes, and encodes that JSON back to exactly our bytes. The tasks are batched in one
// TaskGroupInfo (repeated TaskInfo = 1) so Go runs once per direction.
import { create, type DescMessage, type Message, toBinary, toJson } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as seed from "../../gen/mesos/mesos_pb.js";
import * as v1 from "../../gen/mesos/v1/mesos_pb.js";
import * as scheduler from "../../gen/mesos/v1/scheduler/scheduler_pb.js";
import { toMesosV1 } from "../../src/convert/index.js";
import { offer as offerArb, taskInfo } from "../../src/testing/index.js";
import {
  commandTask,
  dockerExecutorTask,
  dockerTask,
  legacyDockerTask,
  offer,
} from "../fixtures/canonical.js";
import { buf } from "../helpers/buf.js";

function v1Task(task: seed.TaskInfo): v1.TaskInfo {
  const r = toMesosV1(seed.TaskInfoSchema, task);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.data;
}

function goJson(schema: DescMessage, bytes: Uint8Array): unknown {
  const r = buf(
    [
      "convert",
      "proto",
      "--type",
      schema.typeName,
      "--from",
      "-#format=binpb",
      "--to",
      "-#format=json",
    ],
    { input: bytes },
  );
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout.toString());
}

function goBytes(schema: DescMessage, json: unknown): Buffer {
  const r = buf(
    [
      "convert",
      "proto",
      "--type",
      schema.typeName,
      "--from",
      "-#format=json",
      "--to",
      "-#format=binpb",
    ],
    {
      input: new TextEncoder().encode(JSON.stringify(json)),
    },
  );
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}

function agree(schema: DescMessage, message: Message): void {
  const bytes = toBinary(schema, message);
  const json = toJson(schema, message);
  expect(goJson(schema, bytes)).toEqual(json);
  expect(goBytes(schema, json)).toEqual(Buffer.from(bytes));
}

describe("Go protobuf with Mesos 1.11's schema reads toMesosV1's bytes as we do", () => {
  test("the canonical tasks and 40 sampled seed tasks, converted", () => {
    const sampled = fc.sample(taskInfo(), { numRuns: 40, seed: 20140801 });
    const tasks = [
      commandTask(),
      dockerTask(),
      dockerExecutorTask(),
      legacyDockerTask(),
      ...sampled,
    ].map(v1Task);
    const group = create(v1.TaskGroupInfoSchema, { tasks });
    agree(v1.TaskGroupInfoSchema, group);
    // Go sees the Docker task as Mesos does: docker at field 3, volumes at ContainerInfo field 2.
    const docker = goJson(
      v1.TaskInfoSchema,
      toBinary(v1.TaskInfoSchema, tasks[1] as v1.TaskInfo),
    ) as {
      container: { docker: { image: string }; volumes: { containerPath: string }[] };
      agentId: { value: string };
    };
    expect(docker.container.docker.image).toBe("busybox:1.36");
    expect(docker.container.volumes.map((v) => v.containerPath)).toEqual([
      "/data",
      "/etc/app",
      "/scratch",
    ]);
    expect(docker.agentId.value).toBe(dockerTask().slaveId?.value);
  });

  test("offers, converted, in one scheduler OFFERS event", () => {
    const offers = [offer(8), ...fc.sample(offerArb(), { numRuns: 20, seed: 7 })].map((o) => {
      const r = toMesosV1(seed.OfferSchema, o);
      if (!r.success) throw new Error(JSON.stringify(r.issues));
      return r.data;
    });
    const event = create(scheduler.EventSchema, {
      type: scheduler.Event_Type.OFFERS,
      offers: { offers },
    });
    agree(scheduler.EventSchema, event);
  });
});
