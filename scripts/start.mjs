// `npm start`: the desktop app when Electron's binary is available; otherwise browser mode, said plainly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FALLBACK_SENTENCE =
  'The Electron desktop shell is not available on this machine (its binary could not be downloaded), so Propensity Workbench is starting in browser mode instead; open the URL below.';

function electronBinary() {
  const dir = join('node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function obtainElectron() {
  if (electronBinary()) return true;
  if (process.env.PWB_NO_ELECTRON_DOWNLOAD === '1') return false;
  const attempt = spawnSync(process.execPath, [join('node_modules', 'electron', 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  return attempt.status === 0 && electronBinary() !== null;
}

const build = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = obtainElectron()
  ? spawn('npx', ['electron-vite', 'preview'], { stdio: 'inherit' })
  : (process.stdout.write(`${FALLBACK_SENTENCE}\n`),
    spawn(process.execPath, ['bin/pwb.mjs', 'serve', '--demo', ...process.argv.slice(2)], { stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
