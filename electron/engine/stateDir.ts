import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the app keeps its own state outside Electron: PWB_STATE_DIR, else the user's data folder. */
export function defaultStateDir(): string {
  const fromEnvironment = process.env['PWB_STATE_DIR'];
  if (fromEnvironment) return fromEnvironment;
  const dataHome = process.env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share');
  return join(dataHome, 'propensity-workbench');
}
