// Reading input files and stdin, with a size limit so a wrong path (a disk image, /dev/zero)
// fails fast with a message instead of filling memory.
import { open } from "node:fs/promises";
import { extname } from "node:path";

export type InputFormat = "json" | "binary";

/** The name "-" stands for stdin (and stdout for convert's OUT). */
export const STDIO = "-";

const BINARY_EXTENSIONS = new Set([".pb", ".bin", ".binpb"]);

/** The format a file name implies: binary for .pb/.bin/.binpb, JSON otherwise. */
export function formatOf(file: string): InputFormat {
  return BINARY_EXTENSIONS.has(extname(file).toLowerCase()) ? "binary" : "json";
}

/** How an input is named in messages. */
export function displayFile(file: string): string {
  return file === STDIO ? "<stdin>" : file;
}

export type InputErrorCode =
  | "file_not_found"
  | "permission_denied"
  | "is_a_directory"
  | "too_large"
  | "read_failed"
  | "invalid_utf8"
  | "not_json";

/** A file that cannot be read, or text that cannot be decoded as UTF-8. Exit code 2. */
export class InputError extends Error {
  override readonly name = "InputError";
  readonly code: InputErrorCode;

  constructor(code: InputErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

function tooLarge(maxBytes: number): InputError {
  return new InputError(
    "too_large",
    `input is larger than ${maxBytes} bytes; raise the limit with --max-bytes if the file is right`,
  );
}

function fromSystemError(error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return new InputError("file_not_found", "no such file");
    case "EACCES":
    case "EPERM":
      return new InputError("permission_denied", "permission denied");
    case "EISDIR":
      return new InputError("is_a_directory", "is a directory, not a file");
    default:
      return new InputError(
        "read_failed",
        `cannot read: ${error instanceof Error ? error.message : String(error)}`,
      );
  }
}

async function readFileLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, "r");
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new InputError("is_a_directory", "is a directory, not a file");
    // Regular files are refused by size up front; devices and FIFOs report size 0 and are read
    // in chunks below, up to the limit.
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(maxBytes);
    return await readChunks(handle.createReadStream({ autoClose: false }), maxBytes);
  } catch (error) {
    throw error instanceof InputError ? error : fromSystemError(error);
  } finally {
    await handle?.close();
  }
}

async function readChunks(
  source: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.length;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(bytes);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Reads a whole file, or stdin for "-". Throws InputError. */
export async function readInput(file: string, maxBytes: number): Promise<Uint8Array> {
  if (file !== STDIO) return readFileLimited(file, maxBytes);
  try {
    return await readChunks(process.stdin, maxBytes);
  } catch (error) {
    throw error instanceof InputError ? error : fromSystemError(error);
  }
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
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError("invalid_utf8", `is not UTF-8 text, so it cannot be JSON; ${BINARY_HINT}`);
  }
  if (text.trim() !== "" && !JSON_START.test(text)) {
    throw new InputError("not_json", `does not start like JSON text; ${BINARY_HINT}`);
  }
  return text;
}
