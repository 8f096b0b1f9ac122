// `mesos-dockerinfo rules [--json]`: every issue code of the catalogue (CODES in src/problems),
// with its severity, what it means, why, which verbs report it, which schemas it applies to
// (seed, v1) and whether this library is stricter than Mesos there (for v1: than Mesos 1.11).
// Rendered from the catalogue, so it cannot drift from the code.
import { CODES, type CodeInfo, ISSUE_CODES, type IssueCode } from "../problems/index.js";
import { parseCommandArgs } from "./args.js";
import { EXIT_OK, type ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";
import { UsageError } from "./usage-error.js";

const COMMAND = "rules";

const OPTIONS = { json: { type: "boolean" } } as const;

export interface RulesCommand {
  readonly json: boolean;
}

export function parseRulesArgs(args: string[]): RulesCommand {
  const { values, positionals } = parseCommandArgs(COMMAND, args, OPTIONS);
  if (positionals.length > 0) {
    throw new UsageError(`rules takes no arguments, got: ${positionals.join(" ")}`, COMMAND);
  }
  return { json: values.json ?? false };
}

type RuleRow = CodeInfo & { readonly code: IssueCode };

const HEADERS = ["code", "severity", "schemas", "stricter", "from"] as const;

/**
 * One line per code: code, severity, schemas, stricter than Mesos (yes/no), the verbs that report
 * it, then "what — why". The first five columns are padded to line up.
 */
function formatRulesText(rows: readonly RuleRow[]): string {
  const cells = rows.map((row) => [
    row.code,
    row.severity,
    row.schemas.join(","),
    row.stricter ? "yes" : "no",
    row.from.join(","),
  ]);
  const widths = HEADERS.map((header, i) =>
    Math.max(header.length, ...cells.map((cell) => (cell[i] as string).length)),
  );
  const line = (columns: readonly string[], rest: string) =>
    `${columns.map((text, i) => text.padEnd(widths[i] as number)).join("  ")}  ${rest}`;
  const out = rows.map((row, i) => line(cells[i] as string[], `${row.what} — ${row.why}`));
  return `${[line(HEADERS, "what — why"), ...out].join("\n")}\n`;
}

export function runRules(command: RulesCommand, io: Io): ExitCode {
  // The catalogue as rows, in catalogue order.
  const rows: RuleRow[] = ISSUE_CODES.map((code) => ({ code, ...(CODES[code] as CodeInfo) }));
  io.stdout.write(
    command.json ? `${JSON.stringify({ rules: rows }, null, 2)}\n` : formatRulesText(rows),
  );
  return EXIT_OK;
}
