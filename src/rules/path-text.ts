// Text checks on slash-separated paths, as Docker sees them: Docker compares mount points after
// Go's `path.Clean`, so the clean form is what decides duplicates and "is it /".

const SLASH = 47;
const DOT = 46;
const COLON = 58;

/** scanPath finding: a control character (Unicode Cc). */
export const PATH_CONTROL = 1;
/** scanPath finding: a ':'. */
export const PATH_COLON = 2;
/** scanPath finding: a '..' segment. */
export const PATH_PARENT = 4;
/** scanPath finding: '//', a trailing '/' or a '.' segment (exact for paths without '..'). */
export const PATH_NOT_CLEAN = 8;

/**
 * One pass over a non-empty path: a bit set of PATH_* findings. The volume rules need all four,
 * and a path is scanned once per validation.
 */
export function scanPath(p: string): number {
  const n = p.length;
  let flags = 0;
  let segStart = 0;
  for (let i = 0; i < n; i++) {
    const ch = p.charCodeAt(i);
    // Letters, digits and most punctuation: nothing to note (the common case, one test).
    if (ch > COLON ? ch < 0x7f : ch >= 0x30 && ch < COLON) continue;
    if (ch === SLASH) {
      // "//" (an empty segment that is not the leading "/"), or a "." or ".." segment
      if (i !== segStart || i === 0) {
        if (i - segStart <= 2 && i !== 0) flags |= dotSegment(p, segStart, i);
      } else {
        flags |= PATH_NOT_CLEAN;
      }
      segStart = i + 1;
    } else if (ch === COLON) {
      flags |= PATH_COLON;
    } else if (ch < 0x20 || (ch >= 0x7f && ch <= 0x9f)) {
      flags |= PATH_CONTROL;
    }
  }
  if (segStart === n) {
    if (n > 1) flags |= PATH_NOT_CLEAN; // a trailing "/" ("/" itself is clean)
  } else if (n - segStart <= 2) {
    const dots = dotSegment(p, segStart, n);
    flags |= dots === PATH_NOT_CLEAN && n === 1 ? 0 : dots; // "." alone is clean
  }
  return flags;
}

// The finding for segment p[start, end) when it is "." (not clean) or ".." (parent), else 0.
function dotSegment(p: string, start: number, end: number): number {
  if (p.charCodeAt(start) !== DOT) return 0;
  if (end - start === 1) return PATH_NOT_CLEAN;
  return p.charCodeAt(start + 1) === DOT ? PATH_PARENT : 0;
}

/** True iff `p` equals Go's `path.Clean(p)`: no `//`, no trailing `/`, no `.` or `..` segments. */
export function isCleanPath(p: string): boolean {
  const n = p.length;
  if (n === 0) return false; // path.Clean("") is "."
  if (n === 1) return true; // "/", "." or a one-character name
  if (p.charCodeAt(n - 1) === SLASH) return false;
  const rooted = p.charCodeAt(0) === SLASH;
  // A relative path may start with ".." segments (cleaning keeps them); nowhere else.
  let onlyParents = !rooted;
  let segStart = rooted ? 1 : 0;
  for (let i = segStart; i <= n; i++) {
    if (i < n && p.charCodeAt(i) !== SLASH) continue;
    const len = i - segStart;
    if (len === 0) return false; // "//"
    if (p.charCodeAt(segStart) === DOT) {
      if (len === 1) return false; // a "." segment
      if (len === 2 && p.charCodeAt(segStart + 1) === DOT) {
        if (!onlyParents) return false;
        segStart = i + 1;
        continue;
      }
    }
    onlyParents = false;
    segStart = i + 1;
  }
  return true;
}

/** Go's `path.Clean`: the shortest equivalent path. Returns `p` itself when already clean. */
export function cleanPath(p: string): string {
  if (isCleanPath(p)) return p;
  if (p === "") return ".";
  const rooted = p.charCodeAt(0) === SLASH;
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") {
        out.pop();
      } else if (!rooted) {
        out.push(".."); // a relative path keeps its leading ".."; "/.." is "/"
      }
      continue;
    }
    out.push(seg);
  }
  const joined = out.join("/");
  if (rooted) return `/${joined}`;
  return joined === "" ? "." : joined;
}

/** True iff some segment of `p` is exactly `..`. */
export function hasParentSegment(p: string): boolean {
  let i = p.indexOf("..");
  while (i !== -1) {
    const before = i === 0 || p.charCodeAt(i - 1) === SLASH;
    const after = i + 2 === p.length || p.charCodeAt(i + 2) === SLASH;
    if (before && after) return true;
    i = p.indexOf("..", i + 1);
  }
  return false;
}

/**
 * Index of the first control character (Unicode category Cc: U+0000–U+001F, U+007F–U+009F),
 * or -1.
 */
export function controlCharIndex(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 0x20 || (ch >= 0x7f && ch <= 0x9f)) return i;
  }
  return -1;
}

/** `U+000A` style name of the code unit at `index`. */
export function codeUnitName(s: string, index: number): string {
  return `U+${s.charCodeAt(index).toString(16).toUpperCase().padStart(4, "0")}`;
}
