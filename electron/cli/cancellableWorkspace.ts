import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { WorkbenchError } from '../../shared/errors';
import { Workspace } from '../engine/workspace/workspaceFile';

/**
 * Opens an existing workspace for one command and runs it with a signal that Ctrl+C aborts; the workspace is closed
 * however it ends. With `json`, a refusal is also printed as {"error": …} on stdout.
 */
export async function withCancellableWorkspace(pathFlag: string, json: boolean, work: (workspace: Workspace, signal: AbortSignal) => Promise<number>): Promise<number> {
  const path = resolve(pathFlag);
  if (!existsSync(path)) throw new WorkbenchError('not_found', `There is no workspace at ${path}.`);
  const workspace = await Workspace.open(path);
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    return await work(workspace, controller.signal);
  } catch (error) {
    if (error instanceof WorkbenchError && json) process.stdout.write(`${JSON.stringify({ error: error.toInfo() })}\n`);
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    workspace.close();
  }
}
