// Duplicate detection for repeated fields (volume mount points, environment names, set items),
// done while walking the list so that the issue lands at the repeating item in field order.

const PAIRWISE_MAX = 16;

/**
 * The keys of the items of one list seen so far. A short list is compared pairwise without
 * allocating; past 16 items a Map keeps a hostile list (a message can hold hundreds of
 * thousands of items) linear. Each rule keeps one instance and resets it per list: the walk
 * is synchronous and a list of one kind never nests inside another of the same kind.
 */
export class SeenKeys {
  private readonly keys: (string | undefined)[] = new Array(PAIRWISE_MAX).fill(undefined);
  private count = 0;
  private map: Map<string, number> | undefined;

  /** Forget every key (and the strings held for them). */
  reset(): void {
    const n = Math.min(this.count, PAIRWISE_MAX);
    const keys = this.keys;
    for (let i = 0; i < n; i++) keys[i] = undefined;
    this.count = 0;
    this.map = undefined;
  }

  /**
   * Record the next item's key (undefined: the item takes part in no comparison); returns the
   * index of the first earlier item with the same key, or -1.
   */
  add(key: string | undefined): number {
    const index = this.count++;
    const map = this.map;
    if (map !== undefined) {
      if (key === undefined) return -1;
      const earlier = map.get(key);
      if (earlier !== undefined) return earlier;
      map.set(key, index);
      return -1;
    }
    const keys = this.keys;
    let earlier = -1;
    if (key !== undefined) {
      for (let i = 0; i < index; i++) {
        if (keys[i] === key) {
          earlier = i;
          break;
        }
      }
    }
    keys[index] = key;
    if (index === PAIRWISE_MAX - 1) {
      const built = new Map<string, number>();
      for (let i = PAIRWISE_MAX - 1; i >= 0; i--) {
        const k = keys[i];
        if (k !== undefined) built.set(k, i); // descending: the first index wins
      }
      this.map = built;
    }
    return earlier;
  }
}
