import { z } from 'zod';

export const errorCodeSchema = z.enum([
  'invalid_input',
  'unknown_method',
  'unsupported',
  'not_found',
  'conflict',
  'no_workspace',
  'not_a_workspace',
  'newer_workspace',
  'workspace_locked',
  'io_error',
  'cancelled',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorInfoSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Dotted path of the offending input field, for invalid_input. */
  field: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof errorInfoSchema>;

/** The one error type both sides throw and recognise; it survives every transport as ErrorInfo. */
export class WorkbenchError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'WorkbenchError';
    this.code = code;
    this.field = field;
  }

  toInfo(): ErrorInfo {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }

  static fromInfo(info: ErrorInfo): WorkbenchError {
    return new WorkbenchError(info.code, info.message, info.field);
  }
}
