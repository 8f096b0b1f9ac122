// Text that cannot travel: an unpaired UTF-16 surrogate (UTF-8 cannot carry it, so encode and
// toMesosJson refuse the message) and NUL in a string that ends up in an exec argv (Mesos hands
// C strings to exec and docker, so the string would be cut at the NUL).
import { quote } from "../problems/index.js";
import type { Collector } from "./collector.js";
import { codeUnitName } from "./path-text.js";

interface WellFormed {
  isWellFormed(): boolean;
}

// Index of the first unpaired surrogate of `s` (which holds one).
function unpairedSurrogateIndex(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 0xd800 || ch > 0xdfff) continue;
    if (ch <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

/** Report `unpaired_surrogate` when `s` (field `field`, index `index` of a list) holds one. */
export function checkWellFormed(
  c: Collector,
  s: string,
  field: string,
  index?: number | string,
): void {
  if ((s as unknown as WellFormed).isWellFormed()) return;
  const at = unpairedSurrogateIndex(s);
  const where =
    index === undefined ? field : `${field}[${typeof index === "number" ? index : quote(index)}]`;
  c.report(
    "unpaired_surrogate",
    `${where} holds an unpaired UTF-16 surrogate ${codeUnitName(s, at)} at index ${at}; UTF-8 cannot carry it, so encode and toMesosJson refuse the message: remove it or pair it`,
    field,
    index,
  );
}

/**
 * Report `string_contains_nul` when `s` (field `field`, index `index`) holds U+0000. `what` says
 * where the string goes, e.g. "the command's argv".
 */
export function checkNoNul(
  c: Collector,
  s: string,
  what: string,
  field: string,
  index?: number,
): void {
  const at = s.indexOf("\0");
  if (at === -1) return;
  const where = index === undefined ? field : `${field}[${index}]`;
  c.report(
    "string_contains_nul",
    `${where} ${quote(s)} contains NUL (U+0000) at index ${at}; Mesos passes ${what} to exec as C strings, which end at the NUL, so what runs is not what was written: remove it`,
    field,
    index,
  );
}
