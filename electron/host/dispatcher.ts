import type { z } from 'zod';
import type { Envelope } from '../../shared/contract/envelope';
import { isMethodName, methods, type MethodName } from '../../shared/contract/methods';
import { WorkbenchError } from '../../shared/errors';
import type { Handler, Handlers } from './handlers';

export type Dispatch = (method: string, input: unknown) => Promise<Envelope>;

/**
 * Validates a call against the contract, runs its handler and wraps the outcome in an envelope.
 * Whatever a client sends, the answer is an envelope: bad input is an error naming the field, never a crash.
 */
export function createDispatcher(handlers: Handlers): Dispatch {
  return async (method, input) => {
    try {
      if (!isMethodName(method)) throw new WorkbenchError('unknown_method', `There is no method named "${method}".`);
      const parsed = methods[method].input.safeParse(input);
      if (!parsed.success) throw validationError(method, parsed.error);
      const handler = handlers[method] as Handler<MethodName>;
      const result = await handler(parsed.data as never);
      return { ok: true, result: methods[method].output.parse(result) };
    } catch (error) {
      return { ok: false, error: toWorkbenchError(error).toInfo() };
    }
  };
}

function validationError(method: MethodName, error: z.ZodError): WorkbenchError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
  const message = issue ? issue.message : 'invalid input';
  return new WorkbenchError('invalid_input', `Invalid input for ${method}: ${field}: ${message}.`, field);
}

function toWorkbenchError(error: unknown): WorkbenchError {
  if (error instanceof WorkbenchError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new WorkbenchError('internal', `Unexpected error: ${message}`);
}
