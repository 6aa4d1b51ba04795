import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** The built renderer served in browser mode. */
export function rendererDir(): string {
  return resolve(projectRoot, 'out', 'renderer');
}
