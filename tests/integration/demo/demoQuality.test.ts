import { describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine';
import { createInProcessClient } from '../../../electron/host/inProcess';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

describe('demo workspace quality reports', () => {
  it('stores a quality report with each demo dataset that matches its rows, customers and span', async () => {
    const engine = new Engine({ stateDir: tempDir(), demoCustomers: 400 });
    try {
      const client = createInProcessClient(engine);
      const { jobId } = await client.call('workspace.openDemo', {});
      expect((await engine.jobs.wait(jobId)).status).toBe('succeeded');
      const { datasets } = await client.call('datasets.list', {});
      expect(datasets.map((dataset) => dataset.kind)).toEqual(['events', 'profiles']);
      for (const dataset of datasets) {
        const { report } = await client.call('datasets.quality', { datasetId: dataset.id });
        expect(report).toMatchObject({ rowsRead: dataset.rows, rowsImported: dataset.rows, rowsRejected: {}, customers: dataset.customers, minTime: dataset.minTime, maxTime: dataset.maxTime });
        expect(report?.columns.length).toBeGreaterThan(3);
      }
      const events = await client.call('datasets.quality', { datasetId: datasets[0]?.id ?? '' });
      expect(events.report?.eventsPerType.map((entry) => entry.type)).toContain('commerce.purchases');
      expect(events.report?.eventsPerMonth.reduce((sum, month) => sum + month.events, 0)).toBe(datasets[0]?.rows);
    } finally {
      await engine.shutdown();
    }
  }, 120_000);
});
