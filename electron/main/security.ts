import { app, session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/contentSecurityPolicy';

/** True for the app's own pages: the built renderer on disk, or the dev server during development. */
export function isAppUrl(url: string): boolean {
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  if (devServer && url.startsWith(devServer)) return true;
  return url.startsWith('file://');
}

/** Locks every window down: no new windows, no navigation away, no webviews, no permissions. */
export function applySecurityPolicy(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export function lockSession(): void {
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // Nothing may leave the machine: refuse any request that is not for the app itself.
  defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const local = isAppUrl(details.url) || details.url.startsWith('devtools://') || details.url.startsWith('data:') || details.url.startsWith('blob:');
    callback({ cancel: !local });
  });
}
