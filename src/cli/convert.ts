// `mesos-dockerinfo convert [IN] [OUT]`: strict decode, then encode, between Mesos-style JSON and
// binary protobuf. Output is produced in memory and written only when everything succeeded, so a
// failed conversion never leaves a truncated OUT file behind.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { DescMessage, Message } from "@bufbuild/protobuf";
import { encode, toMesosJson } from "../codec/index.js";
import { COMMON_OPTIONS, parseFormat, parseMaxBytes, withUsageErrors } from "./args.js";
import { EXIT_FAILURE, EXIT_OK, type ExitCode } from "./exit-codes.js";
import { toFileError } from "./file-error.js";
import { formatFileError } from "./format-text.js";
import type { Io } from "./io.js";
import { findMessageType } from "./message-types.js";
import { type ParseOptions, parseMessage } from "./parse-message.js";
import { formatOf, type InputFormat, readInput, STDIO } from "./read-input.js";
import { styleFor } from "./style.js";
import { UsageError } from "./usage-error.js";

const COMMAND = "convert";

const OPTIONS = {
  ...COMMON_OPTIONS,
  from: { type: "string" },
  to: { type: "string" },
  compact: { type: "boolean" },
  "emit-defaults": { type: "boolean" },
} as const;

export interface ConvertCommand extends ParseOptions {
  readonly input: string;
  readonly output: string;
  readonly from: InputFormat;
  readonly to: InputFormat;
  readonly schema: DescMessage;
  readonly compact: boolean;
  readonly emitDefaults: boolean;
}

export function parseConvertArgs(args: string[]): ConvertCommand {
  const { values, positionals } = withUsageErrors(COMMAND, () =>
    parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true }),
  );
  if (positionals.length > 2) {
    throw new UsageError(
      `convert takes at most IN and OUT, got ${positionals.length} arguments: ${positionals.join(" ")}`,
      COMMAND,
    );
  }
  const input = positionals[0] ?? STDIO;
  const output = positionals[1] ?? STDIO;
  const from =
    parseFormat(values.from, "--from", COMMAND) ?? (input === STDIO ? "json" : formatOf(input));
  const to =
    parseFormat(values.to, "--to", COMMAND) ??
    (output !== STDIO ? formatOf(output) : from === "json" ? "binary" : "json");
  return {
    input,
    output,
    from,
    to,
    schema: findMessageType(values.type ?? "TaskInfo", COMMAND),
    compact: values.compact ?? false,
    emitDefaults: values["emit-defaults"] ?? false,
    ignoreUnknownFields: values["ignore-unknown-fields"] ?? false,
    maxBytes: parseMaxBytes(values["max-bytes"], COMMAND),
  };
}

function serialize(command: ConvertCommand, message: Message): string | Uint8Array {
  if (command.to === "binary") return encode(command.schema, message);
  const json = toMesosJson(command.schema, message, { emitDefaults: command.emitDefaults });
  return `${JSON.stringify(json, null, command.compact ? undefined : 2)}\n`;
}

export async function runConvert(command: ConvertCommand, io: Io): Promise<ExitCode> {
  if (command.to === "binary" && command.output === STDIO && io.stdout.isTTY) {
    throw new UsageError(
      "refusing to write binary protobuf to a terminal; name an OUT file or redirect stdout",
      COMMAND,
    );
  }
  const err = styleFor(io.stderr, io.env, "auto");
  let output: string | Uint8Array;
  try {
    const bytes = await readInput(command.input, command.maxBytes);
    const message = parseMessage(command.schema, bytes, command.from, command);
    output = serialize(command, message);
  } catch (error) {
    io.stderr.write(formatFileError(command.input, toFileError(error), err));
    return EXIT_FAILURE;
  }
  if (command.output === STDIO) {
    io.stdout.write(output);
    return EXIT_OK;
  }
  try {
    await writeFile(command.output, output);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      formatFileError(
        command.output,
        { code: "write_failed", message: `write_failed: cannot write: ${reason}` },
        err,
      ),
    );
    return EXIT_FAILURE;
  }
  return EXIT_OK;
}
