import { app, BrowserWindow, Menu } from 'electron';
import { Engine } from '../engine/engine';
import { bindContractToIpc } from './ipc';
import { createMainWindow } from './mainWindow';
import { buildAppMenu } from './menu';
import { applySecurityPolicy, lockSession } from './security';
import { utilityProcessLauncher } from './utilityLauncher';

applySecurityPolicy();

let engine: Engine | null = null;

/** Reopens the workspace used last; a first start (or a lost file) lands in the demo instead. */
async function reopenLastWorkspace(current: Engine): Promise<void> {
  const last = current.recentWorkspaces(1)[0];
  if (last?.exists) {
    try {
      await current.openWorkspace(last.path);
      return;
    } catch {
      // Unreadable now (moved, locked, newer): fall through to the demo; the start screen lists it still.
    }
  }
  current.openDemo(false);
}

app.whenReady().then(() => {
  lockSession();
  engine = new Engine({ stateDir: app.getPath('userData'), launchWorker: utilityProcessLauncher() });
  bindContractToIpc(engine);
  Menu.setApplicationMenu(buildAppMenu());
  createMainWindow();
  void reopenLastWorkspace(engine);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let shuttingDown = false;
app.on('before-quit', (event) => {
  if (shuttingDown || !engine) return;
  shuttingDown = true;
  event.preventDefault();
  void engine.shutdown().finally(() => app.quit());
});
