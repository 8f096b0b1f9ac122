// The process streams and environment a command uses, passed in rather than read from globals so
// each command states what it touches.
export interface OutputStream {
  readonly isTTY?: boolean;
  write(chunk: string | Uint8Array): boolean;
}

export interface Io {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: NodeJS.ProcessEnv;
}
