import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ImportMappingInput, ImportSource } from '../../shared/contract/imports';
import { importMappingSchema } from '../../shared/contract/imports';
import { importDataset, type ImportControl, type ImportOutcome } from '../../electron/engine/imports/importDataset';
import { Workspace } from '../../electron/engine/workspace/workspaceFile';
import { useTempDirs } from './tempDir';

/** The real data beside the project (read-only). */
export const SHARED_DATA = join(process.cwd(), '..', 'shared', 'data');
export const RETAIL_CSV_GZ = join(SHARED_DATA, 'online_retail_line_items.csv.gz');
export const TELCO_CSV = join(SHARED_DATA, 'telco_customer_churn.csv');

export function quietControl(signal: AbortSignal = new AbortController().signal): ImportControl {
  return { signal, progress: () => undefined };
}

/** Fresh workspaces in temp folders, closed after each test, and a one-call import into them. */
export function useImportWorkspaces() {
  const tempDir = useTempDirs();
  const open: Workspace[] = [];
  afterEach(() => {
    for (const workspace of open.splice(0)) workspace.close();
  });
  return {
    tempDir,
    async workspace(): Promise<Workspace> {
      const workspace = await Workspace.create(join(tempDir(), 'import.pwb'), 'Import tests');
      open.push(workspace);
      return workspace;
    },
    run(workspace: Workspace, source: ImportSource, mapping: ImportMappingInput, control: ImportControl = quietControl()): Promise<ImportOutcome> {
      return importDataset(workspace.db, source, importMappingSchema.parse(mapping), control);
    },
  };
}
