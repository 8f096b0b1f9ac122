// The validation rules: the entries of the code catalogue (../problems CODES) that validate
// reports. The catalogue is the single source of truth; this is a view of it.
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
