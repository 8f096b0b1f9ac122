// readEvents: a RecordIO event stream (the v1 scheduler's SUBSCRIBE response, an executor or
// operator stream) decoded record by record into messages of a schema. Schema-first: nothing
// here knows the Event message, so the v1 scheduler EventSchema, the operator API's events or
// a test schema all work the same way.
import type { DescMessage, MessageShape } from "@bufbuild/protobuf";
import { DEFAULT_MAX_DEPTH, decode, firstInvalidUtf8, fromMesosJson } from "../codec/index.js";
import { DecodeError, errorIssue, failWith, type Issue } from "../problems/index.js";
import { type Frame, readFrames } from "./frame-decoder.js";
import {
  countOption,
  DEFAULT_MAX_RECORD_BYTES,
  describe,
  flagOption,
  optionError,
  optionsObject,
  type ReadRecordIOOptions,
} from "./options.js";
import { chunksOf, type RecordIOSource } from "./source.js";

/** Fatal: a JSON record that is not UTF-8 is an error, not U+FFFD (silent data loss). */
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

export interface ReadEventsOptions extends ReadRecordIOOptions {
  /**
   * How each record is encoded: what the SUBSCRIBE call's `Accept` header asked for
   * (`application/x-protobuf` → "protobuf", `application/json` → "json"), or the operator
   * API's `Message-Accept`.
   */
  readonly format: "protobuf" | "json";
  /** Strict decoding (default true): see `decode` and `fromMesosJson`. */
  readonly strict?: boolean;
  /** Deepest accepted nesting of messages, root = 1; default 100. */
  readonly maxDepth?: number;
  /**
   * JSON only: skip keys the schema does not know instead of failing with `unknown_field`.
   * A newer Mesos adds fields to events; set this to read them with an older schema.
   */
  readonly ignoreUnknownFields?: boolean;
}

/**
 * Read the events of a RecordIO stream as messages of `schema`, one per record, in stream order.
 * Framing, sources, limits and early `break` behave as in `readRecordIO`; options are checked
 * when called.
 *
 * A record that does not decode throws a `DecodeError` whose message names the record index and
 * its stream offset; each issue's path starts with the record index (`[3, "offers", 0, ...]`)
 * and its `offset` is a stream byte offset (for JSON, the codec's character offset converted to
 * bytes; where the codec gives none, the offset of the record's first data byte).
 *
 * Empty (0-length) records are skipped: they carry no event (Mesos never sends one; mesos-go
 * skips them too), but they still count in the record index.
 */
export function readEvents<Desc extends DescMessage>(
  schema: Desc,
  source: RecordIOSource,
  options: ReadEventsOptions,
): AsyncGenerator<MessageShape<Desc>, void, undefined> {
  if (typeof schema !== "object" || schema === null || schema.kind !== "message") {
    const why = `readEvents takes a message schema (e.g. EventSchema), got ${describe(schema)}`;
    throw new DecodeError("cannot read events", [errorIssue("invalid_input", [], why)]);
  }
  const given = optionsObject(options);
  const format = given.format;
  if (format !== "protobuf" && format !== "json") {
    throw optionError(["format"], `format must be "protobuf" or "json", got ${describe(format)}`);
  }
  const settings: Settings = {
    format,
    maxRecordBytes: countOption(given, "maxRecordBytes", DEFAULT_MAX_RECORD_BYTES),
    maxDepth: countOption(given, "maxDepth", DEFAULT_MAX_DEPTH),
    strict: flagOption(given, "strict") ?? true,
    ignoreUnknownFields: flagOption(given, "ignoreUnknownFields") ?? false,
  };
  return events(schema, chunksOf(source), settings);
}

/** The options with their defaults applied. */
type Settings = Required<ReadEventsOptions>;

async function* events<Desc extends DescMessage>(
  schema: Desc,
  chunks: AsyncIterable<unknown> | Iterable<unknown>,
  settings: Settings,
): AsyncGenerator<MessageShape<Desc>, void, undefined> {
  for await (const frame of readFrames(chunks, settings.maxRecordBytes)) {
    if (frame.bytes.length === 0) continue;
    yield settings.format === "protobuf"
      ? fromProtobuf(schema, frame, settings)
      : fromJson(schema, frame, settings);
  }
}

function fromProtobuf<Desc extends DescMessage>(schema: Desc, frame: Frame, settings: Settings) {
  try {
    return decode(schema, frame.bytes, {
      strict: settings.strict,
      maxDepth: settings.maxDepth,
      // The record already passed maxRecordBytes; the codec's own 4 MiB default must not refuse
      // a record the caller allowed with a higher cap.
      maxBytes: frame.bytes.length,
    });
  } catch (error) {
    // The codec's failure (its `.issues`); anything else is a bug and failWith rethrows it.
    throw recordFailure(schema, frame, "protobuf", failWith(error).issues, error);
  }
}

function fromJson<Desc extends DescMessage>(schema: Desc, frame: Frame, settings: Settings) {
  let text: string;
  try {
    text = utf8.decode(frame.bytes);
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(frame.bytes, 0, frame.bytes.length));
    const byte = (frame.bytes[bad] ?? 0).toString(16).padStart(2, "0");
    const why = `the JSON record is not valid UTF-8 (byte 0x${byte} at record byte ${bad})`;
    throw recordFailure(schema, frame, "json", [errorIssue("invalid_utf8", [], why, bad)]);
  }
  try {
    return fromMesosJson(schema, text, {
      strict: settings.strict,
      maxDepth: settings.maxDepth,
      ignoreUnknownFields: settings.ignoreUnknownFields,
      // Characters never outnumber bytes, so the record's byte count is a safe bound.
      maxBytes: frame.bytes.length,
    });
  } catch (error) {
    // The codec's character offset as a record byte offset: the UTF-8 length of the text before it.
    const toBytes = (offset: number) => encoder.encode(text.slice(0, offset)).length;
    throw recordFailure(schema, frame, "json", failWith(error).issues, error, toBytes);
  }
}

/**
 * The DecodeError for a record: the heading names the event index and the record's stream
 * offset; each issue's path is prefixed with the index and its record-relative offset (the
 * record's first data byte when it has none; for JSON a character offset, which `toByteOffset`
 * turns into bytes) becomes a stream byte offset.
 */
function recordFailure(
  schema: DescMessage,
  frame: Frame,
  format: string,
  issues: readonly Issue[],
  cause?: unknown,
  toByteOffset: (offset: number) => number = (offset) => offset,
): DecodeError {
  const inStream = (issue: Issue): Issue => ({
    ...issue,
    path: [frame.index, ...issue.path],
    offset: frame.dataOffset + (issue.offset === undefined ? 0 : toByteOffset(issue.offset)),
  });
  const heading =
    `cannot decode event ${frame.index} as ${schema.typeName} (${format} record at stream ` +
    `offset ${frame.offset}, ${frame.bytes.length} bytes)`;
  return new DecodeError(heading, issues.map(inStream) as [Issue, ...Issue[]], { cause });
}
