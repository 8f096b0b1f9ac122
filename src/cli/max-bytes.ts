// --max-bytes: a size with an optional KiB/MiB suffix; the default is the codec's own limit.
// Apart from args.ts because it loads the codec, which `rules` and --help never need.
import { DEFAULT_MAX_BYTES } from "../codec/index.js";
import { UsageError } from "./usage-error.js";

export function parseMaxBytes(value: string | undefined, command: string): number {
  if (value === undefined) return DEFAULT_MAX_BYTES;
  const match = /^(\d+)(k|ki|kib|m|mi|mib)?$/i.exec(value.trim());
  const digits = match?.[1];
  if (digits === undefined) {
    throw new UsageError(
      `--max-bytes must be a positive number of bytes, optionally with KiB or MiB (got ${JSON.stringify(value)})`,
      command,
    );
  }
  const unit = (match?.[2] ?? "").toLowerCase();
  const scale = unit.startsWith("k") ? 1024 : unit.startsWith("m") ? 1024 * 1024 : 1;
  const bytes = Number(digits) * scale;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new UsageError(`--max-bytes must be between 1 and 2^53 (got ${value})`, command);
  }
  return bytes;
}
