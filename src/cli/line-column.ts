// Offsets into JSON text → 1-based line and column (UTF-16 code units, as editors and GitHub
// annotations count them for the BMP), for `file:line:col` locations.

export interface JsonLocation {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

// The line starts of the last text asked about: one file's issues are located one after another,
// so each lookup is a binary search instead of a scan from the start.
let cachedText: string | undefined;
let cachedStarts: number[] = [];

function lineStarts(text: string): number[] {
  if (text !== cachedText) {
    const starts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    cachedText = text;
    cachedStarts = starts;
  }
  return cachedStarts;
}

/** The 1-based line and column of an offset into `text`. */
export function lineAndColumn(text: string, offset: number): JsonLocation {
  const starts = lineStarts(text);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return { offset, line: low + 1, column: offset - (starts[low] as number) + 1 };
}
