import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDemoWorkspace } from '../../engine/demoWorkspace';
import { CliUsageError, parseFlags, type Command } from '../command';

export const demoCommand: Command = {
  summary: 'write the demo workspace (generated e-commerce events and profiles)',
  usage: `Usage: pwb demo --workspace FILE

Generates the deterministic demo data (25,000 customers, 18 months of events) into a new workspace FILE.`,
  async run(argv) {
    const flags = parseFlags(argv, { workspace: { type: 'string' } });
    if (!flags.workspace) throw new CliUsageError('--workspace FILE is required.');
    const path = resolve(flags.workspace);
    if (existsSync(path)) throw new Error(`${path} already exists; choose a new file name.`);
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    let lastPercent = -1;
    await buildDemoWorkspace(path, {
      signal: controller.signal,
      progress: (fraction, message) => {
        const percent = Math.floor(fraction * 100);
        if (percent === lastPercent) return;
        lastPercent = percent;
        process.stderr.write(`\r${String(percent).padStart(3)}%  ${message.padEnd(50)}`);
      },
    });
    process.stderr.write('\n');
    process.stdout.write(`Demo workspace written to ${path}\n`);
    return 0;
  },
};
