import { describe, expect, it } from 'vitest';
import { deserializeModel, fitCalibrator, predictProba, predictRaw, serializeModel } from '../../../electron/engine/model/index';
import { trainGbdt } from '../../../electron/engine/model/gbdt';
import { nonlinearDataset } from './syntheticData';

describe('model file', () => {
  it('round-trips a calibrated model to the same predictions and the same file', async () => {
    const data = nonlinearDataset(1500, 5, 31);
    const valid = nonlinearDataset(800, 5, 32);
    const model = fitCalibrator(await trainGbdt(data, { valid, featureNames: ['a', 'b', 'c', 'd', 'e'], params: { numRounds: 12 } }), valid, 'platt');
    const text = serializeModel(model);
    const file = JSON.parse(text) as { format: string; version: number; trees: { nodes: Record<string, unknown[]> }[] };
    expect(file.format).toBe('pwb-gbdt');
    expect(Object.keys(file.trees[0].nodes)).toEqual(expect.arrayContaining(['feature', 'threshold', 'missingLeft', 'gain', 'cover', 'value']));
    const loaded = deserializeModel(text);
    expect([...predictRaw(loaded, valid.features)]).toEqual([...predictRaw(model, valid.features)]);
    expect([...predictProba(loaded, valid.features)]).toEqual([...predictProba(model, valid.features)]);
    expect(serializeModel(loaded)).toBe(text);
  });

  it('rejects another format, an unknown version and a tree whose child points backwards', async () => {
    const model = await trainGbdt(nonlinearDataset(500, 3, 1), { params: { numRounds: 2 } });
    const file = JSON.parse(serializeModel(model)) as { format: string; version: number; trees: { nodes: { left: number[] } }[] };
    expect(() => deserializeModel(JSON.stringify({ ...file, format: 'other' }))).toThrow(/format/);
    expect(() => deserializeModel(JSON.stringify({ ...file, version: 2 }))).toThrow(/version 2 is not supported/);
    file.trees[0].nodes.left[0] = 0;
    expect(() => deserializeModel(JSON.stringify(file))).toThrow(/bad child/);
    expect(() => deserializeModel('not json')).toThrow(/not JSON/);
  });
});
