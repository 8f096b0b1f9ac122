// Sources: a web ReadableStream is read through its reader and left unlocked and cancelled when
// reading stops early or fails; a Node stream is destroyed; anything else is a typed error.
// Records are fresh plain Uint8Arrays, and a record spread over many chunks is copied once.
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { readRecordIO, writeRecordIO } from "../../src/recordio/index.js";
import { bytes, drain, text, thrownNow } from "./helpers.js";

/** An endless web stream of "1\nx" records that records whether it was cancelled. */
function endlessWebStream() {
  const state = { cancelled: false, pulls: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulls++;
      controller.enqueue(bytes("1\nx"));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe("web ReadableStream", () => {
  test("early break cancels the stream and releases the reader", async () => {
    const { stream, state } = endlessWebStream();
    let count = 0;
    for await (const record of readRecordIO(stream)) {
      expect(text(record)).toBe("x");
      if (++count === 3) break;
    }
    expect(count).toBe(3);
    expect(state.cancelled).toBe(true);
    expect(stream.locked).toBe(false);
  });

  test("a framing error cancels the stream and releases the reader", async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes("1\nx?"));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { items, error } = await drain(readRecordIO(stream));
    expect(items.map(text)).toEqual(["x"]);
    expect([error?.code, error?.offset]).toEqual(["recordio_invalid_length", 3]);
    expect(cancelled).toBe(true);
    expect(stream.locked).toBe(false);
  });

  test("reading to the end releases the reader without cancelling", async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes("1\nx"));
        controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    expect((await drain(readRecordIO(stream))).items.map(text)).toEqual(["x"]);
    expect(cancelled).toBe(false);
    expect(stream.locked).toBe(false);
  });

  test("the stream's own error propagates unchanged and the reader is released", async () => {
    const failure = new Error("connection reset");
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          // Erroring discards queued chunks, so the data goes out on one pull, the error on the next.
          if (pulls++ === 0) controller.enqueue(bytes("1\nx2\n"));
          else controller.error(failure);
        },
      },
      { highWaterMark: 0 },
    );
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const record of readRecordIO(stream)) seen.push(text(record));
      })(),
    ).rejects.toBe(failure);
    expect(seen).toEqual(["x"]);
    expect(stream.locked).toBe(false);
  });

  test("a locked stream is an invalid_input DecodeError", async () => {
    const stream = new ReadableStream<Uint8Array>();
    const reader = stream.getReader();
    const { error } = await drain(readRecordIO(stream));
    expect(error?.code).toBe("invalid_input");
    expect(error?.message).toContain("ReadableStream");
    reader.releaseLock();
  });

  test("the reader is not taken before iteration starts", () => {
    const stream = new ReadableStream<Uint8Array>();
    readRecordIO(stream);
    expect(stream.locked).toBe(false);
  });
});

describe("Node streams", () => {
  test("early break destroys the Readable", async () => {
    const readable = Readable.from(
      (function* () {
        for (;;) yield Buffer.from("1\ny");
      })(),
    );
    let count = 0;
    for await (const record of readRecordIO(readable)) {
      expect(text(record)).toBe("y");
      if (++count === 2) break;
    }
    expect(readable.destroyed).toBe(true);
  });

  test("string chunks (setEncoding) are an invalid_input DecodeError at their offset", async () => {
    const readable = Readable.from([Buffer.from("1\na"), "1\nb"], { objectMode: true });
    const { items, error } = await drain(readRecordIO(readable));
    expect(items.map(text)).toEqual(["a"]);
    expect([error?.code, error?.offset]).toEqual(["invalid_input", 3]);
    expect(error?.message).toContain("setEncoding");
  });

  test("records are plain Uint8Arrays that share no memory with Buffer chunks", async () => {
    const chunk = Buffer.from("3\nabc2\nde");
    const records = (await drain(readRecordIO(Readable.from([chunk], { objectMode: true })))).items;
    chunk.fill(0);
    expect(records.map(text)).toEqual(["abc", "de"]);
    for (const record of records) {
      expect(Object.getPrototypeOf(record)).toBe(Uint8Array.prototype);
      expect(record.buffer).not.toBe(chunk.buffer);
    }
  });

  test("a record assembled from several chunks does not alias them either", async () => {
    const chunks = [Buffer.from("4\nab"), Buffer.from("cd")];
    const [record] = (await drain(readRecordIO(chunks))).items;
    for (const chunk of chunks) chunk.fill(0);
    expect(text(record as Uint8Array)).toBe("abcd");
  });
});

describe("invalid sources are refused when readRecordIO is called", () => {
  test.each([
    ["a number", 42],
    ["a string", "1\na"],
    ["null", null],
    ["undefined", undefined],
    ["a plain object", { chunks: [] }],
  ])("%s", (_, source) => {
    const error = thrownNow(() => readRecordIO(source as never));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toContain("ReadableStream");
  });

  test("an array holding a non-chunk fails at that chunk's offset", async () => {
    const { items, error } = await drain(readRecordIO([bytes("1\na"), [1, 2] as never]));
    expect(items.map(text)).toEqual(["a"]);
    expect([error?.code, error?.offset]).toEqual(["invalid_input", 3]);
  });
});

/** Runs `body` while counting the bytes Uint8Array's copying methods (set, slice) move. */
async function countingCopies(body: () => Promise<void>): Promise<number> {
  const proto = Uint8Array.prototype;
  const { set, slice } = proto;
  let copied = 0;
  proto.set = function (this: Uint8Array, source: ArrayLike<number>, offset?: number) {
    copied += source.length;
    set.call(this, source, offset);
  };
  proto.slice = function (this: Uint8Array, start?: number, end?: number) {
    const out = slice.call(this, start, end);
    copied += out.length;
    return out;
  } as typeof slice;
  try {
    await body();
  } finally {
    proto.set = set;
    proto.slice = slice;
  }
  return copied;
}

describe("no quadratic buffering", () => {
  test("a 200 000-byte record arriving one byte at a time costs under 3n byte copies", async () => {
    // Copying the buffered prefix on every chunk would move 2 * 10^10 bytes here (tens of
    // seconds); copying each byte in once plus the doublings of the buffer moves under
    // 6 * 10^5. Copies are counted, not timed.
    const size = 200_000;
    const record = new Uint8Array(size).map((_, i) => i & 0xff);
    const chunks = Array.from(writeRecordIO(record), (b) => Uint8Array.of(b));
    let items: Uint8Array[] = [];
    const copied = await countingCopies(async () => {
      const result = await drain(readRecordIO(chunks));
      expect(result.error).toBeUndefined();
      items = result.items;
    });
    expect(items).toHaveLength(1);
    expect(Buffer.compare(items[0] as Uint8Array, record)).toBe(0);
    expect(copied).toBeGreaterThanOrEqual(size);
    expect(copied).toBeLessThan(3 * size);
  });
});
