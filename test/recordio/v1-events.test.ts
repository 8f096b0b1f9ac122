// The v1 scheduler event stream as a Mesos 1.11 master sends it: the SUBSCRIBED, OFFERS, UPDATE,
// RESCIND, FAILURE, ERROR and HEARTBEAT events of test/fixtures/v1 (bytes written by Go protobuf
// from Mesos 1.11.0's own scheduler.proto), RecordIO-framed back to back, read as typed Events in
// protobuf and in JSON framing, whatever the chunking.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { equals, fromBinary } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { Event_Type, EventSchema } from "../../gen/mesos/v1/scheduler/scheduler_pb.js";
import { toMesosJson } from "../../src/codec/index.js";
import { readEvents, writeRecordIO, writeRecordIOText } from "../../src/recordio/index.js";
import { ROOT } from "../helpers/buf.js";
import { concat, drain, sourceOf } from "./helpers.js";

const NAMES = ["subscribed", "offers", "update", "rescind", "failure", "error", "heartbeat"];
const BYTES = NAMES.map((n) => readFileSync(resolve(ROOT, `test/fixtures/v1/event-${n}.binpb`)));
const EVENTS = BYTES.map((b) => fromBinary(EventSchema, b));

describe("a v1 scheduler event stream", () => {
  test("the fixtures are the seven event types, in order", () => {
    expect(EVENTS.map((e) => Event_Type[e.type])).toEqual(NAMES.map((n) => n.toUpperCase()));
  });

  const protobuf = concat(BYTES.map((b) => writeRecordIO(new Uint8Array(b))));
  const json = concat(
    EVENTS.map((e) => writeRecordIOText(JSON.stringify(toMesosJson(EventSchema, e)))),
  );

  for (const [format, stream] of [
    ["protobuf", protobuf],
    ["json", json],
  ] as const) {
    for (const chunk of [1, 7, stream.length]) {
      test(`${format} framing, ${chunk}-byte chunks: every event arrives typed and equal`, async () => {
        const chunks: Uint8Array[] = [];
        for (let i = 0; i < stream.length; i += chunk) chunks.push(stream.subarray(i, i + chunk));
        const got = await drain(
          readEvents(EventSchema, sourceOf("Node Readable", chunks), { format }),
        );
        expect(got.error).toBeUndefined();
        expect(got.items).toHaveLength(EVENTS.length);
        got.items.forEach((event, i) => {
          expect(equals(EventSchema, event, EVENTS[i] as (typeof EVENTS)[number])).toBe(true);
        });
      });
    }
  }
});
