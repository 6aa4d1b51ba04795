import { describe, expect, it } from 'vitest';
import { exportFileName, exportPathProblem, isAbsolutePath, withFormatExtension } from '../../../renderer/src/segments/exportPath';

describe('export paths', () => {
  it('makes a file name from a segment name, with the format’s extension', () => {
    expect(exportFileName('High value', 'csv')).toBe('High value.csv');
    expect(exportFileName('High value', 'parquet')).toBe('High value.parquet');
    expect(exportFileName('High value', 'json')).toBe('High value.ndjson');
    expect(exportFileName('a/b: c*?', 'csv')).toBe('a-b- c-.csv');
    expect(exportFileName('..hidden', 'csv')).toBe('hidden.csv');
    expect(exportFileName('\u0001', 'csv')).toBe('-.csv');
    expect(exportFileName('   ', 'csv')).toBe('scores.csv');
  });

  it('switches the extension when the format changes, and adds one when there is none', () => {
    expect(withFormatExtension('/tmp/high.csv', 'parquet')).toBe('/tmp/high.parquet');
    expect(withFormatExtension('/tmp/high.PARQUET', 'json')).toBe('/tmp/high.ndjson');
    expect(withFormatExtension('/tmp/high.jsonl', 'csv')).toBe('/tmp/high.csv');
    expect(withFormatExtension('/tmp/high', 'csv')).toBe('/tmp/high.csv');
    expect(withFormatExtension('  ', 'csv')).toBe('');
  });

  it('recognises full paths on Unix and Windows', () => {
    expect(isAbsolutePath('/home/me/a.csv')).toBe(true);
    expect(isAbsolutePath('C:\\exports\\a.csv')).toBe(true);
    expect(isAbsolutePath('d:/exports/a.csv')).toBe(true);
    expect(isAbsolutePath('\\\\server\\share\\a.csv')).toBe(true);
    expect(isAbsolutePath('a.csv')).toBe(false);
    expect(isAbsolutePath('./a.csv')).toBe(false);
    expect(isAbsolutePath('~/a.csv')).toBe(false);
  });

  it('says why a path cannot be tried', () => {
    expect(exportPathProblem('')).toMatch(/file to write/);
    expect(exportPathProblem('High.csv')).toMatch(/full path/);
    expect(exportPathProblem('/tmp/')).toMatch(/folder/);
    expect(exportPathProblem(' /tmp/high.csv ')).toBeNull();
  });
});
