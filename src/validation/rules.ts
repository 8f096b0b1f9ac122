// The validation rules: the entries of the code catalogue (../problems CODES) that validate
// reports, and the README's rule table rendered from them. The catalogue is the single source of
// truth; these are views of it, so they cannot drift apart.
import { CODES, type CodeInfo, type IssueCode } from "../problems/index.js";

/** A code validate can report, with its severity, what, why and whether it is library policy. */
export type RuleInfo = CodeInfo;

/** Every code validate can report (catalogue entries whose `from` contains "validate"). */
export const RULES: Readonly<Partial<Record<IssueCode, RuleInfo>>> = Object.freeze(
  Object.fromEntries(
    Object.entries(CODES).filter(([, info]) =>
      (info.from as readonly string[]).includes("validate"),
    ),
  ),
);

/** The codes validate can report, in catalogue order. */
export const RULE_CODES = Object.keys(RULES) as IssueCode[];

/**
 * A Markdown table of every code validate reports: code, severity, the schemas whose messages it
 * applies to (seed, v1 or both), what it checks, why, and whether the rule is library policy
 * stricter than Mesos's own validation (for v1 messages: stricter than Mesos 1.11).
 */
export function rulesTable(): string {
  const lines = [
    "| code | severity | schemas | what | why | stricter than Mesos |",
    "|---|---|---|---|---|---|",
  ];
  for (const code of RULE_CODES) {
    const rule = CODES[code];
    lines.push(
      `| \`${code}\` | ${rule.severity} | ${rule.schemas.join(", ")} | ${cell(rule.what)} | ${cell(rule.why)} | ${rule.stricter ? "yes" : "no"} |`,
    );
  }
  return lines.join("\n");
}

// Table cells cannot hold "|" or line breaks.
function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}
