// Agreement with an independent implementation: `buf convert` (Go's protobuf) decides, for a
// corpus of mutated TaskInfo encodings, which bytes are a TaskInfo. Go enforces required fields
// (google.golang.org/protobuf/proto: "required field ... not set") and, like us, rejects broken
// structure. It deliberately accepts what our strict decode rejects for safety (listed in
// DELIBERATE below and in the README).
//
// Speed: one buf process costs ~0.25 s, so not one per message. A small model of Go's reader
// below (goModelAccepts: structure, then required fields after merging; a field with an
// unexpected wire type is an unknown field, enums and UTF-8 are not checked) decides which
// messages go where. Everything that model accepts goes to buf in ONE
// process, as the repeated field of a wrapper message (buf must accept the whole batch); each
// message it rejects goes to buf alone (buf must reject it), for a sample of them.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  type DescField,
  type DescMessage,
  fromBinary,
  ScalarType,
  toBinary,
} from "@bufbuild/protobuf";
import { BinaryReader, BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import * as fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TaskInfoSchema } from "../../gen/mesos/mesos_pb.js";
import { safeDecode } from "../../src/codec/decode.js";
import { encode } from "../../src/codec/encode.js";
import { missingRequired } from "../../src/codec/missing-required.js";
import type { IssueCode } from "../../src/problems/index.js";
import { arbitraryMessage, mutatedBytes } from "../../src/testing/index.js";
import { dockerExecutorTask, dockerTask } from "../fixtures/canonical.js";
import { BUF } from "../helpers/buf.js";
import { bytes, ld, tag, vi } from "./wire.js";

const ROOT = join(import.meta.dirname, "..", "..");
const run = promisify(execFile);

/** Our strict decode rejects these; Go accepts them (see the README's list of differences). */
const DELIBERATE: ReadonlySet<IssueCode> = new Set([
  "wire_type_mismatch", // Go: the field becomes an unknown field
  "unknown_enum_value", // Go: proto2 enums are treated as open, the number is kept as the value
  "invalid_utf8", // Go: proto2 strings are not validated
  "invalid_tag", // only for tags longer than 5 bytes (non-minimal varints), which Go reads
  "max_depth_exceeded", // Go nests up to 10000 levels, we (and protobuf-es) up to 100
]);

const VALID_HEAD = bytes(ld(1, [0x6e]), ld(2, ld(1, [0x74])), ld(3, ld(1, [0x73])));

/** Input Go reads and we refuse by design (the model has no limit to check the second against). */
const GO_READS: readonly [IssueCode, Uint8Array][] = [
  ["invalid_tag", bytes(VALID_HEAD, [0xf8, 0x80, 0x80, 0x80, 0x80, 0x00], 0x01)], // field 15, 6-byte tag
  ["max_depth_exceeded", bytes(VALID_HEAD, Array(150).fill(0x7b), Array(150).fill(0x7c))],
];

/** How many messages the Go model rejects are each confirmed by their own buf process. */
const REJECTED_SAMPLE = 12;

let dir = "";
let image = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "codec-buf-"));
  mkdirSync(join(dir, "proto", "mesos"), { recursive: true });
  mkdirSync(join(dir, "proto", "codecbatch"));
  copyFileSync(
    join(ROOT, "proto", "mesos", "mesos.proto"),
    join(dir, "proto", "mesos", "mesos.proto"),
  );
  writeFileSync(
    join(dir, "proto", "codecbatch", "batch.proto"),
    'syntax = "proto2";\npackage codecbatch;\nimport "mesos/mesos.proto";\n' +
      "message Batch {\n  repeated mesos.TaskInfo items = 1;\n}\n",
  );
  image = join(dir, "image.binpb");
  await run(BUF, ["build", join(dir, "proto"), "-o", image]);
});

afterAll(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

/** Does `buf convert` accept `input` as a message of `type`? (Its stderr when it does not.) */
async function bufAccepts(type: string, input: Uint8Array, name: string): Promise<true | string> {
  const file = join(dir, `${name}.binpb`);
  writeFileSync(file, input);
  try {
    await run(BUF, [
      "convert",
      image,
      "--type",
      type,
      "--from",
      file,
      "--to",
      join(dir, `${name}.out.binpb`),
    ]);
    return true;
  } catch (e) {
    return String((e as { stderr?: string }).stderr ?? e);
  }
}

function batch(items: readonly Uint8Array[]): Uint8Array {
  const w = new BinaryWriter();
  for (const item of items) w.tag(1, WireType.LengthDelimited).bytes(item);
  return w.finish();
}

/** Go's verdict as modelled here: sound structure, then required fields on the merged message. */
function goModelAccepts(input: Uint8Array): boolean {
  let normalized: Uint8Array;
  try {
    normalized = knownFieldsOnly(TaskInfoSchema, input, 0, input.length);
  } catch {
    return false;
  }
  // What remains has the declared wire types only, which protobuf-es reads as Go does (it keeps
  // unknown enum numbers and reads strings leniently, which is all the model needs); it throws
  // for a packed run cut inside a value, which Go rejects too.
  try {
    const merged = fromBinary(TaskInfoSchema, normalized);
    return missingRequired(TaskInfoSchema, merged).length === 0;
  } catch {
    return false;
  }
}

/**
 * The known fields of `data[start, end)` with their declared wire type, recursively; everything
 * else dropped. Throws on broken structure (tags, varints, lengths, groups) as Go does.
 */
function knownFieldsOnly(
  desc: DescMessage,
  data: Uint8Array,
  start: number,
  end: number,
): Uint8Array {
  const w = new BinaryWriter();
  let pos = start;
  const varint = (): bigint => {
    let v = 0n;
    for (let i = 0; i < 10; i++) {
      if (pos >= end) throw new Error("truncated");
      const b = data[pos++] as number;
      if (i === 9 && b > 1) throw new Error("overflow");
      v |= BigInt(b & 0x7f) << BigInt(7 * i);
      if (b < 0x80) return v;
    }
    throw new Error("overflow");
  };
  const tag = (): [number, number] => {
    const at = pos;
    const t = varint();
    if (pos - at > 5 || t > 0xffffffffn || t >> 3n === 0n || (t & 7n) > 5n) throw new Error("tag");
    return [Number(t >> 3n), Number(t & 7n)];
  };
  const skip = (no: number, wt: number): void => {
    if (wt === 0) varint();
    else if (wt === 1 || wt === 5) pos += wt === 1 ? 8 : 4;
    else if (wt === 2) {
      const len = Number(varint()); // before the addition: varint() moves pos
      pos += len;
    } else if (wt === 3) {
      const open = [no];
      while (open.length > 0) {
        const [n, t] = tag();
        if (t === 4) {
          if (open.pop() !== n) throw new Error("end group");
        } else if (t === 3) open.push(n);
        else skip(n, t);
      }
    } else throw new Error("end group");
    if (pos > end) throw new Error("truncated");
  };
  while (pos < end) {
    const [no, wt] = tag();
    const bodyStart = pos;
    skip(no, wt);
    const field = desc.fields.find((f) => f.number === no);
    if (field === undefined) continue;
    const want = declaredWireType(field);
    const packed =
      wt === 2 && field.fieldKind === "list" && field.listKind !== "message" && want !== 2;
    if (wt !== want && !packed) continue;
    if (field.message !== undefined) {
      pos = bodyStart; // read the length again; skip has checked it
      const len = Number(varint());
      w.tag(no, wt).bytes(knownFieldsOnly(field.message, data, pos, pos + len));
      pos += len;
    } else if (field.fieldKind === "enum") {
      // Go treats proto2 enums as open: an undeclared number still sets the field. protobuf-es
      // would move it to the unknown fields, so the model writes a declared one in its place.
      const value = new BinaryReader(data.subarray(bodyStart, pos)).int32();
      const declared = field.enum.values.some((v) => v.number === value);
      w.tag(no, wt).int32(declared ? value : (field.enum.values[0]?.number ?? 0));
    } else {
      w.tag(no, wt).raw(data.subarray(bodyStart, pos));
    }
  }
  return w.finish();
}

function declaredWireType(field: DescField): number {
  if (field.message !== undefined) return 2;
  if (field.enum !== undefined) return 0;
  switch (field.scalar) {
    case ScalarType.STRING:
    case ScalarType.BYTES:
      return WireType.LengthDelimited;
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return WireType.Bit64;
    case ScalarType.FLOAT:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return WireType.Bit32;
    default:
      return WireType.Varint;
  }
}

const corpus: Uint8Array[] = [
  // Hand-made: one per deliberate difference, and structural errors Go must reject too.
  bytes(ld(1, [0x61, 0xff]), ld(2, ld(1, [0x74])), ld(3, ld(1, [0x73]))), // invalid UTF-8 in name
  bytes(toBinary(TaskInfoSchema, dockerTask()).subarray(0, 200)), // truncated
  bytes(VALID_HEAD, ld(9, vi(1, 7))), // container.type = 7
  bytes(VALID_HEAD, vi(6, 1)), // data (bytes) as a varint
  bytes(ld(1, [0x6e]), ld(2, ld(1, [0x74])), vi(3, 1)), // slave_id as a varint: then it is missing
  bytes(VALID_HEAD, ld(3, [])), // slave_id again, empty: merged with the first, still complete
  bytes(VALID_HEAD, tag(15, 3), tag(16, 4)), // end group of another field
  bytes(VALID_HEAD, 0x00), // tag 0
  bytes(VALID_HEAD, tag(15, 0), Array(9).fill(0xff), 0x7f), // varint overflow
  // One or a few edits of generated tasks (unknown fields included) and of the canonical ones.
  ...[1, 3].flatMap((maxMutations) =>
    fc.sample(
      mutatedBytes(
        fc.oneof(
          arbitraryMessage(TaskInfoSchema, { unknownFields: true, maxLength: 2 }).map((m) =>
            encode(TaskInfoSchema, m),
          ),
          fc.constantFrom(
            toBinary(TaskInfoSchema, dockerTask()),
            toBinary(TaskInfoSchema, dockerExecutorTask()),
          ),
        ),
        { maxMutations },
      ),
      { numRuns: 200, seed: 5 + maxMutations },
    ),
  ),
];

describe("agreement with buf convert (Go protobuf)", () => {
  test("Go accepts every message the Go model accepts; strict rejects only for listed reasons", async () => {
    for (const [code, item] of GO_READS) {
      expect(safeDecode(TaskInfoSchema, item)).toMatchObject({
        success: false,
        issues: [{ code }],
      });
    }
    const accepted = [...corpus.filter(goModelAccepts), ...GO_READS.map(([, item]) => item)];
    expect(accepted.length).toBeGreaterThan(40);
    const verdict = await bufAccepts("codecbatch.Batch", batch(accepted), "accepted");
    if (verdict !== true) {
      // Bisect to one culprit, so that a failure is actionable.
      let suspects = accepted;
      while (suspects.length > 1) {
        const half = suspects.slice(0, suspects.length >> 1);
        const ok = (await bufAccepts("codecbatch.Batch", batch(half), "bisect")) === true;
        suspects = ok ? suspects.slice(half.length) : half;
      }
      expect.fail(
        `buf rejects ${Buffer.from(suspects[0] as Uint8Array).toString("hex")}: ${verdict}`,
      );
    }
    const differences = new Map<IssueCode, number>();
    for (const item of accepted) {
      const strict = safeDecode(TaskInfoSchema, item);
      if (!strict.success) {
        const code = strict.issues[0]?.code as IssueCode;
        expect(DELIBERATE, `${strict.issues[0]?.message}`).toContain(code);
        differences.set(code, (differences.get(code) ?? 0) + 1);
      }
    }
    // The corpus exercises each deliberate difference at least once.
    expect([...differences.keys()].sort()).toEqual([...DELIBERATE].sort());
  });

  test("Go rejects what the Go model rejects, and so does strict decode", async () => {
    const rejected = corpus.filter((item) => !goModelAccepts(item));
    expect(rejected.length).toBeGreaterThan(REJECTED_SAMPLE);
    for (const item of rejected) expect(safeDecode(TaskInfoSchema, item).success).toBe(false);
    // Spread the sample over the kinds of error, then confirm each with buf, two at a time.
    const sample = stratify(rejected, REJECTED_SAMPLE);
    const verdicts: (true | string)[] = [];
    for (let i = 0; i < sample.length; i += 2) {
      verdicts.push(
        ...(await Promise.all(
          sample
            .slice(i, i + 2)
            .map((item, j) => bufAccepts("mesos.TaskInfo", item, `rejected-${i + j}`)),
        )),
      );
    }
    for (const [i, v] of verdicts.entries()) {
      expect(v, `buf accepted ${Buffer.from(sample[i] as Uint8Array).toString("hex")}`).not.toBe(
        true,
      );
      expect(v).toMatch(/wire unmarshal/);
    }
  });
});

/** Up to `n` items, taking the strict error codes in turn so every kind of error is covered. */
function stratify(items: readonly Uint8Array[], n: number): Uint8Array[] {
  const byCode = new Map<string, Uint8Array[]>();
  for (const item of items) {
    const result = safeDecode(TaskInfoSchema, item, { required: false, maxDepth: 10_000 });
    const code = result.success ? "lenient-ok" : (result.issues[0]?.code as string);
    byCode.set(code, [...(byCode.get(code) ?? []), item]);
  }
  const out: Uint8Array[] = [];
  const queues = [...byCode.values()];
  while (out.length < n && queues.some((q) => q.length > 0)) {
    for (const q of queues) {
      const item = q.shift();
      if (item !== undefined && out.length < n) out.push(item);
    }
  }
  return out;
}
