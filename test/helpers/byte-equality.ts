// A fast path for `toEqual` on byte arrays. Vitest's default comparison of two Uint8Arrays walks
// them as iterables, one `equals` call per byte, and then compares `Object.entries` of both (one
// [key, value] pair per byte): about 8 µs a byte, so the codec properties, which compare
// encodings of tens of kilobytes, spent most of their time here. This tester answers only
// "equal", and only where the default comparison would also say so (same prototype, same length,
// same bytes, no own properties beside the indices); every other case, unequal ones included, is
// left to the default comparison, so failures read as before.
export function equalByteArrays(a: unknown, b: unknown): boolean | undefined {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) return undefined;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || a.length !== b.length) {
    return undefined;
  }
  if (Buffer.compare(a, b) !== 0) return undefined;
  // Own properties beside the indices (none in practice) take Object.keys, which lists every
  // index too: still linear, and the slowest step here, but some 400 times faster than default.
  if (Object.keys(a).length !== a.length || Object.keys(b).length !== b.length) return undefined;
  return true;
}
