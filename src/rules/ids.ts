// IDs (TaskID, SlaveID, ExecutorID, FrameworkID, OfferID and their mesos.v1 twins): Mesos's
// `validateID` (Mesos 1.11.0 src/common/validation.cpp): non-empty, at most NAME_MAX (255) bytes,
// not "." or "..", no control character, '/' or '\'. Mesos checks bytes of a std::string in the
// C locale, so the length is counted in UTF-8 bytes and only ASCII control characters count.
import { quote } from "../problems/index.js";
import { present } from "../schema/index.js";
import type { Collector } from "./collector.js";

const NAME_MAX = 255;
// Counts an ID's UTF-8 bytes (a lone surrogate is written as U+FFFD, 3 bytes, as Mesos gets it).
const UTF8 = new TextEncoder();

// "mesos.TaskID" -> "TaskID": names the ID in messages.
function idKind(typeName: string): string {
  return typeName.slice(typeName.lastIndexOf(".") + 1);
}

/**
 * Mesos's ID rules on the `value` of an ID message of type `typeName` (the walk reported it
 * missing already; this runs only on a set value). Issues land at "value".
 */
export function checkId(c: Collector, id: string, typeName: string): void {
  // A verdict cache: the rules are a pure function of the string, and a stream of tasks repeats
  // its IDs (the agent's, the framework's, an executor's). Slotted by length, so a task's ID and
  // its agent's ID (of different lengths, as a rule) do not evict each other; 8 strings at most.
  const slot = id.length & (CLEAN_SLOTS - 1);
  if (cleanIds[slot] === id) return;
  if (judgeId(c, id, typeName)) cleanIds[slot] = id;
}

/**
 * The ID rules of one ID message of type `typeName`, on its `value` when set. The caller reads
 * `value`: one binding per ID type keeps each load site on a single message shape.
 */
export function checkIdValue(msg: object, value: string, typeName: string, c: Collector): void {
  if (present(msg, "value", value, "")) checkId(c, value, typeName);
}

const CLEAN_SLOTS = 8;
const cleanIds: (string | undefined)[] = new Array(CLEAN_SLOTS).fill(undefined);

/**
 * True when checkId found `id` clean lately (it is in the verdict cache), so checkId would report
 * nothing on it now; false means "not known": run checkId. For the fast verdicts of whole tasks
 * (Binding.clean), which must not report.
 */
export function knownCleanId(id: string): boolean {
  return cleanIds[id.length & (CLEAN_SLOTS - 1)] === id;
}

// checkId without the cache: true when `id` passed every rule.
function judgeId(c: Collector, id: string, typeName: string): boolean {
  if (id === "") {
    c.report(
      "id_empty",
      `${idKind(typeName)} value is empty; Mesos rejects it ("ID must not be empty"): give it a non-empty ID`,
      "value",
    );
    return false;
  }
  // At most 3 UTF-8 bytes per UTF-16 code unit: short IDs skip the byte count.
  let ok = true;
  if (id.length * 3 > NAME_MAX) {
    const bytes = UTF8.encode(id).length;
    if (bytes > NAME_MAX) {
      ok = false;
      c.report(
        "id_too_long",
        `${idKind(typeName)} value ${quote(id)} is ${bytes} bytes long (UTF-8); Mesos allows at most ${NAME_MAX}: shorten it`,
        "value",
      );
    }
  }
  if (id === "." || id === "..") {
    c.report(
      "id_reserved",
      `${idKind(typeName)} value ${quote(id)} is disallowed by Mesos (it names a directory in the sandbox path): choose another ID`,
      "value",
    );
    return false;
  }
  const bad = invalidIdCharIndex(id);
  if (bad !== -1) {
    ok = false;
    c.report(
      "id_invalid_characters",
      `${idKind(typeName)} value ${quote(id)} contains ${JSON.stringify(id[bad])} at index ${bad}; Mesos rejects control characters, '/' and '\\' in IDs: remove or replace it`,
      "value",
    );
  }
  return ok;
}

// An ASCII control character, '/' or '\'. A single character class cannot backtrack, and the
// regex engine runs it as native code: measured faster than a charCodeAt loop on typical IDs.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what Mesos refuses
const INVALID_ID_CHAR = /[\x00-\x1f\x7f/\\]/;

// Index of the first character Mesos refuses in an ID, or -1. `test` first: on a valid ID (the
// common case) it is cheaper than `search`, which also saves and restores `lastIndex`.
function invalidIdCharIndex(id: string): number {
  return INVALID_ID_CHAR.test(id) ? id.search(INVALID_ID_CHAR) : -1;
}
