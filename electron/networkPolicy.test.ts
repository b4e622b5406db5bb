// The desktop app's network policy: nothing but the app's own app://, blob: and data: URLs.
import { describe, expect, it } from 'vitest';
import { isAllowedRequest, refuseNetworkRequests } from './networkPolicy';

describe('isAllowedRequest', () => {
  it('allows the app itself and the blob:/data: URLs it makes', () => {
    expect(isAllowedRequest('app://clusterlab/index.html')).toBe(true);
    expect(isAllowedRequest('app://clusterlab/assets/duckdb-eh.wasm')).toBe(true);
    expect(isAllowedRequest('blob:app://clusterlab/2f1c0a4e-0000-4000-8000-000000000000')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
  });

  it('refuses every request that leaves the app', () => {
    for (const url of [
      'https://example.com/update.json',
      'http://127.0.0.1:8080/',
      'ws://localhost:9229/',
      'file:///etc/passwd',
      'app://other-host/index.html',
      'ftp://example.com/',
      'not a url',
    ])
      expect(isAllowedRequest(url), url).toBe(false);
  });
});

describe('refuseNetworkRequests', () => {
  it('cancels an https:// request through session.webRequest and logs it once', () => {
    let listener: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    const log: string[] = [];
    refuseNetworkRequests({ onBeforeRequest: (l) => (listener = l) }, (m) => log.push(m));
    const answer = (url: string) => {
      let response: { cancel: boolean } | undefined;
      listener!({ url }, (r) => (response = r));
      return response;
    };
    expect(answer('https://example.com/latest.yml')).toEqual({ cancel: true });
    expect(answer('https://example.com/latest.yml')).toEqual({ cancel: true });
    expect(answer('app://clusterlab/index.html')).toEqual({ cancel: false });
    expect(log).toEqual(['refused a network request to https://example.com/latest.yml: ClusterLab works offline']);
  });
});
