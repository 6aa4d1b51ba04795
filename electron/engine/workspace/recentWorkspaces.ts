import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { RecentWorkspace } from '../../../shared/contract/workspace';

const storedSchema = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }));
const MAX_REMEMBERED = 50;

/** The list of recently opened workspaces, kept as a small JSON file in the app's state folder. */
export class RecentWorkspaces {
  private readonly file: string;

  constructor(stateDir: string) {
    this.file = join(stateDir, 'recent-workspaces.json');
  }

  list(limit: number): RecentWorkspace[] {
    return this.read()
      .slice(0, limit)
      .map((entry) => ({ ...entry, exists: existsSync(entry.path) }));
  }

  remember(path: string, name: string): void {
    const entries = this.read().filter((entry) => entry.path !== path);
    entries.unshift({ path, name, openedAt: new Date().toISOString() });
    this.write(entries.slice(0, MAX_REMEMBERED));
  }

  private read(): z.infer<typeof storedSchema> {
    if (!existsSync(this.file)) return [];
    try {
      const parsed = storedSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  private write(entries: z.infer<typeof storedSchema>): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(entries, null, 2));
    renameSync(temporary, this.file);
  }
}
