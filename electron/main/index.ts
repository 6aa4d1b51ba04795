import { app, BrowserWindow, Menu } from 'electron';
import { Engine } from '../engine/engine';
import { bindContractToIpc } from './ipc';
import { createMainWindow } from './mainWindow';
import { buildAppMenu } from './menu';
import { applySecurityPolicy, lockSession } from './security';
import { utilityProcessLauncher } from './utilityLauncher';

applySecurityPolicy();

let engine: Engine | null = null;

app.whenReady().then(() => {
  lockSession();
  engine = new Engine({ stateDir: app.getPath('userData'), launchWorker: utilityProcessLauncher() });
  bindContractToIpc(engine);
  Menu.setApplicationMenu(buildAppMenu());
  createMainWindow();
  // A first start lands in the demo, so there is something to look at straight away.
  if (!engine.currentWorkspace) engine.openDemo(false);

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
