/** Seeded PRNG (mulberry32): the same seed gives the same sequence on every platform. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = (seed ^ 0x9e3779b9) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** `k` distinct indices from [0, n), in increasing order. */
  sampleSorted(n: number, k: number): Uint32Array {
    const out = new Uint32Array(k);
    if (k >= n) {
      for (let i = 0; i < n; i++) out[i] = i;
      return out;
    }
    // Selection sampling (Knuth's algorithm S): one pass, output already sorted.
    let chosen = 0;
    for (let i = 0; i < n && chosen < k; i++) {
      if ((n - i) * this.next() < k - chosen) out[chosen++] = i;
    }
    return out;
  }
}
