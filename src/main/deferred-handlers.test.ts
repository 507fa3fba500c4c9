import { describe, expect, it, vi } from 'vitest';
import type { ChannelHandlers } from '../shared/contract';
import { ok } from '../shared/result';
import { createDeferredHandlers } from './deferred-handlers';

const view = {
  state: 'signed_out',
  server: { url: 'http://127.0.0.1:1', isLocal: true },
  keychain: 'available',
  reason: 'not_signed_in',
} as const;

describe('createDeferredHandlers', () => {
  it('waits for the core, then forwards the request', async () => {
    let resolve!: (handlers: ChannelHandlers) => void;
    const ready = new Promise<ChannelHandlers>((r) => (resolve = r));
    const signIn = vi.fn(async () => ok(view));
    const handlers = createDeferredHandlers(ready, { warn: vi.fn(), error: vi.fn() });
    const pending = handlers['session:signIn']({
      email: 'a@b.co',
      password: 'x',
      rememberMe: true,
    });
    expect(signIn).not.toHaveBeenCalled();
    resolve({ 'session:signIn': signIn } as unknown as ChannelHandlers);
    expect(await pending).toEqual(ok(view));
    expect(signIn).toHaveBeenCalledWith({ email: 'a@b.co', password: 'x', rememberMe: true });
  });

  it('answers internal with one logged correlation id when the core never starts', async () => {
    const logger = { warn: vi.fn(), error: vi.fn() };
    const handlers = createDeferredHandlers(
      Promise.reject(new Error('EACCES: permission denied, mkdir')),
      logger,
      () => 'corr-1',
    );
    const first = await handlers['session:get'](undefined);
    const second = await handlers['profile:get'](undefined);
    expect(first).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'The app could not start. Please restart it.',
        correlationId: 'corr-1',
      },
    });
    expect(second).toEqual(first);
    expect(logger.error).toHaveBeenCalledTimes(1);
  });
});
