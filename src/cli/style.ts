// Colour and symbols for terminal output. The decision is made here, once per stream, and not by
// util.styleText: its stream check (`validateStream`) exists only on newer Node releases, and on
// older Node 20 lines styleText colours unconditionally. So we decide, then call styleText with
// validateStream: false only when colour is on.
import { styleText } from "node:util";
import type { OutputStream } from "./io.js";

export type ColorChoice = "auto" | "always" | "never";

type StreamLike = Pick<OutputStream, "isTTY">;

/**
 * Whether to colour a stream: an explicit --color/--no-color wins, then FORCE_COLOR (any value but
 * "0"/"false" forces colour on, like Node itself), then NO_COLOR (https://no-color.org: any
 * non-empty value turns colour off), then TERM=dumb, and last whether the stream is a terminal.
 */
export function shouldColor(
  stream: StreamLike,
  env: NodeJS.ProcessEnv,
  choice: ColorChoice = "auto",
): boolean {
  if (choice !== "auto") return choice === "always";
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR) return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

type Format = Parameters<typeof styleText>[0];

export interface Style {
  /** True when ANSI colour codes are written. */
  readonly color: boolean;
  /** True when status symbols (✔ ✖ ⚠) are written: on a terminal, independent of colour. */
  readonly symbols: boolean;
  paint(format: Format, text: string): string;
}

export function createStyle(color: boolean, symbols: boolean): Style {
  return {
    color,
    symbols,
    paint: color
      ? (format, text) => styleText(format, text, { validateStream: false })
      : (_format, text) => text,
  };
}

/** Style for a stream of this process, from the stream, the environment and --color/--no-color. */
export function styleFor(stream: StreamLike, env: NodeJS.ProcessEnv, choice: ColorChoice): Style {
  return createStyle(
    shouldColor(stream, env, choice),
    stream.isTTY === true && env.TERM !== "dumb",
  );
}
