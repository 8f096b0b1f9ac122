// The README's rule table, rendered from the catalogue so the two cannot drift apart.
import { CODES } from "../problems/index.js";
import { RULE_CODES } from "./rules.js";

/**
 * A Markdown table of every code validate reports: code, severity, what it checks, why, and
 * whether the rule is library policy stricter than Mesos's own validation.
 */
export function rulesTable(): string {
  const lines = ["| code | severity | what | why | stricter than Mesos |", "|---|---|---|---|---|"];
  for (const code of RULE_CODES) {
    const rule = CODES[code];
    lines.push(
      `| \`${code}\` | ${rule.severity} | ${cell(rule.what)} | ${cell(rule.why)} | ${rule.stricter ? "yes" : "no"} |`,
    );
  }
  return lines.join("\n");
}

// Table cells cannot hold "|" or line breaks.
function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}
