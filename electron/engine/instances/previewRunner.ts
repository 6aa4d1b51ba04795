import type { GoalPreview } from '../../../shared/contract/instances';
import type { InstanceConfig } from '../../../shared/instanceConfig';
import { WorkbenchError } from '../../../shared/errors';
import type { Database } from '../sql/database';
import { previewGoal } from './goalPreview';

/**
 * Live previews, one at a time, on a connection of their own: a newer request interrupts the one running
 * (its caller gets `cancelled`), so fast edits over a large dataset never queue up behind stale counts.
 */
export class PreviewRunner {
  private connection: Promise<Database> | null = null;
  private current: AbortController | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly db: Database) {}

  preview(config: InstanceConfig): Promise<GoalPreview> {
    if (this.closed) return Promise.reject(new WorkbenchError('no_workspace', 'The workspace was closed.'));
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    const previous = this.running;
    const run = (async () => {
      await previous;
      if (controller.signal.aborted) throw superseded();
      const db = await this.ownConnection();
      const interrupt = () => db.interrupt();
      controller.signal.addEventListener('abort', interrupt);
      try {
        return await previewGoal(db, config, controller.signal);
      } catch (error) {
        if (controller.signal.aborted) throw superseded();
        throw error;
      } finally {
        controller.signal.removeEventListener('abort', interrupt);
      }
    })();
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Stops the running preview and closes the connection; call before the workspace closes. */
  async close(): Promise<void> {
    this.closed = true;
    this.current?.abort();
    await this.running;
    if (this.connection) (await this.connection.catch(() => null))?.close();
    this.connection = null;
  }

  private ownConnection(): Promise<Database> {
    this.connection ??= this.db.connect();
    return this.connection;
  }
}

function superseded(): WorkbenchError {
  return new WorkbenchError('cancelled', 'A newer preview replaced this one.');
}
