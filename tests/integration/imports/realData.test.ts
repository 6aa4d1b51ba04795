import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getQualityReport, listDatasets } from '../../../electron/engine/datasets/datasetCatalog';
import { RETAIL_CSV_GZ, TELCO_CSV, useImportWorkspaces } from '../../helpers/importFixture';
import { runCli } from '../../helpers/runCli';

const { tempDir, workspace, run } = useImportWorkspaces();

describe('importing the real retail and telco files', () => {
  it('pwb import --json reports the retail line items: 541,909 read, 406,829 imported, 135,080 without a customer id, 4,372 customers', () => {
    const path = `${tempDir()}/retail.pwb`;
    const result = runCli(['import', '--workspace', path, '--name', 'Retail', '--kind', 'events', '--file', RETAIL_CSV_GZ, '--id', 'CustomerID', '--time', 'InvoiceDate', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    const report = JSON.parse(lines[lines.length - 1] ?? '{}');
    expect(report).toMatchObject({
      dataset: 'Retail',
      rows_read: 541909,
      rows_imported: 406829,
      rows_rejected: { null_id: 135080 },
      customers: 4372,
      min_time: '2010-12-01T08:26:00',
      max_time: '2011-12-09T12:50:00',
    });
    expect(Object.keys(report.rows_rejected)).toEqual(['null_id']);
    expect(report.columns).toContainEqual({ name: 'CustomerID', type: 'VARCHAR', completeness: 1 });
    expect(report.columns).toContainEqual({ name: 'InvoiceDate', type: 'TIMESTAMP', completeness: 1 });
    expect(report.columns.map((column: { name: string }) => column.name)).toEqual(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
  }, 120_000);

  it('keeps retail ids as text (17850.0) unless numeric ids are asked for, which gives 17850 and the same 4,372 customers', async () => {
    const target = await workspace();
    const db = target.db;
    const asText = await run(target, { files: [RETAIL_CSV_GZ] }, { name: 'Text ids', kind: 'events', idColumn: 'CustomerID', timeColumn: 'InvoiceDate' });
    const numeric = await run(target, { files: [RETAIL_CSV_GZ] }, { name: 'Numeric ids', kind: 'events', idColumn: 'CustomerID', timeColumn: 'InvoiceDate', numericIds: true });
    const sample = async (table: string) => (await db.all(`SELECT min("CustomerID") AS id FROM data."${table}"`))[0]?.['id'];
    const tables = (await db.all('SELECT name, table_name FROM pwb.datasets ORDER BY created_at')).map((row) => String(row['table_name']));
    expect(await sample(tables[0] ?? '')).toBe('12346.0');
    expect(await sample(tables[1] ?? '')).toBe('12346');
    expect(asText.report.customers).toBe(4372);
    expect(numeric.report.customers).toBe(4372);
    expect(numeric.report.eventsPerMonth).toHaveLength(13);
    expect(numeric.report.eventsPerMonth[0]).toEqual({ month: '2010-12', events: expect.any(Number) });
    expect(numeric.report.duplicateRows).toBeGreaterThan(0);
    expect(numeric.report.rejectSamples[0]).toEqual({ reason: 'null_id', line: null, detail: expect.stringMatching(/^no CustomerID: InvoiceNo=\d+, StockCode=/) });
    expect(numeric.report.warnings.map((warning) => warning.code)).toContain('DUPLICATE_ROWS');
  }, 120_000);

  it('imports the telco churn sample as a profile table of 7,043 customers, reporting the 11 blank TotalCharges without failing', async () => {
    const target = await workspace();
    const { dataset, report } = await run(target, { files: [TELCO_CSV] }, { name: 'Telco', kind: 'profiles', idColumn: 'customerID' });
    expect(dataset).toMatchObject({ kind: 'profiles', rows: 7043, customers: 7043, timeColumn: null });
    expect(report.rowsRead).toBe(7043);
    expect(report.rowsImported).toBe(7043);
    expect(report.rowsRejected).toEqual({});
    const totalCharges = report.columns.find((column) => column.name === 'TotalCharges');
    expect(totalCharges).toMatchObject({ type: 'DOUBLE', nonNull: 7032 });
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'EMPTY_VALUES', column: 'TotalCharges', count: 11 }));
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'NUMBERS_AS_TEXT', column: 'TotalCharges', count: 11 }));
    expect(await getQualityReport(target.db, dataset.id)).toEqual(report);
    expect((await listDatasets(target.db)).map((entry) => entry.name)).toEqual(['Telco']);
  });
});

describe('pwb import on the command line', () => {
  it('exits 2 with the usage for a bad option and 1 with the reason for a failed import, leaving no new workspace behind', () => {
    const path = `${tempDir()}/never.pwb`;
    const badKind = runCli(['import', '--workspace', path, '--name', 'X', '--kind', 'orders', '--file', TELCO_CSV, '--id', 'customerID']);
    expect(badKind.status).toBe(2);
    expect(badKind.stderr).toContain('--kind: Invalid option');
    expect(badKind.stderr).toContain('Usage: pwb import');

    const missing = runCli(['import', '--workspace', path, '--name', 'X', '--kind', 'profiles', '--file', TELCO_CSV, '--id', 'CustomerNumber', '--json']);
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout.trim())).toEqual({
      error: { code: 'invalid_input', field: 'mapping.idColumn', message: expect.stringMatching(/^Column "CustomerNumber" is not in telco_customer_churn\.csv\. Its columns are: "customerID", "gender"/) },
    });
    expect(missing.stderr).toContain('pwb import: Column "CustomerNumber" is not in telco_customer_churn.csv');
    expect(existsSync(path)).toBe(false);
  });

  it('adds a second dataset to an existing workspace and prints a readable summary without --json', () => {
    const path = `${tempDir()}/two.pwb`;
    expect(runCli(['import', '--workspace', path, '--name', 'Telco', '--kind', 'profiles', '--file', TELCO_CSV, '--id', 'customerID']).status).toBe(0);
    const again = runCli(['import', '--workspace', path, '--name', 'Telco', '--kind', 'profiles', '--file', TELCO_CSV, '--id', 'customerID']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('A dataset named "Telco" already exists');
    const second = runCli(['import', '--workspace', path, '--name', 'Telco again', '--kind', 'profiles', '--file', TELCO_CSV, '--id', 'customerID']);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(
      'Imported "Telco again": 7,043 of 7,043 rows, 7,043 customers.\n' +
        'Warning: TotalCharges holds numbers written as text, with 11 blank values (kept as empty); it was read as numbers.\n' +
        'Warning: TotalCharges is empty in 11 of 7,043 rows.\n',
    );
    expect(existsSync(path)).toBe(true);
  });
});
