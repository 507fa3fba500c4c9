import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTrustedSenderCheck, isSameAppPage } from './trusted-sender';

const indexUrl = pathToFileURL(
  '/opt/Cliqnship Desktop/resources/app.asar/out/renderer/index.html',
).href;

describe('createTrustedSenderCheck (packaged file:// page)', () => {
  const trusted = createTrustedSenderCheck(indexUrl);

  it('trusts the main frame of the app page, with or without a hash', () => {
    expect(trusted({ url: indexUrl, parent: null })).toBe(true);
    expect(trusted({ url: `${indexUrl}#/profile`, parent: null })).toBe(true);
  });

  it.each([
    ['a subframe of the app page', { url: indexUrl, parent: {} }],
    ['another local file', { url: 'file:///tmp/evil.html', parent: null }],
    ['a sibling file whose path starts alike', { url: `${indexUrl}.evil.html`, parent: null }],
    ['a remote page', { url: 'https://evil.example/index.html', parent: null }],
    [
      'a UNC host file',
      {
        url: 'file://evil-host/opt/Cliqnship%20Desktop/resources/app.asar/out/renderer/index.html',
        parent: null,
      },
    ],
    ['garbage', { url: 'not a url', parent: null }],
    ['about:blank', { url: 'about:blank', parent: null }],
  ])('rejects %s', (_label, frame) => {
    expect(trusted(frame)).toBe(false);
  });

  it('rejects a missing frame (disposed before the call was handled)', () => {
    expect(trusted(null)).toBe(false);
    expect(trusted(undefined)).toBe(false);
  });
});

describe('createTrustedSenderCheck (dev server)', () => {
  const trusted = createTrustedSenderCheck('http://localhost:5173/');

  it('trusts the same origin only', () => {
    expect(trusted({ url: 'http://localhost:5173/index.html', parent: null })).toBe(true);
    expect(trusted({ url: 'http://localhost:5174/', parent: null })).toBe(false);
    expect(trusted({ url: 'http://localhost:5173.evil.example/', parent: null })).toBe(false);
    expect(trusted({ url: 'http://user@evil.example/?http://localhost:5173/', parent: null })).toBe(
      false,
    );
    expect(trusted({ url: 'https://localhost:5173/', parent: null })).toBe(false);
  });

  it('refuses to build a check from a non-URL', () => {
    expect(() => createTrustedSenderCheck('index.html')).toThrow();
  });

  it('never treats other schemes as an app page', () => {
    expect(isSameAppPage(new URL('data:text/html,hi'), 'data:text/html,hi')).toBe(false);
  });
});
