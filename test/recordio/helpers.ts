// Shared by the RecordIO tests: byte helpers, the chunkings every vector is fed with, the three
// source kinds, and collecting a generator's output or its DecodeError.
import { Readable } from "node:stream";
import { expect } from "vitest";
import { DecodeError } from "../../src/problems/index.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const bytes = (text: string): Uint8Array => encoder.encode(text);
export const text = (data: Uint8Array): string => decoder.decode(data);

/** Records as hex strings: quick to compare (a deep toEqual on long byte arrays is slow) and readable in diffs. */
export const hexes = (records: readonly Uint8Array[]): string[] =>
  records.map((r) => Buffer.from(r.buffer, r.byteOffset, r.length).toString("hex"));

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** `data` cut at the given (sorted, in-range) positions. */
export function cutAt(data: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const cut of cuts) {
    chunks.push(data.slice(from, cut));
    from = cut;
  }
  chunks.push(data.slice(from));
  return chunks;
}

/** Named chunkings: the whole stream, one byte at a time, and two halves at every split point. */
export function everyChunking(data: Uint8Array): [string, Uint8Array[]][] {
  const out: [string, Uint8Array[]][] = [["whole", [data.slice()]]];
  out.push(["one byte at a time", Array.from(data, (b) => Uint8Array.of(b))]);
  for (let split = 0; split <= data.length; split++) {
    out.push([`halves at ${split}`, cutAt(data, [split])]);
  }
  return out;
}

export type SourceKind = "async iterable" | "web ReadableStream" | "Node Readable";
export const SOURCE_KINDS: readonly SourceKind[] = [
  "async iterable",
  "web ReadableStream",
  "Node Readable",
];

/** The chunks as a source of the given kind (each call makes a fresh source). */
export function sourceOf(kind: SourceKind, chunks: readonly Uint8Array[]) {
  switch (kind) {
    case "async iterable":
      return (async function* () {
        yield* chunks;
      })();
    case "web ReadableStream":
      return new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      });
    case "Node Readable":
      // objectMode keeps each chunk whole (and lets empty chunks through), so the cuts are
      // exactly the ones under test.
      return Readable.from(chunks, { objectMode: true });
  }
}

/** Everything a generator yields, or the DecodeError it throws (any other throw fails the test). */
export async function drain<T>(
  generator: AsyncIterable<T>,
): Promise<{ items: T[]; error: DecodeError | undefined }> {
  const items: T[] = [];
  try {
    for await (const item of generator) items.push(item);
  } catch (error) {
    expect(error).toBeInstanceOf(DecodeError);
    return { items, error: error as DecodeError };
  }
  return { items, error: undefined };
}

/** The DecodeError a call throws synchronously. */
export function thrownNow(run: () => unknown): DecodeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DecodeError);
    return error as DecodeError;
  }
  throw new Error("expected a DecodeError to be thrown at once, but nothing was thrown");
}

/** A source that yields `chunks` and then never ends (nor fails): reading past them would hang. */
export function thenHang(chunks: readonly Uint8Array[]): AsyncIterable<Uint8Array> & {
  returned: () => boolean;
} {
  let returned = false;
  return {
    returned: () => returned,
    [Symbol.asyncIterator]() {
      let i = 0;
      return {
        next: () =>
          i < chunks.length
            ? Promise.resolve({ done: false as const, value: chunks[i++] as Uint8Array })
            : new Promise<IteratorResult<Uint8Array>>(() => undefined),
        return: () => {
          returned = true;
          return Promise.resolve({ done: true as const, value: undefined });
        },
      };
    },
  };
}
