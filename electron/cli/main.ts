import { WorkbenchError } from '../../shared/errors';
import { APP_VERSION } from '../engine/version';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { previewCommand } from './commands/preview';
import { runCommand } from './commands/run';
import { runsCommand } from './commands/runs';
import { serveCommand } from './commands/serve';
import { CliUsageError, type Command } from './command';

const commands: Record<string, Command> = {
  serve: serveCommand,
  demo: demoCommand,
  import: importCommand,
  preview: previewCommand,
  run: runCommand,
  runs: runsCommand,
  export: exportCommand,
};

const USAGE = `pwb ${APP_VERSION}: Propensity Workbench on the command line

Usage: pwb <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`)
  .join('\n')}

Run "pwb <command> --help" for a command's options.
`;

/** Runs one CLI invocation and returns the process exit code (0 ok, 1 failed, 2 bad usage). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${APP_VERSION}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`pwb: unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`pwb ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    const message = error instanceof WorkbenchError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`pwb ${name}: ${message}\n`);
    return 1;
  }
}
