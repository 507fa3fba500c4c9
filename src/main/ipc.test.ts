import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { Channel, ChannelHandlers } from '../shared/contract';
import { CHANNELS } from '../shared/contract';
import { ok } from '../shared/result';
import type { InvokeEventLike, IpcMainLike } from './ipc';
import { createEventSender, registerIpc } from './ipc';
import { createTrustedSenderCheck } from './trusted-sender';

const APP_URL = pathToFileURL('/app/out/renderer/index.html').href;
const TRUSTED: InvokeEventLike = { senderFrame: { url: APP_URL, parent: null } };
const SESSION = {
  state: 'signed_out',
  server: { url: 'http://127.0.0.1:1', isLocal: true },
  keychain: 'available',
  reason: 'not_signed_in',
} as const;

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

function setup(handlerImpl?: () => Promise<unknown>) {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void listeners.set(channel, listener),
    removeHandler: (channel) => void listeners.delete(channel),
  };
  const handlers = Object.fromEntries(
    Object.keys(CHANNELS).map((channel) => [
      channel,
      vi.fn(handlerImpl ?? (async () => ok(SESSION))),
    ]),
  ) as unknown as ChannelHandlers;
  const logger = { warn: vi.fn(), error: vi.fn() };
  const unregister = registerIpc(ipcMain, handlers, {
    isTrustedSender: createTrustedSenderCheck(APP_URL),
    logger,
    newCorrelationId: () => 'corr-123',
  });
  const call = (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args) as Promise<{ ok: boolean; error?: Record<string, unknown> }>;
  };
  return { listeners, handlers, logger, unregister, call };
}

const validSignIn = { email: 'a@example.com', password: 'pw', rememberMe: true };
const validRegister = { email: 'a@example.com', password: 'secret', firstName: 'A', lastName: 'B' };
const huge = 'x'.repeat(2_000_000);
const png = (size: number) => ({ name: 'me.png', type: 'image/png', bytes: new Uint8Array(size) });

const common: [string, unknown][] = [
  ['a number', 42],
  ['a string', 'hello'],
  ['an array', [validSignIn]],
  ['null', null],
  ['a function', () => validSignIn],
  ['a huge string', huge],
  ['a 50 MB Uint8Array', new Uint8Array(50 * 1024 * 1024)],
  ['a __proto__ key', JSON.parse('{"__proto__":{"polluted":true}}')],
  ['a constructor key', { constructor: { prototype: { polluted: true } } }],
  ['a huge extra key', { [huge]: 1 }],
];

const hostile: Record<Channel, [string, unknown][]> = {
  'session:get': [...common, ['an empty object', {}]],
  'session:signOut': [...common, ['an empty object', {}]],
  'profile:get': [...common, ['an empty object', {}]],
  'session:signIn': [
    ...common,
    ['a missing password', { email: 'a@example.com', rememberMe: true }],
    ['a wrong type', { ...validSignIn, rememberMe: 'yes' }],
    ['an extra key', { ...validSignIn, admin: true }],
    ['a huge email', { ...validSignIn, email: `${huge}@example.com` }],
    ['a huge password', { ...validSignIn, password: huge }],
    [
      'a __proto__ key beside valid fields',
      JSON.parse(`{"__proto__":{"x":1},"email":"a@example.com","password":"pw","rememberMe":true}`),
    ],
    ['fields inherited from a prototype', Object.create(validSignIn)],
    ['a function as a field', { ...validSignIn, password: () => 'pw' }],
  ],
  'account:register': [
    ...common,
    ['a missing last name', { ...validRegister, lastName: undefined }],
    ['a 50 MB photo', { ...validRegister, photo: png(50 * 1024 * 1024) }],
    [
      'a photo as an array of numbers',
      { ...validRegister, photo: { ...png(1), bytes: [1, 2, 3] } },
    ],
    ['a photo of type text/html', { ...validRegister, photo: { ...png(10), type: 'text/html' } }],
    ['a huge first name', { ...validRegister, firstName: huge }],
    ['a constructor key beside valid fields', { ...validRegister, constructor: 'x' }],
  ],
  'profile:update': [
    ...common,
    ['an extra key', { firstName: 'A', id: 1 }],
    ['a 50 MB photo', { photo: png(50 * 1024 * 1024) }],
    ['a bad gender', { gender: 'other' }],
    ['a bad birthdate', { birthdate: '2001-02-30' }],
    ['a too short password', { newPassword: 'ab' }],
    ['a huge middle name', { middleName: huge }],
  ],
};

describe('registerIpc payload validation', () => {
  const cases = Object.entries(hostile).flatMap(([channel, payloads]) =>
    payloads.map(([label, payload]) => [channel, label, payload] as const),
  );

  it.each(cases)(
    '%s with %s -> bad_request, handler not called',
    async (channel, _label, payload) => {
      const { handlers, call } = setup();
      const result = await call(channel, TRUSTED, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(handlers[channel as Channel]).not.toHaveBeenCalled();
      // Nothing of the hostile input is echoed back in bulk.
      expect(JSON.stringify(result).length).toBeLessThan(4000);
    },
  );

  it('rejects extra arguments', async () => {
    const { handlers, call } = setup();
    expect(await call('session:get', TRUSTED, undefined, 'more')).toMatchObject({
      error: { code: 'bad_request' },
    });
    expect(handlers['session:get']).not.toHaveBeenCalled();
  });

  it('gives field messages for a form-like mistake', async () => {
    const { call } = setup();
    const result = await call('session:signIn', TRUSTED, { ...validSignIn, email: 'nope' });
    expect(result.error?.fields).toEqual({ email: ['The email must be a valid email address.'] });
  });

  it('passes the parsed request to the handler and returns its Result unchanged', async () => {
    const { handlers, call } = setup();
    const result = await call('session:signIn', TRUSTED, {
      ...validSignIn,
      email: ' a@example.com ',
    });
    expect(handlers['session:signIn']).toHaveBeenCalledWith(validSignIn);
    expect(result).toEqual(ok(SESSION));
    expect(await call('session:get', TRUSTED)).toEqual(ok(SESSION));
    expect(await call('profile:update', TRUSTED, {})).toEqual(ok(SESSION));
  });
});

describe('registerIpc sender check', () => {
  const throwingFrame = {
    get senderFrame(): never {
      throw new Error('Render frame was disposed before WebFrameMain could be accessed');
    },
  };
  it.each([
    ['a subframe', { senderFrame: { url: APP_URL, parent: { url: APP_URL, parent: null } } }],
    ['another origin', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['another local file', { senderFrame: { url: 'file:///tmp/index.html', parent: null } }],
    ['no frame', { senderFrame: null }],
    ['a disposed frame', throwingFrame],
  ])('answers forbidden for %s on every channel', async (_label, event) => {
    const { handlers, call, logger } = setup();
    for (const channel of Object.keys(CHANNELS) as Channel[]) {
      expect(await call(channel, event as InvokeEventLike, undefined)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(handlers[channel]).not.toHaveBeenCalled();
    }
    expect(logger.warn).toHaveBeenCalledWith('ipc', expect.any(String), expect.any(Object));
  });
});

describe('registerIpc failures', () => {
  it('turns a thrown error into internal + correlation id, leaking nothing else', async () => {
    const { call, logger } = setup(async () => {
      throw new Error('boom: refresh token def502abc');
    });
    const result = await call('profile:get', TRUSTED);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong in the app. Please try again.',
        correlationId: 'corr-123',
      },
    });
    expect(logger.error).toHaveBeenCalledWith(
      'ipc',
      'handler failed',
      expect.objectContaining({ channel: 'profile:get', correlationId: 'corr-123' }),
    );
  });

  it('treats a handler answer that is not a Result as internal', async () => {
    const { call } = setup(async () => 'raw body');
    expect(await call('session:get', TRUSTED)).toMatchObject({ error: { code: 'internal' } });
  });

  it('registers every channel once and removes them all', () => {
    const { listeners, unregister } = setup();
    expect([...listeners.keys()].sort()).toEqual(Object.keys(CHANNELS).sort());
    unregister();
    expect(listeners.size).toBe(0);
  });
});

describe('createEventSender', () => {
  it('sends to a live window and drops events when there is none', () => {
    const send = vi.fn();
    let destroyed = false;
    const window = {
      isDestroyed: () => destroyed,
      webContents: { isDestroyed: () => false, send },
    };
    let current: typeof window | null = null;
    const emit = createEventSender(() => current);
    emit('session:changed', SESSION);
    current = window;
    emit('session:changed', SESSION);
    destroyed = true;
    emit('session:changed', SESSION);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('session:changed', SESSION);
  });
});
