import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { WorkbenchBridge } from '../../shared/contract/client';
import { IPC_EVENT_CHANNEL, ipcChannelFor } from '../../shared/contract/ipcChannels';

// The page gets exactly this: one way to call the contract and one way to hear its events.
const bridge: WorkbenchBridge = {
  invoke: (method, input) => {
    const channel = ipcChannelFor(method);
    if (channel === null) return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `There is no method named "${method}".` } });
    return ipcRenderer.invoke(channel, input);
  },
  subscribe: (listener) => {
    const forward = (_event: IpcRendererEvent, message: unknown) => listener(message);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('workbench', bridge);
