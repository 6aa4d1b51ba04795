import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/** The dev server injects an inline module preamble for hot reload; only `electron-vite dev` allows it. */
const relaxScriptPolicyInDev: Plugin = {
  name: 'pwb-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve('electron/main/index.ts'), worker: resolve('electron/engine/jobs/workerMain.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react(), relaxScriptPolicyInDev],
    build: {
      outDir: 'out/renderer',
      minify: true,
      chunkSizeWarningLimit: 6000,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
