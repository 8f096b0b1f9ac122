// The process streams, working directory and environment a command uses, passed in rather than
// read from globals: main() runs in-process (tests, other tools) exactly as the bin runs it.
export interface OutputStream {
  readonly isTTY?: boolean;
  write(chunk: string | Uint8Array): boolean;
}

/** What `-` reads: process.stdin, or any async iterable of chunks (a Readable, a generator). */
export type InputStream = AsyncIterable<Uint8Array | string>;

/** What main() is handed. `cwd` defaults to process.cwd(), `env` to process.env. */
export interface CliIo {
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Directory that relative FILE, IN and OUT names are resolved against. */
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** CliIo with its defaults applied: what every command receives. */
export type Io = Required<CliIo>;
