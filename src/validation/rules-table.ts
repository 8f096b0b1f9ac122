// The README's rule table, rendered from the catalogue so the two cannot drift apart.
import { CODES } from "../problems/index.js";
import { RULE_CODES } from "./rules.js";

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
