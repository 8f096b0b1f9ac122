// Framing for the other direction (tests, fakes of a Mesos master, tools that replay streams):
// one record becomes `<byte count>\n<bytes>`. Concatenated frames are a RecordIO stream.
import { EncodeError, errorIssue, type Issue } from "../problems/index.js";
import { describe } from "./options.js";

const encoder = new TextEncoder();

/** Frame one record: its decimal byte count, an LF, then the bytes (copied). */
export function writeRecordIO(record: Uint8Array): Uint8Array {
  if (!(record instanceof Uint8Array)) {
    const why = `writeRecordIO takes a Uint8Array, got ${describe(record)}; use writeRecordIOText for text`;
    throw encodeError(errorIssue("invalid_input", [], why));
  }
  return frame(record);
}

/**
 * Frame one text record (e.g. one JSON event) as UTF-8; the length counts bytes, not characters.
 * A string with an unpaired UTF-16 surrogate is refused (`unpaired_surrogate`): UTF-8 cannot
 * carry it, and TextEncoder would silently write U+FFFD instead.
 */
export function writeRecordIOText(text: string): Uint8Array {
  if (typeof text !== "string") {
    const why = `writeRecordIOText takes a string, got ${describe(text)}`;
    throw encodeError(errorIssue("invalid_input", [], why));
  }
  // With the u flag a well-formed pair is one code point: \p{Cs} matches only a lone surrogate.
  const bad = /\p{Cs}/u.exec(text)?.index;
  if (bad !== undefined) {
    const why = `the text has an unpaired UTF-16 surrogate at character ${bad}, which UTF-8 cannot carry`;
    throw encodeError(errorIssue("unpaired_surrogate", [], why, bad));
  }
  return frame(encoder.encode(text));
}

function frame(record: Uint8Array): Uint8Array {
  const header = encoder.encode(`${record.length}\n`);
  const out = new Uint8Array(header.length + record.length);
  out.set(header, 0);
  out.set(record, header.length);
  return out;
}

function encodeError(issue: Issue): EncodeError {
  return new EncodeError("cannot frame the record", [issue]);
}
