// The frames of a source with their index and offsets: the common loop under readRecordIO and
// readEvents. Frames are taken one at a time, so a framing error surfaces right after the
// records before it, and a refused header stops reading at once (the source is closed by the
// for-await's return).
import { type Frame, FrameDecoder } from "./frame-decoder.js";

export async function* readFrames(
  chunks: AsyncIterable<unknown> | Iterable<unknown>,
  maxRecordBytes: number,
): AsyncGenerator<Frame, void, undefined> {
  const decoder = new FrameDecoder(maxRecordBytes);
  for await (const chunk of chunks) {
    decoder.feed(chunk);
    for (let frame = decoder.take(); frame !== undefined; frame = decoder.take()) yield frame;
  }
  decoder.end();
}
