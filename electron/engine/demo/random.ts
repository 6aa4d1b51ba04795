/**
 * A small seeded PRNG (xoshiro128**, seeded through splitmix32) with the few distributions the
 * demo generator needs. Math.log/exp/cos are V8's fdlibm ports, so a given seed yields the same
 * stream on every platform.
 */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** `stream` picks an independent sequence for the same seed (one per customer, say). */
  constructor(seed: number, stream = 0) {
    let state = splitmix32Step(seed >>> 0) ^ Math.imul(stream >>> 0, 0x9e3779b1);
    const next = (): number => {
      state = (state + 0x9e3779b9) >>> 0;
      return splitmix32Step(state);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  nextUint32(): number {
    const result = Math.imul(rotateLeft(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotateLeft(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  between(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  normal(): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count++;
      product *= this.next();
    }
    return count;
  }

  /** Number of failures before the first success: geometric with the given mean. */
  geometric(mean: number): number {
    if (mean <= 0) return 0;
    const stop = 1 / (1 + mean);
    return Math.floor(Math.log(1 - this.next()) / Math.log(1 - stop));
  }

  /** An index drawn with the weights whose running totals are given (last entry is the total). */
  pickCumulative(cumulativeWeights: Float64Array): number {
    const target = this.next() * cumulativeWeights[cumulativeWeights.length - 1];
    let index = 0;
    while (index < cumulativeWeights.length - 1 && cumulativeWeights[index] <= target) index++;
    return index;
  }
}

export function cumulative(weights: readonly number[]): Float64Array {
  const totals = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((weight, index) => {
    sum += weight;
    totals[index] = sum;
  });
  return totals;
}

function rotateLeft(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}

function splitmix32Step(input: number): number {
  let z = input >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
