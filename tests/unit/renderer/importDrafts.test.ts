import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../shared/contract/imports';
import { importMappingSchema } from '../../../shared/contract/imports';
import {
  CUSTOM_TIME_FORMAT,
  DETECT_TIME_FORMAT,
  draftFieldOf,
  draftFromPreview,
  toImportMapping,
} from '../../../renderer/src/components/import/mappingDraft';
import { defaultDatasetName, toImportSource } from '../../../renderer/src/components/import/sourceDraft';
import { describeTimeFormat } from '../../../renderer/src/components/import/timeFormatLabel';

function previewWith(timeFormats: string[], kind: 'events' | 'profiles' = 'events'): ImportPreview {
  return {
    format: 'csv',
    files: [{ path: '/data/a.csv', bytes: 10 }],
    delimiter: ',',
    header: true,
    columns: [
      { name: 'id', type: 'VARCHAR', kind: 'text' },
      { name: 'when', type: 'VARCHAR', kind: 'text' },
    ],
    rows: [['A', '01/02/2025 10:00']],
    suggestion: { kind, idColumn: 'id', timeColumn: kind === 'events' ? 'when' : null, eventTypeColumn: null, numericIds: false, timeFormats },
    warnings: [],
  };
}

describe('the import form’s drafts', () => {
  it('takes a single detected time format, and leaves several for the user to choose', () => {
    expect(draftFromPreview(previewWith(['%Y-%m-%d']), 'a').timeFormatChoice).toBe('%Y-%m-%d');
    expect(draftFromPreview(previewWith([]), 'a').timeFormatChoice).toBe(DETECT_TIME_FORMAT);
    const ambiguous = draftFromPreview(previewWith(['%m/%d/%Y %H:%M', '%d/%m/%Y %H:%M']), 'a');
    expect(ambiguous.timeFormatChoice).toBeNull();
    expect(toImportMapping(ambiguous)).toEqual({ errors: { timeFormatChoice: expect.stringContaining('choose') } });
    const chosen = toImportMapping({ ...ambiguous, timeFormatChoice: '%d/%m/%Y %H:%M' });
    expect(chosen).toEqual({ mapping: expect.objectContaining({ timeFormat: '%d/%m/%Y %H:%M', timeColumn: 'when' }) });
  });

  it('builds mappings the contract accepts, and explains what is missing', () => {
    const draft = draftFromPreview(previewWith([]), '  Web events ');
    const result = toImportMapping({ ...draft, timeZone: ' Europe/Berlin ', numericIds: true });
    if (!('mapping' in result)) throw new Error('expected a mapping');
    expect(importMappingSchema.parse(result.mapping)).toEqual({
      name: 'Web events',
      kind: 'events',
      idColumn: 'id',
      timeColumn: 'when',
      timeFormat: null,
      timeZone: 'Europe/Berlin',
      eventTypeColumn: null,
      numericIds: true,
    });
    expect(toImportMapping({ ...draft, name: ' ', idColumn: null, timeColumn: null })).toEqual({
      errors: { name: expect.any(String), idColumn: expect.any(String), timeColumn: expect.any(String) },
    });
    expect(toImportMapping({ ...draft, timeFormatChoice: CUSTOM_TIME_FORMAT, customTimeFormat: 'dd/mm' })).toEqual({
      errors: { customTimeFormat: expect.any(String) },
    });
  });

  it('drops the time fields of a profiles mapping', () => {
    const draft = { ...draftFromPreview(previewWith(['%Y']), 'p'), kind: 'profiles' as const, timeZone: 'UTC', eventTypeColumn: 'when' };
    expect(toImportMapping(draft)).toEqual({ mapping: expect.objectContaining({ kind: 'profiles', timeColumn: null, timeFormat: null, timeZone: null, eventTypeColumn: null }) });
  });

  it('maps engine error fields to form fields', () => {
    expect(draftFieldOf('mapping.idColumn')).toBe('idColumn');
    expect(draftFieldOf('mapping.timeFormat')).toBe('timeFormatChoice');
    expect(draftFieldOf('source.files')).toBeNull();
    expect(draftFieldOf(undefined)).toBeNull();
  });

  it('reads sources and names datasets after their files', () => {
    expect(toImportSource({ paths: ' /a.csv \n\n/b.csv', format: null, delimiter: ';', header: false })).toEqual({ files: ['/a.csv', '/b.csv'], delimiter: ';', header: false });
    expect(typeof toImportSource({ paths: '  \n ', format: null, delimiter: null, header: null })).toBe('string');
    expect(defaultDatasetName(['/data/events-2025.csv.gz'])).toBe('events-2025');
    expect(defaultDatasetName(['/data/orders_*.parquet'])).toBe('orders');
    expect(defaultDatasetName(['C:\\exports\\Profiles.ndjson'])).toBe('Profiles');
    expect(defaultDatasetName(['/data/*.csv'])).toBe('Imported data');
    expect(describeTimeFormat('%d/%m/%Y %H:%M')).toBe('DD/MM/YYYY hh:mm');
  });
});
