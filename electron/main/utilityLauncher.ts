import { app, utilityProcess } from 'electron';
import { join } from 'node:path';
import type { ProcessLauncher } from '../engine/jobs/processLauncher';

/** Worker processes of the desktop app: Electron utility processes running the bundled worker entry. */
export function utilityProcessLauncher(): ProcessLauncher {
  const entry = join(app.getAppPath(), 'out', 'main', 'worker.js');
  return () => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'Propensity Workbench worker', stdio: 'inherit' });
    let exited = false;
    child.on('exit', () => {
      exited = true;
    });
    return {
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code) => listener(code, null)),
      kill: () => {
        if (!exited) child.kill();
      },
      pid: () => child.pid,
    };
  };
}
