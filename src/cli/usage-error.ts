/**
 * A mistake in how the command was called (unknown flag, bad value, missing argument). main.ts
 * prints it with a pointer to --help and exits 2; nothing has been read or written yet.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** The subcommand whose --help the message points to, if any. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}
