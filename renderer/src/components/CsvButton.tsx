import { Button } from '@mantine/core';
import { downloadText, toCsv } from '../csv';

/** "Export CSV" for a table on screen: the rows it shows, as they are shown. */
export function CsvButton({ fileName, header, rows, label = 'Export CSV' }: { fileName: string; header: string[]; rows: () => Array<Array<string | number | boolean | null>>; label?: string }) {
  return (
    <Button variant="default" size="xs" onClick={() => downloadText(fileName, toCsv(header, rows()))} aria-label={`${label}: ${fileName}`}>
      {label}
    </Button>
  );
}
