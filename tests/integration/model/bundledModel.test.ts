import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

describe('model core in a bundle', () => {
  it('trains with its helper thread and explains over worker threads after bundling and minifying', async () => {
    const outDir = tempDir();
    await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        ssr: join(process.cwd(), 'tests', 'fixtures', 'bundle', 'trainAndExplain.ts'),
        outDir,
        minify: true,
        emptyOutDir: true,
        rollupOptions: { output: { format: 'es', entryFileNames: 'trainAndExplain.mjs' } },
      },
      ssr: { noExternal: true },
    });
    const run = spawnSync(process.execPath, [join(outDir, 'trainAndExplain.mjs')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim()) as { trees: number; worst: number };
    expect(result.trees).toBe(20);
    expect(result.worst).toBeLessThan(1e-9);
  });
});
