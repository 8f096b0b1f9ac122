// The bin's stdout and stderr on POSIX systems: writes straight to the file descriptor.
// process.stdout and process.stderr are Node streams, and touching either loads Node's whole
// stream stack (about twenty modules; for a terminal also node:tty and node:net): ~0.1x of a bare
// `node -e ''`, for a command that writes one report (issue 16 item 5, a start-up budget of 2x).
// A CLI writes its report synchronously anyway (so does Node's own stdout for files, pipes and
// terminals on Linux).
import { fstatSync, statSync, writeSync } from "node:fs";
import type { OutputStream } from "./io.js";

/** Thrown by write() when the reader has gone (`... | head`): the bin then exits quietly. */
export class ClosedOutputError extends Error {
  override readonly name = "ClosedOutputError";
}

/**
 * Whether `fd` is a terminal. Files, pipes and sockets never are, and /dev/null (where scripts
 * send output they do not read) is not, which fstat tells without loading node:tty; any other
 * character device is asked of node:tty's isatty, loaded only then.
 */
function isTerminal(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    if (!info.isCharacterDevice()) return false;
    const devNull = statSync("/dev/null", { throwIfNoEntry: false });
    if (devNull?.isCharacterDevice() === true && devNull.rdev === info.rdev) return false;
  } catch {
    return false;
  }
  return process.getBuiltinModule("node:tty").isatty(fd);
}

const encoder = new TextEncoder();

/** A pause before retrying a write that would block (a non-blocking pipe that is full). */
function pause(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
}

/** An OutputStream on `fd`: every write is complete when write() returns. */
export function fdStream(fd: number): OutputStream {
  let tty: boolean | undefined;
  return {
    get isTTY() {
      tty ??= isTerminal(fd);
      return tty;
    },
    write(chunk: string | Uint8Array): boolean {
      const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
      let at = 0;
      while (at < bytes.length) {
        try {
          at += writeSync(fd, bytes, at, bytes.length - at);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === "EAGAIN") pause();
          else if (code === "EPIPE") throw new ClosedOutputError("the output was closed");
          else throw error;
        }
      }
      return true;
    },
  };
}
