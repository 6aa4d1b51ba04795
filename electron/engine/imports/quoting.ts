import { basename } from 'node:path';
import type { ImportWarning } from '../../../shared/contract/imports';
import { WorkbenchError } from '../../../shared/errors';
import type { Database } from '../sql/database';
import { findUnclosedQuote } from './fileScans';
import { textHead } from './sourceFiles';
import type { SourceRelation } from './sourceRelation';
import { profileTextColumns } from './textProfile';

const LIKELY_DELIMITERS = [',', ';', '\t', '|'];

/**
 * When DuckDB's sniffer finds quoting inconsistent it reads the file without quoting, and values keep their quote
 * characters. That is nearly always a quote left open somewhere: find its line and refuse; otherwise import with a warning.
 */
export async function checkQuoting(db: Database, relation: SourceRelation, sample: SourceRelation, delimiter: string | undefined): Promise<ImportWarning[]> {
  const profiles = await profileTextColumns(db, sample, sample.columns.filter((column) => column.kind === 'text'));
  const quoted = profiles.filter((profile) => profile.quoted > 0).map((profile) => profile.column);
  if (quoted.length === 0) return [];
  for (const file of relation.files) {
    const head = textHead(file.path);
    const line = findUnclosedQuote(head, delimiter ?? guessDelimiter(head));
    if (line !== null) {
      throw new WorkbenchError(
        'invalid_input',
        `${basename(file.path)} has a quote that is not closed properly (line ${line}): a value that starts with " must end with " just before the next delimiter or the end of the line. Fix that line and import again.`,
        'source.files',
      );
    }
  }
  return [
    {
      code: 'QUOTES_KEPT',
      message: `Quoting in the file is inconsistent, so it was read without quoting: values in ${quoted.map((column) => column.name).join(', ')} keep their quote characters.`,
      column: quoted[0]?.name ?? '',
    },
  ];
}

function guessDelimiter(head: string): string {
  const header = head.split('\n')[0] ?? '';
  let best = ',';
  let most = 0;
  for (const candidate of LIKELY_DELIMITERS) {
    const count = header.split(candidate).length - 1;
    if (count > most) {
      most = count;
      best = candidate;
    }
  }
  return best;
}
