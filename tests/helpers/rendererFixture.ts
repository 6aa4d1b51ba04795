import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A minimal stand-in for the built renderer, for host tests that only need files to serve. */
export function writeStaticSite(dir: string): string {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>test</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("app")');
  return dir;
}
