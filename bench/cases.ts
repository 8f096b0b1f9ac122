// The four messages of issue 8, the same four in Mesos 1.11's schema (issue 14, item 5: converted
// with toMesosV1), and the operations measured on each. Before anything is timed,
// every operation runs once and the results are cross-checked (same bytes, equal messages, valid
// verdicts), so a fast number can never come from a function that does the wrong thing.
import {
  create,
  type DescMessage,
  equals,
  fromBinary,
  fromJson,
  isFieldSet,
  type Message,
  toBinary,
  toJson,
} from "@bufbuild/protobuf";
import { reflectiveDecode } from "../src/codec/decode.js";
import { reflectiveEncode } from "../src/codec/encode.js";
import {
  decode,
  decodeLaunch,
  encode,
  fromMesosJson,
  OfferSchema,
  resolveLaunch,
  type TaskInfo,
  TaskInfoSchema,
  toMesosJson,
  toMesosV1,
  validate,
} from "../src/index.js";
import * as v1 from "../src/v1/index.js";
import { commandTask, dockerExecutorTask, dockerTask, offer } from "../test/fixtures/canonical.js";
import type { Operation } from "./harness.js";
import type { ProtobufjsTypeName, ProtobufjsTypes } from "./protobufjs.js";

export interface MessageCase {
  readonly id: string;
  readonly label: string;
  readonly schema: DescMessage;
  /** Name of the same message in the protobufjs root. */
  readonly protobufjsType: ProtobufjsTypeName;
  readonly bytes: Uint8Array;
  /** A TaskInfo: resolveLaunch applies. */
  readonly isTask: boolean;
}

export function messageCases(): MessageCase[] {
  const task = (id: string, label: string, message: TaskInfo): MessageCase => ({
    id,
    label,
    schema: TaskInfoSchema,
    protobufjsType: "TaskInfo",
    bytes: toBinary(TaskInfoSchema, message),
    isTask: true,
  });
  // The same task in Mesos 1.11's schema.
  const v1Task = (seed: MessageCase, message: TaskInfo): MessageCase => ({
    id: `v1-${seed.id}`,
    label: `v1 ${seed.label}`,
    schema: v1.TaskInfoSchema,
    protobufjsType: "v1.TaskInfo",
    bytes: toBinary(
      v1.TaskInfoSchema,
      withVolumeSources(converted(toMesosV1(TaskInfoSchema, message))),
    ),
    isTask: true,
  });
  const seedTasks: [MessageCase, TaskInfo][] = [
    [task("command-task", "command task", commandTask()), commandTask()],
    [task("docker-task", "Docker task, 3 volumes", dockerTask()), dockerTask()],
    [task("executor-task", "Docker executor task", dockerExecutorTask()), dockerExecutorTask()],
  ];
  return [
    ...seedTasks.map(([c]) => c),
    {
      id: "offer-100",
      label: "Offer, 100 resources",
      schema: OfferSchema,
      protobufjsType: "Offer",
      bytes: toBinary(OfferSchema, offer(100)),
      isTask: false,
    },
    ...seedTasks.map(([c, m]) => v1Task(c, m)),
    {
      id: "v1-offer-100",
      label: "v1 Offer, 100 resources",
      schema: v1.OfferSchema,
      protobufjsType: "v1.Offer",
      bytes: toBinary(v1.OfferSchema, converted(toMesosV1(OfferSchema, offer(100)))),
      isTask: false,
    },
  ];
}

// Mesos 1.11 has no anonymous volumes (a volume needs host_path, image or source): the seed's
// anonymous /scratch becomes a Docker named volume, as a 1.11 framework would write it.
function withVolumeSources(task: v1.TaskInfo): v1.TaskInfo {
  for (const volume of task.container?.volumes ?? []) {
    if (!isFieldSet(volume, v1.VolumeSchema.field.hostPath) && volume.source === undefined) {
      volume.source = create(v1.Volume_SourceSchema, {
        type: v1.Volume_Source_Type.DOCKER_VOLUME,
        dockerVolume: { name: "scratch" },
      });
    }
  }
  return task;
}

function converted<T>(result: { success: true; data: T } | { success: false; issues: unknown }): T {
  if (!result.success) throw new Error(`bench: toMesosV1 failed: ${JSON.stringify(result.issues)}`);
  return result.data;
}

/** The operations measured per message, in table order. */
export const OPERATION_KINDS = [
  "rawDecode",
  "decode",
  "reflectiveDecode",
  "protobufjsDecode",
  "rawEncode",
  "encode",
  "reflectiveEncode",
  "protobufjsEncode",
  "validate",
  "resolveLaunch",
  "pipeline",
  "fused",
  "reflectivePipeline",
  "rawToJson",
  "toMesosJson",
  "rawFromJson",
  "fromMesosJson",
] as const;

export type OperationKind = (typeof OPERATION_KINDS)[number];

export const OPERATION_LABELS: Record<OperationKind, string> = {
  rawDecode: "protobuf-es `fromBinary` (baseline)",
  decode: "`decode` (strict)",
  reflectiveDecode: "reflective strict decode (the fallback for other schemas)",
  protobufjsDecode: "protobufjs static `decode`",
  rawEncode: "protobuf-es `toBinary` (baseline)",
  encode: "`encode`",
  reflectiveEncode: "reflective encode (toBinary + check)",
  protobufjsEncode: "protobufjs static `encode`",
  validate: "`validate`",
  resolveLaunch: "`resolveLaunch` (runs validate itself)",
  pipeline: "`decode` + `resolveLaunch` (Offer: + `validate`)",
  fused: "fused: `decodeLaunch` (Offer: `decode` with `validate: true`)",
  reflectivePipeline: "reflective decode + `resolveLaunch` (Offer: + `validate`)",
  rawToJson: "protobuf-es `toJson` (proto names)",
  toMesosJson: "`toMesosJson`",
  rawFromJson: "protobuf-es `fromJson`",
  fromMesosJson: "`fromMesosJson`",
};

export interface CheckResult {
  readonly case: string;
  readonly check: string;
  readonly ok: boolean;
  readonly detail?: string;
}

export interface PreparedCase {
  readonly messageCase: MessageCase;
  /** Operations that ran once without throwing, ready to be measured. */
  readonly operations: Map<OperationKind, Operation>;
  /** Why an operation is not measured ("not exported yet", the error it threw, ...). */
  readonly unavailable: Map<OperationKind, string>;
  readonly checks: CheckResult[];
}

type Candidates = Partial<Record<OperationKind, () => unknown>>;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error);
}

/**
 * The operations of one message, bound to its bytes and to messages decoded from them. Calling
 * through a closure costs every operation the same few ns (< 1 % of the cheapest one here).
 */
function candidates(c: MessageCase, protobufjs: ProtobufjsTypes | undefined): Candidates {
  const { schema, bytes } = c;
  // Encode and the validators start from a decoded message, as a service would have it.
  const message = fromBinary(schema, bytes);
  const json = toJson(schema, message, { useProtoFieldName: true });
  const ops: Candidates = {
    rawDecode: () => fromBinary(schema, bytes),
    decode: () => decode(schema, bytes),
    rawEncode: () => toBinary(schema, message),
    encode: () => encode(schema, message),
    validate: () => validate(schema, message),
    rawToJson: () => toJson(schema, message, { useProtoFieldName: true }),
    toMesosJson: () => toMesosJson(schema, message),
    rawFromJson: () => fromJson(schema, json),
  };
  // `decode`/`encode` run the generated codec for our schemas; the reflective path is the
  // reference semantics and the fallback for any other schema.
  ops.reflectiveDecode = () => reflectiveDecode(schema, bytes);
  ops.reflectiveEncode = () => reflectiveEncode(schema, message);
  if (c.isTask) {
    const task = message as TaskInfo;
    const taskSchema = schema as typeof TaskInfoSchema;
    ops.resolveLaunch = () => resolveLaunch(task);
    ops.pipeline = () => resolveLaunch(decode(taskSchema, bytes));
    ops.fused = () => decodeLaunch(taskSchema, bytes);
    ops.reflectivePipeline = () => resolveLaunch(reflectiveDecode(taskSchema, bytes));
  } else {
    ops.pipeline = () => validate(schema, decode(schema, bytes));
    // Throws on an invalid offer (none here: the cross-check below sees the message).
    ops.fused = () => decode(schema, bytes, { validate: true });
    ops.reflectivePipeline = () => validate(schema, reflectiveDecode(schema, bytes));
  }
  // Measured on what toMesosJson writes, as a round trip through Mesos-style JSON would be.
  try {
    const mesosJson = toMesosJson(schema, message);
    ops.fromMesosJson = () => fromMesosJson(schema, mesosJson);
  } catch (error) {
    ops.fromMesosJson = () => {
      throw error; // reported as "threw …" by prepareCase, like any failing operation
    };
  }
  const type = protobufjs?.[c.protobufjsType];
  if (type) {
    const decoded = type.decode(bytes);
    ops.protobufjsDecode = () => type.decode(bytes);
    ops.protobufjsEncode = () => type.encode(decoded).finish();
  }
  return ops;
}

/** Cross-checks on the results of one call of each available operation. */
function crossCheck(
  c: MessageCase,
  results: Partial<Record<OperationKind, unknown>>,
): CheckResult[] {
  const checks: CheckResult[] = [];
  const check = (name: string, ok: boolean, detail?: string) =>
    checks.push({ case: c.id, check: name, ok, ...(ok || detail === undefined ? {} : { detail }) });
  const raw = results.rawDecode as Message;
  const bytesOf = (kind: OperationKind) => results[kind] as Uint8Array;
  check("protobuf-es re-encodes the same bytes", sameBytes(bytesOf("rawEncode"), c.bytes));
  if ("decode" in results) {
    check("strict decode equals fromBinary", equals(c.schema, results.decode as Message, raw));
  }
  if ("encode" in results) {
    check("encode writes the same bytes as toBinary", sameBytes(bytesOf("encode"), c.bytes));
  }
  if ("reflectiveDecode" in results) {
    check(
      "reflective decode equals fromBinary",
      equals(c.schema, results.reflectiveDecode as Message, raw),
    );
  }
  if ("reflectiveEncode" in results) {
    check(
      "reflective encode writes the same bytes as toBinary",
      sameBytes(bytesOf("reflectiveEncode"), c.bytes),
    );
  }
  if ("fused" in results) {
    const fused = results.fused as Message | { success?: unknown };
    check(
      "fused accepts the canonical message",
      c.isTask
        ? (fused as { success?: unknown }).success === true
        : equals(c.schema, fused as Message, raw),
    );
  }
  for (const kind of ["validate", "resolveLaunch", "pipeline", "reflectivePipeline"] as const) {
    if (kind in results) {
      const verdict = results[kind] as { success?: unknown; issues?: unknown };
      check(
        `${kind} accepts the canonical message`,
        verdict.success === true,
        JSON.stringify(verdict.issues ?? verdict).slice(0, 300),
      );
    }
  }
  if ("fromMesosJson" in results) {
    // Mesos JSON writes the defaults Mesos writes (role "*", shell true, ...), which read back as
    // set fields: the round trip is exact on the JSON, not on field presence.
    const again = JSON.stringify(toMesosJson(c.schema, results.fromMesosJson as Message));
    check(
      "toMesosJson(fromMesosJson(toMesosJson(m))) equals toMesosJson(m)",
      again === JSON.stringify(toMesosJson(c.schema, raw)),
    );
  }
  if ("protobufjsEncode" in results) {
    check("protobufjs re-encodes the same bytes", sameBytes(bytesOf("protobufjsEncode"), c.bytes));
  }
  return checks;
}

export function prepareCase(c: MessageCase, protobufjs: ProtobufjsTypes | undefined): PreparedCase {
  const operations = new Map<OperationKind, Operation>();
  const unavailable = new Map<OperationKind, string>();
  const results: Partial<Record<OperationKind, unknown>> = {};
  const ops = candidates(c, protobufjs);
  for (const kind of OPERATION_KINDS) {
    const fn = ops[kind];
    if (fn === undefined) {
      unavailable.set(kind, kind === "resolveLaunch" ? "not a TaskInfo" : "protobufjs not loaded");
      continue;
    }
    try {
      results[kind] = fn();
      operations.set(kind, { id: `${c.id}/${kind}`, fn });
    } catch (error) {
      unavailable.set(kind, `threw ${errorText(error)}`);
    }
  }
  return { messageCase: c, operations, unavailable, checks: crossCheck(c, results) };
}
