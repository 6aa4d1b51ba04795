/** IPC channels of the desktop app: one per contract method for calls, one for pushed events. */
export const IPC_METHOD_CHANNEL_PREFIX = 'pwb:call:';
export const IPC_EVENT_CHANNEL = 'pwb:event';

const METHOD_NAME_PATTERN = /^[a-z]+\.[A-Za-z]+$/;

/** The channel of one method, or null for a string that cannot be a method name. */
export function ipcChannelFor(method: string): string | null {
  return METHOD_NAME_PATTERN.test(method) ? `${IPC_METHOD_CHANNEL_PREFIX}${method}` : null;
}
