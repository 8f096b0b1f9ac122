// Reading input files and stdin, with a size limit so a wrong path (a disk image) fails fast
// with a message instead of filling memory. Only regular files are read: a FIFO without a writer
// would block `check` forever and a device (/dev/zero, /dev/tty) never ends or waits for a
// person, so both are refused as a usage error unless the input is "-" (stdin, read as a stream
// on purpose).
// Synchronous node:fs calls: a CLI reads its inputs one after another anyway, and the shipped
// bin is CommonJS, where node:fs is already loaded at start-up; fs/promises would load its
// FileHandle, promise and readline modules (~a tenth of a bare `node -e ''`, issue 16 item 5).
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from "node:fs";
import { extname, resolve } from "node:path";
import type { Issue, IssueCode } from "../problems/index.js";
import type { InputStream } from "./io.js";
import { UsageError } from "./usage-error.js";

export type InputFormat = "json" | "binary";

/** The name "-" stands for stdin (and stdout for convert's OUT). */
export const STDIO = "-";

const BINARY_EXTENSIONS = new Set([".pb", ".bin", ".binpb"]);

/** The format a file name implies: binary for .pb/.bin/.binpb, JSON otherwise (stdin too). */
export function formatOf(file: string): InputFormat {
  return BINARY_EXTENSIONS.has(extname(file).toLowerCase()) ? "binary" : "json";
}

/** How an input is named in messages. */
export function displayFile(file: string): string {
  return file === STDIO ? "<stdin>" : file;
}

/**
 * A file that cannot be read, or text that cannot be JSON: one issue (at the root, no offset),
 * exit code 2.
 */
export class InputError extends Error {
  override readonly name = "InputError";
  readonly issue: Issue;

  constructor(code: IssueCode, message: string) {
    super(message);
    this.issue = { code, severity: "error", path: [], message };
  }
}

function tooLarge(maxBytes: number): InputError {
  return new InputError(
    "input_too_large",
    `the input is larger than ${maxBytes} bytes; raise the limit with --max-bytes if the file is right`,
  );
}

function fromSystemError(error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return new InputError("file_not_found", "no such file");
    case "EACCES":
    case "EPERM":
      return new InputError("permission_denied", "permission denied");
    default:
      return new InputError(
        "read_failed",
        `cannot read: ${error instanceof Error ? error.message : String(error)}`,
      );
  }
}

/** "a directory", "a FIFO (named pipe)", ... for the refusal of a non-regular file. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  return "not a regular file";
}

function notRegular(file: string, info: Stats, command: string) {
  return new UsageError(
    `${JSON.stringify(file)} is ${kindOf(info)}, not a regular file; to read a stream, pipe it to '-' (stdin)`,
    command,
  );
}

/**
 * Refuses every FILE that exists but is not a regular file, before anything is opened: opening a
 * FIFO blocks until a writer appears. Missing or unreadable files pass here and are reported per
 * file by readInput, so the other files are still checked.
 */
export async function assertRegularFiles(files: readonly string[], cwd: string, command: string) {
  for (const file of files) {
    if (file === STDIO) continue;
    const info = statSync(resolve(cwd, file), { throwIfNoEntry: false });
    if (info !== undefined && !info.isFile()) throw notRegular(file, info, command);
  }
}

function readFileLimited(file: string, { cwd, maxBytes, command }: ReadContext): Uint8Array {
  const check = (info: Stats): void => {
    if (!info.isFile()) throw notRegular(file, info, command);
    if (info.size > maxBytes) throw tooLarge(maxBytes);
  };
  const path = resolve(cwd, file);
  let fd: number | undefined;
  try {
    // Stat first (nothing is opened for a FIFO), then open without blocking and check the handle
    // again, in case the name was swapped for a FIFO in between: O_NONBLOCK makes open() of a
    // FIFO return at once instead of waiting for a writer, and changes nothing for regular files.
    check(statSync(path));
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    check(fstatSync(fd));
    return readAll(fd, maxBytes);
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) throw error;
    throw fromSystemError(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const CHUNK_BYTES = 64 * 1024;

/** Every byte of `fd` up to its end (the file may have grown since the stat), within `maxBytes`. */
function readAll(fd: number, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = new Uint8Array(CHUNK_BYTES);
    const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
    if (read === 0) return Buffer.concat(chunks);
    total += read;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk.subarray(0, read));
  }
}

interface ReadContext {
  readonly stdin: InputStream;
  readonly cwd: string;
  readonly maxBytes: number;
  /** The command whose --help a refusal of a non-regular file points to. */
  readonly command: string;
}

/**
 * Reads a whole regular file (relative names against `cwd`), or stdin for "-": its text for
 * `json` (see decodeText), its bytes for `binary`. Throws InputError for a file that cannot be
 * read or text that cannot be JSON, UsageError for a file that is not a regular file.
 */
export async function readInput(file: string, format: InputFormat, context: ReadContext) {
  const bytes = file !== STDIO ? readFileLimited(file, context) : await readStdin(context);
  return format === "json" ? decodeText(bytes) : bytes;
}

async function readStdin({ stdin, maxBytes }: ReadContext): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stdin) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      total += bytes.length;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(bytes);
    }
  } catch (error) {
    throw error instanceof InputError ? error : fromSystemError(error);
  }
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

const BINARY_HINT = "for binary protobuf name the file .pb or pass --format binary";

// What a JSON text can start with after whitespace: an object, an array, a string, a number or a
// literal. Anything else (typically a protobuf tag byte such as 0x0a) is not JSON at all.
const JSON_START = /^[\s]*[{["\-0-9tfn]/;

/**
 * Bytes → JSON text: strict UTF-8 (a leading BOM is dropped). Input that cannot be JSON at all
 * gets a hint about --format binary, the usual cause, instead of a JSON syntax error.
 */
function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError(
      "invalid_utf8",
      `the input is not UTF-8 text, so it cannot be JSON; ${BINARY_HINT}`,
    );
  }
  if (text.trim() !== "" && !JSON_START.test(text)) {
    throw new InputError("invalid_json", `the input does not start like JSON text; ${BINARY_HINT}`);
  }
  return text;
}
