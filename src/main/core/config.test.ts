import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CLIENT_CREDENTIALS_CLIENT,
  DEFAULT_PASSWORD_CLIENT,
  isLoopbackHost,
  loadConfig,
  normalizeApiUrl,
  withApiBaseUrl,
} from './config';

const dir = mkdtempSync(join(tmpdir(), 'cliqnship-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('loadConfig', () => {
  it('defaults to the documented clients and the embedded server', () => {
    expect(loadConfig({ env: {}, argv: [], configFilePath: join(dir, 'absent.json') })).toEqual({
      ok: true,
      value: {
        apiBaseUrl: null,
        passwordClient: DEFAULT_PASSWORD_CLIENT,
        clientCredentialsClient: DEFAULT_CLIENT_CREDENTIALS_CLIENT,
        requestTimeoutMs: 15000,
      },
    });
  });

  it('takes argv over env over the config file', () => {
    const configFilePath = file('all.json', {
      apiUrl: 'https://file.example.com',
      passwordClient: { id: '7', secret: 'file-secret' },
      clientCredentialsClient: { id: '8', secret: 'file-cc' },
      requestTimeoutMs: 1234,
    });
    const result = loadConfig({
      configFilePath,
      env: {
        CLIQNSHIP_API_URL: 'https://env.example.com/',
        CLIQNSHIP_PASSWORD_CLIENT_SECRET: 'env-secret',
        CLIQNSHIP_REQUEST_TIMEOUT_MS: '5000',
      },
      argv: [
        'electron',
        '.',
        '--api-url=https://arg.example.com/base/',
        '--password-client-id',
        '9',
      ],
    });
    expect(result).toEqual({
      ok: true,
      value: {
        apiBaseUrl: 'https://arg.example.com/base',
        passwordClient: { id: '9', secret: 'env-secret' },
        clientCredentialsClient: { id: '8', secret: 'file-cc' },
        requestTimeoutMs: 5000,
      },
    });
  });

  it.each([
    ['http://api.example.com', /https/],
    ['https://user:pw@api.example.com', /credentials/],
    ['https://api.example.com?x=1', /query/],
    ['ftp://api.example.com', /https/],
    ['not a url', /valid URL/],
  ])('rejects the API URL %s', (url, message) => {
    const result = loadConfig({ env: { CLIQNSHIP_API_URL: url }, argv: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad_request');
      expect(result.error.message).toMatch(message);
    }
  });

  it('rejects a broken config file without echoing secrets', () => {
    const bad = file('bad.json', '{ nope');
    expect(loadConfig({ env: {}, argv: [], configFilePath: bad })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    const wrong = file('wrong.json', { passwordClient: { id: 2, secret: 'top-secret' } });
    const result = loadConfig({ env: {}, argv: [], configFilePath: wrong });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('top-secret');
  });

  it('rejects a bad timeout', () => {
    for (const value of ['abc', '0', '-5', '99999999']) {
      expect(loadConfig({ env: { CLIQNSHIP_REQUEST_TIMEOUT_MS: value }, argv: [] }).ok).toBe(false);
    }
  });
});

describe('URL rules', () => {
  it('accepts http only for loopback hosts', () => {
    expect(normalizeApiUrl('http://127.0.0.1:8000/')).toEqual({
      ok: true,
      value: 'http://127.0.0.1:8000',
    });
    expect(normalizeApiUrl('http://localhost:1').ok).toBe(true);
    expect(normalizeApiUrl('http://[::1]:1').ok).toBe(true);
    expect(normalizeApiUrl('http://127.1.2.3').ok).toBe(true);
    expect(normalizeApiUrl('http://127.0.0.1.example.com').ok).toBe(false);
    expect(normalizeApiUrl('http://128.0.0.1').ok).toBe(false);
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
  });

  it('withApiBaseUrl sets a normalised URL and refuses a bad one', () => {
    const base = loadConfig({ env: {}, argv: [] });
    if (!base.ok) throw new Error('defaults must load');
    expect(withApiBaseUrl(base.value, 'http://127.0.0.1:5555/').apiBaseUrl).toBe(
      'http://127.0.0.1:5555',
    );
    expect(() => withApiBaseUrl(base.value, 'http://example.com')).toThrow();
  });
});
