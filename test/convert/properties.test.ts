// Conversion properties over the seed arbitraries (valid by construction) and over ANY message
// of either schema (arbitraryMessage, unknown fields included): seed → v1 succeeds for valid
// messages, seed → v1 → seed is identity (the legacy form comes back migrated), v1 → seed → v1 is
// identity whenever the seed can carry the message, and a failure is never silent: every error
// names a conversion code and a path.
import {
  clone,
  create,
  type DescMessage,
  equals,
  type Message,
  toBinary,
} from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, test } from "vitest";
import * as seed from "../../gen/mesos/mesos_pb.js";
import * as v1 from "../../gen/mesos/v1/mesos_pb.js";
import { fromMesosV1, toMesosV1 } from "../../src/convert/index.js";
import type { IssueCode } from "../../src/problems/index.js";
import {
  arbitraryMessage,
  attribute,
  commandInfo,
  containerInfo,
  dockerInfo,
  executorInfo,
  offer,
  resource,
  taskInfo,
  volume,
} from "../../src/testing/index.js";

const RUNS = { numRuns: 150 };
const WARNINGS: IssueCode[] = ["legacy_container_migrated", "anonymous_volume_refused_by_mesos"];

type AnyConvert = (schema: DescMessage, message: Message) => ReturnType<typeof toMesosV1>;
const to = toMesosV1 as unknown as AnyConvert;
const from = fromMesosV1 as unknown as AnyConvert;

function v1Of(schema: DescMessage): DescMessage {
  const name =
    schema.typeName === "mesos.ContainerInfo.DockerInfo.Volume"
      ? "mesos.v1.Volume"
      : schema.typeName.replace(/^mesos\./, "mesos.v1.");
  const found = Object.values(v1).find(
    (x) =>
      typeof x === "object" &&
      x !== null &&
      (x as DescMessage).typeName === name &&
      (x as DescMessage).kind === "message",
  );
  if (found === undefined) throw new Error(name);
  return found as DescMessage;
}

/** The seed message with each legacy docker:/// container moved the way toMesosV1 moves it. */
function migrated(task: seed.TaskInfo): seed.TaskInfo {
  const copy = clone(seed.TaskInfoSchema, task);
  for (const holder of [copy, copy.executor]) {
    const legacy = holder?.command?.container;
    if (holder === undefined || holder.command === undefined || legacy === undefined) continue;
    holder.container = create(seed.ContainerInfoSchema, {
      type: seed.ContainerInfo_Type.DOCKER,
      docker: { image: legacy.image.slice("docker:///".length) },
    });
    holder.command.container = undefined;
  }
  return copy;
}

const SEED_CASES: [string, DescMessage, fc.Arbitrary<Message>][] = [
  ["TaskInfo (no legacy)", seed.TaskInfoSchema, taskInfo({ legacy: false })],
  ["ExecutorInfo (docker)", seed.ExecutorInfoSchema, executorInfo({ image: "docker" })],
  ["ExecutorInfo (custom)", seed.ExecutorInfoSchema, executorInfo({ image: "custom" })],
  ["Offer", seed.OfferSchema, offer()],
  ["ContainerInfo", seed.ContainerInfoSchema, containerInfo()],
  ["CommandInfo", seed.CommandInfoSchema, commandInfo()],
  ["Resource", seed.ResourceSchema, resource()],
  ["Attribute", seed.AttributeSchema, attribute()],
  ["Volume", seed.ContainerInfo_DockerInfo_VolumeSchema, volume()],
];

describe("seed arbitraries convert to v1 and back", () => {
  test.each(SEED_CASES)(
    "%s: seed → v1 succeeds and seed → v1 → seed is identity",
    (_, schema, arb) => {
      fc.assert(
        fc.property(arb, (message) => {
          const there = to(schema, message);
          if (!there.success) return false;
          if (there.data.$typeName !== v1Of(schema).typeName) return false;
          if (!there.issues.every((i) => WARNINGS.includes(i.code))) return false;
          const back = from(v1Of(schema), there.data as Message);
          return (
            back.success &&
            back.issues.length === 0 &&
            equals(schema, back.data as Message, message)
          );
        }),
        RUNS,
      );
    },
  );

  test("every seed TaskInfo (legacy forms included) converts; the legacy form comes back migrated", () => {
    fc.assert(
      fc.property(taskInfo(), (task) => {
        const there = toMesosV1(seed.TaskInfoSchema, task);
        if (!there.success) return false;
        const legacy = [task.command?.container, task.executor?.command?.container].filter(
          (c) => c !== undefined,
        ).length;
        const warned = there.issues.filter((i) => i.code === "legacy_container_migrated").length;
        const back = fromMesosV1(v1.TaskInfoSchema, there.data);
        return (
          warned === legacy &&
          back.success &&
          equals(seed.TaskInfoSchema, back.data, migrated(task))
        );
      }),
      RUNS,
    );
  });

  test("a bare DockerInfo converts iff it has no volumes (v1 keeps them in ContainerInfo)", () => {
    fc.assert(
      fc.property(dockerInfo(), (d) => {
        const r = toMesosV1(seed.ContainerInfo_DockerInfoSchema, d);
        return d.volume.length === 0
          ? r.success && r.data.image === d.image
          : !r.success && r.issues.length === 1 && r.issues[0]?.code === "not_in_v1";
      }),
      RUNS,
    );
  });

  test("the output shares nothing with the input: mutating it leaves the seed message unchanged", () => {
    fc.assert(
      fc.property(taskInfo(), (task) => {
        const before = toBinary(seed.TaskInfoSchema, task);
        const r = toMesosV1(seed.TaskInfoSchema, task);
        if (!r.success) return false;
        r.data.resources.length = 0;
        if (r.data.data.length > 0) r.data.data[0] = (r.data.data[0] ?? 0) ^ 1;
        return Buffer.from(toBinary(seed.TaskInfoSchema, task)).equals(before);
      }),
      RUNS,
    );
  });
});

const CONVERSION_CODES: IssueCode[] = [
  "not_in_seed",
  "required_in_seed",
  "not_in_v1",
  "unknown_field_conflict",
  "legacy_conflict",
  ...WARNINGS,
];

function explained(issues: readonly { code: IssueCode; message: string }[]): boolean {
  return (
    issues.length > 0 &&
    issues.every((i) => CONVERSION_CODES.includes(i.code) && i.message.length > 0)
  );
}

/** Equal as messages and byte for byte (equals() does not compare unknown fields). */
function same(schema: DescMessage, a: Message, b: Message): boolean {
  return equals(schema, a, b) && Buffer.from(toBinary(schema, a)).equals(toBinary(schema, b));
}

describe("any message of either schema (arbitraryMessage, unknown fields included)", () => {
  const options = { unknownFields: true, maxDepth: 5 };

  test.each([
    ["TaskInfo", v1.TaskInfoSchema],
    ["ExecutorInfo", v1.ExecutorInfoSchema],
    ["Offer", v1.OfferSchema],
    ["ContainerInfo", v1.ContainerInfoSchema],
  ] as [string, DescMessage][])(
    "v1 %s: v1 → seed → v1 is identity, or fails with explained issues",
    (_, schema) => {
      const seedSchema = Object.values(seed).find(
        (x) => (x as DescMessage)?.typeName === schema.typeName.replace("mesos.v1.", "mesos."),
      ) as DescMessage;
      fc.assert(
        fc.property(arbitraryMessage(schema, options), (message) => {
          const back = from(schema, message as Message);
          if (!back.success) return explained(back.issues);
          const again = to(seedSchema, back.data as Message);
          return again.success && same(schema, again.data as Message, message as Message);
        }),
        RUNS,
      );
    },
  );

  test.each([
    ["TaskInfo", seed.TaskInfoSchema],
    ["ExecutorInfo", seed.ExecutorInfoSchema],
    ["Offer", seed.OfferSchema],
  ] as [string, DescMessage][])(
    "seed %s: seed → v1 → seed is identity (legacy aside), or fails with explained issues",
    (_, schema) => {
      fc.assert(
        fc.property(arbitraryMessage(schema, options), (message) => {
          const there = to(schema, message as Message);
          if (!there.success) return explained(there.issues);
          const back = from(v1Of(schema), there.data as Message);
          if (!back.success) return false;
          const legacy = there.issues.some((i) => i.code === "legacy_container_migrated");
          return legacy || same(schema, back.data as Message, message as Message);
        }),
        RUNS,
      );
    },
  );

  test("every issue of a failed v1 TaskInfo conversion points into the message (a non-empty path)", () => {
    fc.assert(
      fc.property(arbitraryMessage(v1.TaskInfoSchema, options), (message) => {
        const r = fromMesosV1(v1.TaskInfoSchema, message);
        return r.success || r.issues.every((i) => i.path.length > 0);
      }),
      RUNS,
    );
  });
});
