// Golden wire fixtures: the committed bytes must equal what protobuf-es produces AND what Go's
// protobuf (`buf convert`) produces from the committed JSON. A renumbered or retyped field changes
// the bytes, so it can never slip through unnoticed.
// To re-create after an intended change: UPDATE_GOLDEN=1 npx vitest run test/schema/golden.test.ts
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { type DescMessage, equals, fromBinary, toBinary, toJsonString } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { OfferSchema, TaskInfoSchema } from "../../gen/mesos/mesos_pb.js";
import {
  commandTask,
  dockerExecutorTask,
  dockerTask,
  legacyDockerTask,
  offer,
} from "../fixtures/canonical.js";
import { buf, ROOT } from "../helpers/buf.js";

const DIR = resolve(ROOT, "test/fixtures/golden");
const update = process.env.UPDATE_GOLDEN === "1";

// biome-ignore lint/suspicious/noExplicitAny: a table of mixed schemas
const CASES: [string, DescMessage, () => any][] = [
  ["command-task", TaskInfoSchema, commandTask],
  ["docker-task", TaskInfoSchema, dockerTask],
  ["docker-executor-task", TaskInfoSchema, dockerExecutorTask],
  ["legacy-docker-task", TaskInfoSchema, legacyDockerTask],
  ["offer", OfferSchema, () => offer(8)],
];

describe.each(CASES)("golden %s", (name, schema, build) => {
  const binPath = resolve(DIR, `${name}.binpb`);
  const jsonPath = resolve(DIR, `${name}.json`);
  if (update) {
    writeFileSync(binPath, toBinary(schema, build()));
    writeFileSync(jsonPath, `${toJsonString(schema, build(), { prettySpaces: 2 })}\n`);
  }

  test("fixture files exist", () => {
    expect(existsSync(binPath)).toBe(true);
    expect(existsSync(jsonPath)).toBe(true);
  });

  test("protobuf-es encodes the canonical message to the committed bytes", () => {
    expect(Buffer.from(toBinary(schema, build()))).toEqual(readFileSync(binPath));
  });

  test("the committed bytes decode to the canonical message", () => {
    expect(equals(schema, fromBinary(schema, readFileSync(binPath)), build())).toBe(true);
  });

  test("Go protobuf (buf convert) encodes the committed JSON to the same bytes", () => {
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
});
