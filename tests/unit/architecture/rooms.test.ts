import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the room checker is a plain script without type declarations
import { findRoomViolations } from '../../../scripts/check-rooms.mjs';

const check = findRoomViolations as (root: string) => string[];

describe('room rules', () => {
  it('hold for the project: only electron/main and electron/preload import electron, the renderer never reaches the engine', () => {
    expect(check(process.cwd())).toEqual([]);
  });

  it('catch an engine file importing electron and a renderer file importing the engine', () => {
    const root = mkdtempSync(join(tmpdir(), 'pwb-rooms-'));
    mkdirSync(join(root, 'electron', 'engine'), { recursive: true });
    mkdirSync(join(root, 'renderer', 'src'), { recursive: true });
    writeFileSync(join(root, 'electron', 'engine', 'bad.ts'), "import { app } from 'electron';\n");
    writeFileSync(join(root, 'renderer', 'src', 'bad.tsx'), "import { Engine } from '../../electron/engine/engine';\n");
    const violations = check(root);
    expect(violations).toHaveLength(2);
    expect(violations[0]).toContain("imports 'electron'");
    expect(violations[1]).toContain('outside what renderer may use');
  });
});
