// TEMPORARY (wave 2): a minimal stand-in for the codec's `locateJsonPath(text, path)`, which the
// codec engineer is adding to src/codec; the lead replaces this file with that export at merge.
// Same contract: the offset, 1-based line and 1-based column (UTF-16 code units) of the value at
// `path` in JSON text, or undefined when the text has no value there.
//
// Keys match a path segment by its proto name or its lowerCamel JSON name (fromMesosJson accepts
// both); an index into a field written as a single value (stout reads it as a one-element list)
// finds that value for index 0. The text is only scanned, never built into values, and skipping a
// value is a loop with a bracket counter, so deep nesting cannot exhaust the stack.

import { type JsonLocation, lineAndColumn } from "./line-column.js";

export function locateJsonPath(
  text: string,
  path: readonly (string | number)[],
): JsonLocation | undefined {
  let at: number | undefined = skipSpace(text, 0);
  for (const segment of path) {
    if (at === undefined || at >= text.length) return undefined;
    const open = text[at];
    if (typeof segment === "number") {
      if (open === "[") at = element(text, at, segment);
      else if (segment !== 0) return undefined;
    } else {
      if (open !== "{") return undefined;
      at = member(text, at, segment);
    }
  }
  return at === undefined || at >= text.length ? undefined : lineAndColumn(text, at);
}

function lowerCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && " \t\r\n".includes(text[at] as string)) at++;
  return at;
}

/** The offset just past the string that starts at `at` (a '"'). */
function skipString(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\") i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return text.length;
}

/** The offset just past the value that starts at `at`. */
function skipValue(text: string, at: number): number {
  const first = text[at];
  if (first === '"') return skipString(text, at);
  if (first !== "{" && first !== "[") {
    let i = at;
    while (i < text.length && !",]} \t\r\n".includes(text[i] as string)) i++;
    return i;
  }
  let depth = 0;
  let i = at;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = skipString(text, i);
      continue;
    }
    if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return text.length;
}

/** The offset of the value of key `name` in the object at `at`, or undefined. */
function member(text: string, at: number, name: string): number | undefined {
  const camel = lowerCamel(name);
  let i = skipSpace(text, at + 1);
  while (i < text.length && text[i] === '"') {
    const end = skipString(text, i);
    let key: unknown;
    try {
      key = JSON.parse(text.slice(i, end));
    } catch {
      return undefined;
    }
    i = skipSpace(text, end);
    if (text[i] !== ":") return undefined;
    const value = skipSpace(text, i + 1);
    if (key === name || key === camel) return value;
    i = skipSpace(text, skipValue(text, value));
    if (text[i] !== ",") return undefined;
    i = skipSpace(text, i + 1);
  }
  return undefined;
}

/** The offset of element `index` of the array at `at`, or undefined. */
function element(text: string, at: number, index: number): number | undefined {
  let i = skipSpace(text, at + 1);
  if (text[i] === "]") return undefined;
  for (let n = 0; i < text.length; n++) {
    if (n === index) return i;
    i = skipSpace(text, skipValue(text, i));
    if (text[i] !== ",") return undefined;
    i = skipSpace(text, i + 1);
  }
  return undefined;
}
