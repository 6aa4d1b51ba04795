/** The two IPC channels of the desktop app: calls go in on one, events come out on the other. */
export const IPC_CALL_CHANNEL = 'pwb:call';
export const IPC_EVENT_CHANNEL = 'pwb:event';
