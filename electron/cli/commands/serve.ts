import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Engine } from '../../engine/engine';
import { defaultStateDir } from '../../engine/stateDir';
import { APP_VERSION } from '../../engine/version';
import { startBrowserHost } from '../../host/browser/browserHost';
import { parseFlags, parsePort, type Command } from '../command';
import { rendererDir } from '../projectPaths';

export const serveCommand: Command = {
  summary: 'serve the app to a browser on 127.0.0.1 (browser mode)',
  usage: `Usage: pwb serve [--workspace FILE] [--demo] [--port N]

Starts the browser host on 127.0.0.1 and prints its URL, token included, on one line.
  --workspace FILE  open this workspace at start
  --demo            open the demo workspace at start (generated on first use)
  --port N          port to listen on (default: a free one)`,
  async run(argv) {
    const flags = parseFlags(argv, {
      workspace: { type: 'string' },
      demo: { type: 'boolean', default: false },
      port: { type: 'string' },
    });
    const port = parsePort(flags.port);
    const staticDir = rendererDir();
    if (!existsSync(resolve(staticDir, 'index.html'))) {
      throw new Error(`The app is not built yet (no ${staticDir}/index.html). Run "npm run build" first.`);
    }
    const engine = new Engine({ stateDir: defaultStateDir() });
    if (flags.workspace) await engine.openWorkspace(resolve(flags.workspace));
    const host = await startBrowserHost({ engine, staticDir, version: APP_VERSION, port });
    process.stdout.write(`${host.url}\n`);
    if (flags.demo) {
      const job = engine.openDemo(false);
      engine.jobs.wait(job.jobId).then((outcome) => {
        if (outcome.status !== 'succeeded') process.stderr.write(`The demo workspace could not be opened: ${outcome.message}\n`);
      }, () => undefined);
    }
    await new Promise<void>((resolveStop) => {
      const stop = () => resolveStop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    await engine.shutdown();
    return 0;
  },
};
