// `buf convert` (Go's protobuf) as an independent implementation to compare against. One buf
// process converts a whole BATCH: the messages travel as the repeated fields of a wrapper message
// declared in a test-only proto that imports mesos/mesos.proto, so the cost of a process is paid
// once per batch, not per message.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DescMessage } from "@bufbuild/protobuf";
import { BinaryReader, BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { BUF } from "../helpers/buf.js";

const ROOT = join(import.meta.dirname, "..", "..");

/** The wrapper's fields: one repeated field per message type, numbered in this order. */
export const BATCH_FIELDS = ["TaskInfo", "ExecutorInfo", "Offer"] as const;
export type BatchType = (typeof BATCH_FIELDS)[number];

const BATCH_PROTO = `syntax = "proto2";
package fuzz;
import "mesos/mesos.proto";
// A batch of messages for one buf convert run.
message Batch {
${BATCH_FIELDS.map((t, i) => `  repeated mesos.${t} items_${i + 1} = ${i + 1};`).join("\n")}
}
`;

/** One message of a batch: its type (the wrapper field) and its encoding. */
export interface BatchItem {
  readonly type: BatchType;
  readonly bytes: Uint8Array;
}

export class BufOracle {
  private readonly dir: string;
  private readonly image: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), "mesos-dockerinfo-buf-"));
    mkdirSync(join(this.dir, "src", "mesos"), { recursive: true });
    mkdirSync(join(this.dir, "src", "fuzz"));
    copyFileSync(
      join(ROOT, "proto", "mesos", "mesos.proto"),
      join(this.dir, "src", "mesos", "mesos.proto"),
    );
    writeFileSync(join(this.dir, "src", "fuzz", "batch.proto"), BATCH_PROTO);
    // Compile once; every convert then reads the image instead of parsing .proto files.
    this.image = join(this.dir, "image.binpb");
    this.run(["build", join(this.dir, "src"), "-o", this.image]);
  }

  /** `buf convert` of a fuzz.Batch from one format to another. */
  convert(input: Uint8Array | string, from: "binpb" | "json", to: "binpb" | "json"): Uint8Array {
    const inFile = join(this.dir, `in.${from}`);
    const outFile = join(this.dir, `out.${to}`);
    writeFileSync(inFile, input);
    this.run(["convert", this.image, "--type", "fuzz.Batch", "--from", inFile, "--to", outFile]);
    return new Uint8Array(readFileSync(outFile));
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private run(args: string[]): void {
    const result = spawnSync(BUF, args, { encoding: "utf8" });
    if (result.status !== 0) {
      throw new Error(
        `buf ${args.join(" ")} failed (${result.status}): ${result.stderr || result.error}`,
      );
    }
  }
}

/** The wrapper field number of a message type. */
export function batchField(type: BatchType): number {
  return BATCH_FIELDS.indexOf(type) + 1;
}

/** Frame encoded messages as the wrapper's repeated fields (in the order given). */
export function encodeBatch(items: readonly BatchItem[]): Uint8Array {
  const w = new BinaryWriter();
  for (const item of items)
    w.tag(batchField(item.type), WireType.LengthDelimited).bytes(item.bytes);
  return w.finish();
}

/** Split a wrapper's encoding back into its messages. */
export function decodeBatch(bytes: Uint8Array): BatchItem[] {
  const r = new BinaryReader(bytes);
  const items: BatchItem[] = [];
  while (r.pos < r.len) {
    const [no, wireType] = r.tag();
    const type = BATCH_FIELDS[no - 1];
    if (type === undefined || wireType !== WireType.LengthDelimited) {
      throw new Error(`unexpected field ${no} (wire type ${wireType}) in a batch`);
    }
    items.push({ type, bytes: r.bytes() });
  }
  return items;
}

/** Schemas by batch type name, for the caller's lookup table. */
export type SchemaOf = Record<BatchType, DescMessage>;
