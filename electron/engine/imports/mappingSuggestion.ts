import type { ImportSuggestion, SourceColumn } from '../../../shared/contract/imports';

type Cell = string | number | boolean | null;

const ID_NAME = /^(customer|client|user|member|person|account|visitor|profile|contact)?[ _.-]?(id|identifier|key|no|number|code)$/i;
const TIME_NAME = /(time|date|timestamp|created|occurred|_at$|when)/i;
const EVENT_TYPE_NAME = /(event[ _.-]?type|event[ _.-]?name|action|activity|^type$|eventtype)/i;
const FLOAT_ID = /^-?\d+\.0+$/;
const ZERO_PADDED_ID = /^0\d+$/;

/** A first guess at the mapping, from column names and types and the preview rows; the user confirms or changes it. */
export function suggestMapping(columns: SourceColumn[], rows: Cell[][]): Omit<ImportSuggestion, 'timeFormats'> {
  const values = (name: string) => {
    const index = columns.findIndex((column) => column.name === name);
    return rows.map((row) => row[index] ?? null).filter((value): value is Exclude<Cell, null> => value !== null);
  };
  const idColumn = best(columns, (column) => {
    if (column.kind !== 'text' && column.kind !== 'number') return 0;
    const name = column.name.replace(/.*\./, '');
    let score = ID_NAME.test(name) ? 2 : /id$/i.test(name) ? 1 : 0;
    if (/customer|client|user|member|person|visitor/i.test(column.name)) score += 2;
    if (/order|invoice|transaction|session|event|product|sku|item|stock/i.test(column.name)) score -= 2;
    return score;
  });
  const timeColumn = best(columns, (column) => {
    if (column.kind === 'time') return TIME_NAME.test(column.name) ? 4 : 3;
    if (column.kind === 'text' && TIME_NAME.test(column.name)) return 2;
    if (column.kind === 'number' && /timestamp|epoch|_at$/i.test(column.name)) return 1;
    return 0;
  });
  const eventTypeColumn = best(columns, (column) => {
    if (column.kind !== 'text' || !EVENT_TYPE_NAME.test(column.name)) return 0;
    const distinct = new Set(values(column.name)).size;
    return distinct > 0 && distinct <= 50 ? 2 : 1;
  });
  const ids = idColumn === null ? [] : values(idColumn).map(String);
  const numericIds = ids.length > 0 && ids.every((id) => FLOAT_ID.test(id) || ZERO_PADDED_ID.test(id) || /^\d+$/.test(id)) && ids.some((id) => !/^\d+$/.test(id));
  return {
    kind: timeColumn === null ? 'profiles' : 'events',
    idColumn,
    timeColumn,
    eventTypeColumn,
    numericIds,
  };
}

function best(columns: SourceColumn[], score: (column: SourceColumn) => number): string | null {
  let chosen: string | null = null;
  let top = 0;
  for (const column of columns) {
    const value = score(column);
    if (value > top) {
      top = value;
      chosen = column.name;
    }
  }
  return chosen;
}
