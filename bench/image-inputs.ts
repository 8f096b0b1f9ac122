// Inputs for parseImageReference: references people write every day, and hostile strings shaped
// after the known slow paths of reference grammars (nested quantifiers over name components,
// separator runs, oversized tags, digests and domains). Pure functions, shared by the main
// process and the probe worker.

export const TYPICAL_REFERENCES: readonly string[] = [
  "busybox",
  "busybox:1.36",
  "library/ubuntu:22.04",
  "docker.io/library/nginx:1.25-alpine",
  "registry.example.com:5000/team/app:v1.2.3",
  "localhost:5000/app:latest",
  `ghcr.io/org/sub/app@sha256:${"0123456789abcdef".repeat(4)}`,
  `quay.io/org/app:2.0@sha256:${"fedcba9876543210".repeat(4)}`,
];

/** `unit` repeated and cut to exactly `size` characters (all inputs are ASCII: chars = bytes). */
function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

export const HOSTILE_PATTERNS = {
  /** One endless name component. */
  "aaaa…": (size: number) => repeatTo("a", size),
  /** Valid-looking component, one bad character at the very end: the classic backtracking bomb. */
  "aaaa…!": (size: number) => `${repeatTo("a", size - 1)}!`,
  /** A separator run that never reaches the alphanumeric it needs. */
  "a----…!": (size: number) => `a${repeatTo("-", size - 2)}!`,
  /** Thousands of path components. */
  "a/a/a/…": (size: number) => `${repeatTo("a/", size - 1)}a`,
  /** A domain of thousands of labels. */
  "a.b-c.…/x": (size: number) => `${repeatTo("a.b-c.", size - 3)}d/x`,
  /** A tag far past the 128-character limit. */
  "busybox:tttt…": (size: number) => `busybox:${repeatTo("t", size - 8)}`,
  /** A digest far past any algorithm's length. */
  "busybox@sha256:0000…": (size: number) => `busybox@sha256:${repeatTo("0", size - 15)}`,
  /** Colons everywhere: port, tag and digest separators in the wrong places. */
  "a:a:a:…": (size: number) => repeatTo("a:", size),
} as const satisfies Record<string, (size: number) => string>;

export type HostilePattern = keyof typeof HOSTILE_PATTERNS;

export const HOSTILE_SIZES = [1024, 65536] as const;

/**
 * The parser refuses inputs over IMAGE_REFERENCE_MAX_LENGTH (4096) before scanning, so hostile
 * inputs are parsed with the cap lifted: that measures the scanner itself, which must be linear.
 * The capped default is measured once on its own.
 */
export const UNCAPPED = { maxLength: Number.POSITIVE_INFINITY } as const;

export function hostileInput(pattern: HostilePattern, size: number): string {
  return HOSTILE_PATTERNS[pattern](size);
}
