import { describe, expect, it } from 'vitest';
import { binColumns, fitCategoricalBinning, fitNumericBinning, missingBinOf, numericBinOf } from '../../../electron/engine/model/binning';
import { Random } from '../../../electron/engine/model/random';

const fit = (values: number[], maxBins = 255) => fitNumericBinning(Float64Array.from(values), maxBins, 1_000_000, new Random(1));

describe('quantile binning', () => {
  it('puts a constant column into one value bin and keeps NaN in the separate missing bin', () => {
    const binning = fit([7, 7, 7, NaN, 7]);
    expect(binning.numBins).toBe(1);
    const bins = binColumns([Float64Array.from([7, 7, 7, NaN, 7])], [binning]);
    expect([...bins]).toEqual([0, 0, 0, missingBinOf(binning), 0]);
  });

  it('gives an all-missing column a single empty value bin and sends every row to the missing bin', () => {
    const binning = fit([NaN, NaN, NaN]);
    expect(binning.numBins).toBe(1);
    const bins = binColumns([Float64Array.from([NaN, NaN, NaN])], [binning]);
    expect([...bins]).toEqual([1, 1, 1]);
  });

  it('gives each distinct value its own bin when there are fewer distinct values than bins', () => {
    const values = [3, 1, 2, 2, 10, 1, 3];
    const binning = fit(values);
    expect(binning.numBins).toBe(4);
    const bins = binColumns([Float64Array.from(values)], [binning]);
    expect([...bins]).toEqual([2, 0, 1, 1, 3, 0, 2]);
  });

  it('caps the number of value bins, keeps bins ordered, and fills them about evenly', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_000);
    const binning = fit(values, 255);
    expect(binning.numBins).toBeLessThanOrEqual(255);
    expect(binning.numBins).toBeGreaterThan(200);
    const bins = binColumns([Float64Array.from(values)], [binning]);
    const counts = Array.from({ length: binning.numBins + 1 }, () => 0);
    bins.forEach((b) => counts[b]++);
    expect(Math.max(...counts.slice(0, binning.numBins))).toBeLessThan(3 * (10_000 / binning.numBins));
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < 50; j++) if (values[i] < values[j]) expect(bins[i]).toBeLessThanOrEqual(bins[j]);
    }
  });

  it('never splits one heavily repeated value across two bins', () => {
    const values = [...Array.from({ length: 5000 }, () => 0), ...Array.from({ length: 5000 }, (_, i) => i + 1)];
    const binning = fit(values, 16);
    const bins = binColumns([Float64Array.from(values)], [binning]);
    expect(new Set(bins.subarray(0, 5000)).size).toBe(1);
    expect(bins[5000]).toBeGreaterThan(bins[0]);
  });

  it('gives categorical codes one bin each and treats negative codes as missing', () => {
    const column = Float64Array.from([5, 2, 2, -1, 9, NaN]);
    const binning = fitCategoricalBinning(column, 255);
    expect([...binning.categories]).toEqual([2, 5, 9]);
    expect([...binColumns([column], [binning])]).toEqual([1, 0, 0, 3, 2, 3]);
  });
});

describe('binning a column', () => {
  it('puts every value, bounds themselves and infinities included, in the same bin as a plain binary search', () => {
    const values: number[] = [];
    let state = 99;
    for (let i = 0; i < 20_000; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      values.push(Math.round((state / 4294967296) * 2000 - 1000) / 4);
    }
    values.push(Infinity, -Infinity, NaN, 0, -0);
    const column = Float64Array.from(values);
    for (const maxBins of [2, 3, 17, 255]) {
      const binning = fitNumericBinning(column, maxBins, 100_000, new Random(1));
      const withBounds = Float64Array.from([...values, ...binning.upperBounds]);
      const bins = binColumns([withBounds], [binning]);
      for (let i = 0; i < withBounds.length; i++) {
        const expected = Number.isNaN(withBounds[i]) ? binning.numBins : numericBinOf(binning.upperBounds, withBounds[i]);
        if (bins[i] !== expected) throw new Error(`maxBins ${maxBins}: value ${withBounds[i]} went to bin ${bins[i]}, not ${expected}`);
      }
    }
  });
});
