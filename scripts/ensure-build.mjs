// Builds the app when its bundles are missing or older than the sources, so `npm test` and
// `npm run serve` work on a fresh checkout without a separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const sources = ['electron', 'renderer', 'shared', 'electron.vite.config.ts', 'package.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const built = outputs.every((file) => existsSync(file));
const builtAt = built ? Math.min(...outputs.map((file) => statSync(file).mtimeMs)) : 0;
const changedAt = Math.max(...sources.map(newestMtime));

if (!built || changedAt > builtAt) {
  process.stderr.write('Building the app (electron-vite build)…\n');
  const result = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write('The build failed; run "npm run build" to see why.\n');
    process.exit(result.status ?? 1);
  }
}
