import { describe, expect, it } from 'vitest';
import { devToolsAllowed, isExternalLinkAllowed, rendererTarget } from './window-policy';

describe('isExternalLinkAllowed', () => {
  it.each(['https://cliqnship.com/help', 'https://example.com:8443/a?b=c#d'])(
    'allows %s',
    (url) => {
      expect(isExternalLinkAllowed(url)).toBe(true);
    },
  );
  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'https://user:pw@example.com/',
    'HTTPS:',
    'not a url',
    ' https ://example.com',
  ])('refuses %s', (url) => {
    expect(isExternalLinkAllowed(url)).toBe(false);
  });
});

describe('devToolsAllowed', () => {
  it('needs an unpackaged app AND the env flag', () => {
    expect(devToolsAllowed(false, { CLIQNSHIP_DEVTOOLS: '1' })).toBe(true);
    expect(devToolsAllowed(true, { CLIQNSHIP_DEVTOOLS: '1' })).toBe(false);
    expect(devToolsAllowed(false, {})).toBe(false);
    expect(devToolsAllowed(false, { CLIQNSHIP_DEVTOOLS: 'true' })).toBe(false);
  });
});

describe('rendererTarget', () => {
  it('uses the loopback dev server only when unpackaged', () => {
    const dev = { devServerUrl: 'http://localhost:5173', outDir: '/app/out' };
    expect(rendererTarget({ ...dev, isPackaged: false })).toEqual({
      kind: 'url',
      url: 'http://localhost:5173/',
    });
    expect(rendererTarget({ ...dev, isPackaged: true })).toMatchObject({ kind: 'file' });
  });

  it('ignores a dev server URL that is not loopback http(s)', () => {
    for (const devServerUrl of ['https://evil.example/', 'file:///tmp/x.html']) {
      expect(rendererTarget({ isPackaged: false, devServerUrl, outDir: '/app/out' })).toMatchObject(
        {
          kind: 'file',
        },
      );
    }
  });

  it('loads the built index.html with its file URL', () => {
    expect(
      rendererTarget({ isPackaged: true, devServerUrl: undefined, outDir: '/app/out' }),
    ).toEqual({
      kind: 'file',
      path: '/app/out/renderer/index.html',
      url: 'file:///app/out/renderer/index.html',
    });
  });
});
