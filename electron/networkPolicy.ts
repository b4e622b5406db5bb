/**
 * The desktop app makes no network request at all: every request the main window, its workers
 * or any other web contents start is refused unless it stays inside the app (app://clusterlab,
 * or the blob: and data: URLs the page makes itself for its workers and figures). There is no
 * update check; the sandbox processes run learners' code with no network module at all.
 */
import { isAppUrl } from './mainWindow';

const LOCAL_SCHEMES = new Set(['blob:', 'data:']);

export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  try {
    return LOCAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** The part of Electron's session.webRequest used here; tests pass a fake. */
export interface WebRequestLike {
  onBeforeRequest(
    listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
  ): void;
}

/** Cancels every request that leaves the app and logs it (once per URL). */
export function refuseNetworkRequests(webRequest: WebRequestLike, log: (message: string) => void = () => {}): void {
  const logged = new Set<string>();
  webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed && !logged.has(details.url) && logged.size < 100) {
      logged.add(details.url);
      log(`refused a network request to ${details.url}: ClusterLab works offline`);
    }
    callback({ cancel: !allowed });
  });
}
