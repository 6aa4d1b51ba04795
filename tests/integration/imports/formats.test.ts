import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../shared/errors';
import { datasetTable } from '../../../electron/engine/datasets/datasetCatalog';
import { previewImport } from '../../../electron/engine/imports/previewImport';
import { quoteIdentifier } from '../../../electron/engine/sql/quote';
import { useImportWorkspaces } from '../../helpers/importFixture';

const { tempDir, workspace, run } = useImportWorkspaces();

function write(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

async function tableRows(target: Awaited<ReturnType<typeof workspace>>, datasetId: string, columns: string[]) {
  const row = await target.db.one('SELECT table_name FROM pwb.datasets WHERE id = $1', [datasetId]);
  const select = columns.map((column) => `CAST(${quoteIdentifier(column)} AS VARCHAR) AS ${quoteIdentifier(column)}`).join(', ');
  return target.db.all(`SELECT ${select} FROM ${datasetTable(String(row?.['table_name']))}`);
}

const NESTED_EVENTS = [
  { identityMap: { ecid: 'c1' }, timestamp: '2025-03-01T10:00:00Z', eventType: 'commerce.purchases', commerce: { order: { priceTotal: 12.5, purchaseID: 'o1' } }, productListItems: [{ SKU: 'A1', quantity: 2 }, { SKU: 'B2', quantity: 1 }] },
  { identityMap: { ecid: 'c2' }, timestamp: '2025-03-02T11:30:00Z', eventType: 'web.webpagedetails.pageViews', commerce: { order: { priceTotal: null, purchaseID: null } }, productListItems: [] },
  { identityMap: { ecid: 'c1' }, timestamp: '2025-03-05T09:15:00Z', eventType: 'commerce.productViews', commerce: { order: { priceTotal: null, purchaseID: null } }, productListItems: [{ SKU: 'C3', quantity: 1 }] },
];

describe('import formats', () => {
  it('imports NDJSON with nested objects as dotted columns, the first list item as name[0].field', async () => {
    const file = write('events.ndjson', NESTED_EVENTS.map((event) => JSON.stringify(event)).join('\n'));
    const target = await workspace();
    const { dataset, report } = await run(target, { files: [file] }, { name: 'XDM', kind: 'events', idColumn: 'identityMap.ecid', timeColumn: 'timestamp', eventTypeColumn: 'eventType' });
    expect(report.format).toBe('json');
    expect(report.columns.map((column) => column.name)).toEqual([
      'identityMap.ecid',
      'timestamp',
      'eventType',
      'commerce.order.priceTotal',
      'commerce.order.purchaseID',
      'productListItems[0].SKU',
      'productListItems[0].quantity',
    ]);
    expect(report).toMatchObject({ rowsRead: 3, rowsImported: 3, customers: 2, minTime: '2025-03-01T10:00:00', maxTime: '2025-03-05T09:15:00' });
    expect(report.eventsPerType).toEqual([
      { type: 'commerce.productViews', events: 1 },
      { type: 'commerce.purchases', events: 1 },
      { type: 'web.webpagedetails.pageViews', events: 1 },
    ]);
    const rows = await tableRows(target, dataset.id, ['identityMap.ecid', 'commerce.order.priceTotal', 'productListItems[0].SKU']);
    expect(rows[0]).toEqual({ 'identityMap.ecid': 'c1', 'commerce.order.priceTotal': '12.5', 'productListItems[0].SKU': 'A1' });
    expect(rows[1]?.['productListItems[0].SKU']).toBeNull();
  });

  it('imports Parquet with its own types and several CSV files given as a glob into one dataset', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'part-1.csv'), 'id,ts,amount\na,2025-01-01 10:00:00,1.5\nb,2025-01-02 10:00:00,2\n');
    writeFileSync(join(dir, 'part-2.csv'), 'id,ts,amount\nc,2025-02-01 10:00:00,3\n');
    const target = await workspace();
    const fromGlob = await run(target, { files: [join(dir, 'part-*.csv')] }, { name: 'Parts', kind: 'events', idColumn: 'id', timeColumn: 'ts' });
    expect(fromGlob.report).toMatchObject({ rowsRead: 3, rowsImported: 3, customers: 3 });
    expect(fromGlob.report.sources.map((source) => source.path.split('/').pop())).toEqual(['part-1.csv', 'part-2.csv']);

    const parquet = join(dir, 'events.parquet');
    await target.db.run(
      `COPY (SELECT * FROM (VALUES (1::BIGINT, TIMESTAMP '2025-01-01 08:00:00', 4.5::DOUBLE), (2, TIMESTAMP '2025-01-03 09:00:00', NULL)) AS t(customer, seen_at, value)) TO '${parquet.replaceAll("'", "''")}' (FORMAT parquet)`,
    );
    const fromParquet = await run(target, { files: [parquet] }, { name: 'Parquet', kind: 'events', idColumn: 'customer', timeColumn: 'seen_at' });
    expect(fromParquet.report).toMatchObject({ format: 'parquet', rowsRead: 2, rowsImported: 2, minTime: '2025-01-01T08:00:00' });
    expect(fromParquet.report.columns).toEqual([
      { name: 'customer', type: 'VARCHAR', kind: 'text', nonNull: 2, completeness: 1 },
      { name: 'seen_at', type: 'TIMESTAMP', kind: 'time', nonNull: 2, completeness: 1 },
      { name: 'value', type: 'DOUBLE', kind: 'number', nonNull: 1, completeness: 0.5 },
    ]);
  });

  it('reads gzip and tab-separated files and a given time format, and rejects the rows whose time does not fit it', async () => {
    const file = write('events.tsv.gz', gzipSync('user\twhen\tkind\nu1\t31/01/2025 10:00\tbuy\nu2\t01/02/2025 11:00\tview\nu3\tyesterday\tview\nu4\t\tview\n'));
    const target = await workspace();
    const { report } = await run(target, { files: [file] }, { name: 'TSV', kind: 'events', idColumn: 'user', timeColumn: 'when', timeFormat: '%d/%m/%Y %H:%M' });
    expect(report).toMatchObject({ rowsRead: 4, rowsImported: 2, rowsRejected: { unparsable_time: 1, null_time: 1 }, minTime: '2025-01-31T10:00:00', maxTime: '2025-02-01T11:00:00', timeFormat: '%d/%m/%Y %H:%M' });
    expect(report.rejectSamples).toContainEqual({ reason: 'unparsable_time', line: null, detail: 'could not read "yesterday" as a time' });
  });

  it('detects the format most times are written in and rejects, with an example, the few written otherwise', async () => {
    const lines = ['id,seen'];
    for (let day = 1; day <= 28; day += 1) lines.push(`c${day},${String(day).padStart(2, '0')}/01/2025 10:00`);
    lines.push('c99,not a time');
    const target = await workspace();
    const { report } = await run(target, { files: [write('mostly.csv', lines.join('\n'))] }, { name: 'Mostly', kind: 'events', idColumn: 'id', timeColumn: 'seen' });
    expect(report).toMatchObject({ rowsRead: 29, rowsImported: 28, rowsRejected: { unparsable_time: 1 }, timeFormat: '%d/%m/%Y %H:%M' });
    expect(report.rejectSamples).toEqual([{ reason: 'unparsable_time', line: null, detail: 'could not read "not a time" as a time' }]);
  });

  it('refuses day/month-ambiguous times until the format is chosen, and names both readings', async () => {
    const file = write('ambiguous.csv', 'id,date\na,01/02/2025\nb,03/04/2025\nc,05/06/2025\n');
    const target = await workspace();
    const failure = await run(target, { files: [file] }, { name: 'Ambiguous', kind: 'events', idColumn: 'id', timeColumn: 'date' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkbenchError);
    expect((failure as WorkbenchError).field).toBe('mapping.timeFormat');
    expect((failure as WorkbenchError).message).toContain('%m/%d/%Y or %d/%m/%Y');
    const preview = await previewImport({ files: [file] });
    expect(preview.suggestion.timeFormats).toEqual(['%m/%d/%Y', '%d/%m/%Y']);
    const chosen = await run(target, { files: [file] }, { name: 'Ambiguous', kind: 'events', idColumn: 'id', timeColumn: 'date', timeFormat: '%d/%m/%Y' });
    expect(chosen.report.minTime).toBe('2025-02-01T00:00:00');
  });

  it('converts times with offsets to the chosen zone and reads Unix epoch numbers', async () => {
    const zoned = write('zoned.csv', 'id,at\na,2025-06-01T12:00:00+02:00\nb,2025-06-01T12:00:00Z\n');
    const epoch = write('epoch.csv', 'id,created_ts\na,1735689600\nb,1735776000\n');
    const target = await workspace();
    const inNewYork = await run(target, { files: [zoned] }, { name: 'Zoned', kind: 'events', idColumn: 'id', timeColumn: 'at', timeZone: 'America/New_York' });
    expect([inNewYork.report.minTime, inNewYork.report.maxTime]).toEqual(['2025-06-01T06:00:00', '2025-06-01T08:00:00']);
    const fromEpoch = await run(target, { files: [epoch] }, { name: 'Epoch', kind: 'events', idColumn: 'id', timeColumn: 'created_ts' });
    expect(fromEpoch.report).toMatchObject({ minTime: '2025-01-01T00:00:00', maxTime: '2025-01-02T00:00:00', timeFormat: 'Unix time in seconds' });
  });

  it('refuses an unknown time zone and a time format that is not a strptime pattern, naming the field', async () => {
    const file = write('settings.csv', 'id,at\na,2025-06-01 12:00:00\n');
    const target = await workspace();
    const attempt = (mapping: Record<string, string>) =>
      run(target, { files: [file] }, { name: 'Settings', kind: 'events', idColumn: 'id', timeColumn: 'at', ...mapping }).catch((error: unknown) => error as WorkbenchError);
    expect(await attempt({ timeZone: 'Mars/Olympus_Mons' })).toMatchObject({ field: 'mapping.timeZone', message: expect.stringContaining('"Mars/Olympus_Mons" is not a time zone') });
    expect(await attempt({ timeFormat: '%Q/%m' })).toMatchObject({ field: 'mapping.timeFormat', message: expect.stringContaining('not a strptime code') });
    expect(await attempt({ timeFormat: 'day-month' })).toMatchObject({ field: 'mapping.timeFormat', message: expect.stringContaining('has no format codes') });
  });

  it('keeps the first row of a repeated profile id and reports the others as duplicate_id', async () => {
    const file = write('profiles.csv', 'id,tier\n1,gold\n2,silver\n1,bronze\n 2 ,gold\n3,\n');
    const target = await workspace();
    const { dataset, report } = await run(target, { files: [file] }, { name: 'Profiles', kind: 'profiles', idColumn: 'id' });
    expect(report).toMatchObject({ rowsRead: 5, rowsImported: 3, rowsRejected: { duplicate_id: 2 }, customers: 3 });
    expect(await tableRows(target, dataset.id, ['id', 'tier'])).toEqual([
      { id: '1', tier: 'gold' },
      { id: '2', tier: 'silver' },
      { id: '3', tier: null },
    ]);
  });

  it('previews the first 100 rows with detected types and suggests the id, time and event-type columns', async () => {
    const lines = ['customer_id,event_time,event_type,amount'];
    for (let index = 0; index < 150; index += 1) lines.push(`${1000 + (index % 7)}.0,2025-01-${String(1 + (index % 28)).padStart(2, '0')} 10:00:00,${index % 3 ? 'view' : 'purchase'},${index}.5`);
    const preview = await previewImport({ files: [write('preview.csv', lines.join('\n'))] });
    expect(preview).toMatchObject({ format: 'csv', delimiter: ',', header: true });
    expect(preview.rows).toHaveLength(100);
    expect(preview.columns.map((column) => [column.name, column.kind])).toEqual([
      ['customer_id', 'text'],
      ['event_time', 'time'],
      ['event_type', 'text'],
      ['amount', 'number'],
    ]);
    expect(preview.rows[0]).toEqual(['1000.0', '2025-01-01 10:00:00', 'purchase', 0.5]);
    expect(preview.suggestion).toEqual({ kind: 'events', idColumn: 'customer_id', timeColumn: 'event_time', eventTypeColumn: 'event_type', numericIds: true, timeFormats: ['ISO 8601'] });
  });

  it('leaves the workspace unchanged when an import fails half-way, and refuses a name already taken', async () => {
    const target = await workspace();
    const good = write('good.csv', 'id,ts\na,2025-01-01 10:00:00\n');
    await run(target, { files: [good] }, { name: 'Good', kind: 'events', idColumn: 'id', timeColumn: 'ts' });
    const before = await target.db.all("SELECT table_name FROM information_schema.tables WHERE table_schema = 'data' ORDER BY 1");
    const taken = await run(target, { files: [good] }, { name: 'good', kind: 'events', idColumn: 'id', timeColumn: 'ts' }).catch((error: unknown) => error);
    expect((taken as WorkbenchError).code).toBe('conflict');
    const allBlank = write('blank-ids.csv', 'id,ts\n,2025-01-01 10:00:00\n  ,2025-01-02 10:00:00\n');
    const failure = await run(target, { files: [allBlank] }, { name: 'Blank', kind: 'events', idColumn: 'id', timeColumn: 'ts' }).catch((error: unknown) => error);
    expect((failure as WorkbenchError).message).toBe('Every one of the 2 rows has an empty "id"; nothing was imported. Is it the right id column?');
    expect(await target.db.all("SELECT table_name FROM information_schema.tables WHERE table_schema = 'data' ORDER BY 1")).toEqual(before);
    expect((await target.db.all('SELECT name FROM pwb.datasets')).map((row) => row['name'])).toEqual(['Good']);
  });
});
