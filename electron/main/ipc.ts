import { BrowserWindow, dialog, ipcMain } from 'electron';
import { IPC_EVENT_CHANNEL, ipcChannelFor } from '../../shared/contract/ipcChannels';
import { methodNames } from '../../shared/contract/methods';
import type { Engine } from '../engine/engine';
import { APP_VERSION } from '../engine/version';
import { createDispatcher } from '../host/dispatcher';
import { createHandlers } from '../host/handlers';
import { isAppUrl } from './security';

const WORKSPACE_FILTERS = [{ name: 'Propensity Workbench workspace', extensions: ['pwb'] }];
// Compressed CSV is matched by its last extension only: the dialog filters on what follows the final dot.
const DATA_FILE_FILTERS = [
  { name: 'Data files', extensions: ['csv', 'tsv', 'txt', 'gz', 'parquet', 'json', 'ndjson', 'jsonl'] },
  { name: 'CSV and TSV (also gzipped)', extensions: ['csv', 'tsv', 'txt', 'gz'] },
  { name: 'Parquet', extensions: ['parquet'] },
  { name: 'JSON and NDJSON', extensions: ['json', 'ndjson', 'jsonl'] },
  { name: 'All files', extensions: ['*'] },
];

const EXPORT_FILTERS = {
  csv: { name: 'CSV', extensions: ['csv'] },
  parquet: { name: 'Parquet', extensions: ['parquet'] },
  json: { name: 'NDJSON', extensions: ['ndjson', 'jsonl', 'json'] },
};

/** Serves the contract over Electron IPC: one handler for calls, engine events sent to every window. */
export function bindContractToIpc(engine: Engine): () => void {
  const dispatch = createDispatcher(
    createHandlers(engine, {
      transport: 'electron',
      version: APP_VERSION,
      pickWorkspacePath: async (mode) => {
        const parent = BrowserWindow.getFocusedWindow();
        if (mode === 'open') {
          const options = { properties: ['openFile' as const], filters: WORKSPACE_FILTERS };
          const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
          return result.canceled ? null : (result.filePaths[0] ?? null);
        }
        const options = { filters: WORKSPACE_FILTERS, defaultPath: 'workspace.pwb' };
        const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
        return result.canceled ? null : (result.filePath ?? null);
      },
      pickDataFiles: async () => {
        const parent = BrowserWindow.getFocusedWindow();
        const options = { title: 'Choose data files', properties: ['openFile' as const, 'multiSelections' as const], filters: DATA_FILE_FILTERS };
        const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
        return result.canceled ? [] : result.filePaths;
      },
      pickExportPath: async (format, suggestedName) => {
        const parent = BrowserWindow.getFocusedWindow();
        const options = { title: 'Export scores', defaultPath: suggestedName, filters: [EXPORT_FILTERS[format]] };
        const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
        return result.canceled ? null : (result.filePath ?? null);
      },
    }),
  );

  // One handler per contract method: a channel that is not in the contract has no handler at all.
  const channels: string[] = [];
  for (const method of methodNames) {
    const channel = ipcChannelFor(method);
    if (channel === null) throw new Error(`Method name ${method} cannot be an IPC channel.`);
    channels.push(channel);
    ipcMain.handle(channel, (event, input: unknown) => {
      const senderUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(senderUrl)) {
        return { ok: false, error: { code: 'unsupported', message: 'Calls are only accepted from the app itself.' } };
      }
      return dispatch(method, input);
    });
  }

  const unsubscribe = engine.events.subscribe((message) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, message);
    }
  });

  return () => {
    unsubscribe();
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
