import { describe, expect, it, vi } from 'vitest';
import { buildCliqnshipApi } from './api-builder';
import { CHANNELS, EVENTS } from './contract';
import { ok } from './result';

describe('buildCliqnshipApi', () => {
  it('exposes one function per channel that forwards to invoke', async () => {
    const invoke = vi.fn(async () => ok('value'));
    const api = buildCliqnshipApi(invoke as never, () => () => {});
    const signIn = { email: 'a@example.com', password: 'pw', rememberMe: true };
    await expect(api.session.signIn(signIn)).resolves.toEqual(ok('value'));
    expect(invoke).toHaveBeenCalledWith('session:signIn', signIn);
    await api.profile.get();
    expect(invoke).toHaveBeenLastCalledWith('profile:get', undefined);
    const exposed = Object.entries(api).flatMap(([area, fns]) =>
      Object.keys(fns).map((verb) => `${area}:${verb}`),
    );
    expect(exposed.filter((name) => !name.includes(':on')).sort()).toEqual(
      Object.keys(CHANNELS).sort(),
    );
  });

  it('turns each event into an onX subscription that returns the unsubscribe', () => {
    const unsubscribe = vi.fn();
    const subscribe = vi.fn(() => unsubscribe);
    const api = buildCliqnshipApi(vi.fn() as never, subscribe);
    const listener = vi.fn();
    const off = api.session.onChanged(listener);
    expect(subscribe).toHaveBeenCalledWith('session:changed', listener);
    off();
    expect(unsubscribe).toHaveBeenCalledOnce();
    expect(EVENTS).toEqual(['session:changed']);
  });

  it('returns a frozen object', () => {
    const api = buildCliqnshipApi(vi.fn() as never, () => () => {});
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.session)).toBe(true);
  });
});
