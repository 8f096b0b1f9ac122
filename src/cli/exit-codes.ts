// The CLI's exit codes, one place for the contract printed in --help and tested in test/cli.
export const EXIT_OK = 0;
/** Some input decoded but is invalid (or has warnings under --strict). */
export const EXIT_INVALID = 1;
/** Usage error, unreadable file, or input that cannot be decoded. */
export const EXIT_FAILURE = 2;

export type ExitCode = typeof EXIT_OK | typeof EXIT_INVALID | typeof EXIT_FAILURE;
