// Enforces the rooms of the layout: who may import what. Run by `npm run lint` and by a unit test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT_PATTERN = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

/** Which top-level rooms each room may import from (relative imports), and whether it may import 'electron'. */
const RULES = [
  { room: 'electron/engine', may: ['electron/engine', 'shared', 'package.json'], electron: false },
  { room: 'electron/host', may: ['electron/host', 'electron/engine', 'shared', 'package.json'], electron: false },
  { room: 'electron/cli', may: ['electron/cli', 'electron/host', 'electron/engine', 'shared', 'package.json'], electron: false },
  { room: 'renderer', may: ['renderer', 'shared'], electron: false },
  { room: 'shared', may: ['shared'], electron: false },
  { room: 'electron/preload', may: ['electron/preload', 'shared'], electron: true },
  { room: 'electron/main', may: ['electron/main', 'electron/host', 'electron/engine', 'shared', 'package.json'], electron: true },
];

function sourceFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) files.push(...sourceFiles(full));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry) && !entry.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

function importsOf(text) {
  const found = [];
  for (const match of text.matchAll(IMPORT_PATTERN)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (specifier) found.push(specifier);
  }
  return found;
}

/** Returns one message per import that crosses a room boundary it should not. */
export function findRoomViolations(root) {
  const violations = [];
  for (const rule of RULES) {
    const roomDir = join(root, rule.room);
    let files;
    try {
      files = sourceFiles(roomDir);
    } catch {
      continue;
    }
    for (const file of files) {
      const fileRel = relative(root, file).split(sep).join('/');
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        if (specifier === 'electron' || specifier.startsWith('electron/')) {
          if (!rule.electron) violations.push(`${fileRel} imports 'electron'`);
          continue;
        }
        if (!specifier.startsWith('.')) continue;
        const target = relative(root, resolve(dirname(file), specifier)).split(sep).join('/');
        if (!rule.may.some((room) => target === room || target.startsWith(`${room}/`))) {
          violations.push(`${fileRel} imports ${target}, outside what ${rule.room} may use`);
        }
      }
    }
  }
  return violations;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const violations = findRoomViolations(process.cwd());
  if (violations.length > 0) {
    process.stderr.write(`Room rules broken:\n${violations.map((v) => `  ${v}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('Room rules hold.\n');
}
