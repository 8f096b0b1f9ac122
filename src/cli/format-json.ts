// `check --json`: one JSON document per run, for scripts and CI annotations.
import type { FileReport, Summary } from "./report.js";

export interface JsonDocument {
  readonly files: readonly FileReport[];
  readonly summary: Summary;
}

export function formatJsonDocument(files: readonly FileReport[], summary: Summary): string {
  const document: JsonDocument = { files, summary };
  return `${JSON.stringify(document, null, 2)}\n`;
}
