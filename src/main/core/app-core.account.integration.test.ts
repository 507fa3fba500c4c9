import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER, OAUTH_CLIENTS } from '../../../server/index';
import type { RegisterRequest } from '../../shared/schemas';
import { countRequests, serverHarnessPerTest } from './testing/core-harness';

/** Registration and profile flows against the real local server; secrets never leak. */

const startServer = serverHarnessPerTest();

// A tiny but real PNG header followed by padding: the server sniffs the type from the bytes.
const PNG = new Uint8Array([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  ...new Array(64).fill(7),
]);
const PHOTO = { name: 'me.png', type: 'image/png' as const, bytes: PNG };
const NEW_USER: RegisterRequest = {
  email: 'maria.santos@example.com',
  password: 's3cret-pass',
  firstName: 'Maria',
  lastName: 'Santos',
};

async function setup() {
  const { server, harness } = await startServer();
  return { server, harness, core: harness.start() };
}

describe('account and profile against the real server', () => {
  it('registers with at most 4 requests and is signed in', async () => {
    const { server, core } = await setup();
    const result = await core.handlers['account:register'](NEW_USER);
    expect(result).toMatchObject({
      ok: true,
      value: { state: 'signed_in', user: { email: NEW_USER.email, displayName: 'Maria Santos' } },
    });
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /oauth/token 200',
      'POST /api/v1/customers 201',
      'POST /oauth/token 200',
      'GET /api/v1/customers/me 200',
    ]);
    // The profile right after registration comes from the cache: no request.
    expect(await core.handlers['profile:get'](undefined)).toMatchObject({
      ok: true,
      value: { firstName: 'Maria', lastName: 'Santos', gender: 'male', imageUrl: null },
    });
    expect(server.requests).toHaveLength(4);
  });

  it('registers with a photo in 4 requests and shows the photo as a data: URL', async () => {
    const { server, core } = await setup();
    const result = await core.handlers['account:register']({ ...NEW_USER, photo: PHOTO });
    expect(result.ok).toBe(true);
    expect(
      server.requests.map((r) => `${r.method} ${r.path.replace(/\d+$/, 'ID')} ${r.status}`),
    ).toEqual([
      'POST /oauth/token 200',
      'POST /api/v1/customers 201',
      'POST /oauth/token 200',
      'POST /api/v1/customers/ID 201',
    ]);
    const profile = await core.handlers['profile:get'](undefined);
    expect(profile.ok && profile.value.imageUrl).toMatch(/\/files\/prod\/users\/\w{40}\.png$/);
    expect(profile.ok && profile.value.imageDataUrl).toBe(
      `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`,
    );
  });

  it('remembers the new session only when "keep me signed in" was ticked', async () => {
    const { harness, core } = await setup();
    await core.handlers['account:register']({ ...NEW_USER, rememberMe: true });
    const restored = await harness.start().restore();
    expect(restored).toMatchObject({ state: 'signed_in', remembered: true });

    await core.handlers['session:signOut'](undefined);
    await core.handlers['account:register']({ ...NEW_USER, email: 'juan@example.com' });
    expect(await harness.start().restore()).toMatchObject({ state: 'signed_out' });
  });

  it('reuses the cached client_credentials token for a second registration', async () => {
    const { server, core } = await setup();
    await core.handlers['account:register'](NEW_USER);
    await core.handlers['account:register']({ ...NEW_USER, email: 'juan.delacruz@example.com' });
    expect(countRequests(server, 'POST', '/oauth/token')).toBe(3);
  });

  it('reports a duplicate email as a validation error on the email field', async () => {
    const { core } = await setup();
    const result = await core.handlers['account:register']({
      ...NEW_USER,
      email: DEMO_CUSTOMER.email.toUpperCase(),
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: expect.any(String),
        fields: { email: ['The email has already been taken.'] },
      },
    });
    expect((await core.handlers['session:get'](undefined)).ok).toBe(true);
  });

  it('updates names and birthdate; the birthdate is remembered by the app', async () => {
    const { server, core, harness } = await setup();
    await core.handlers['session:signIn']({
      email: DEMO_CUSTOMER.email,
      password: DEMO_CUSTOMER.password,
      rememberMe: true,
    });
    const result = await core.handlers['profile:update']({
      firstName: 'Danielle',
      middleName: '',
      lastName: 'Demo-Cruz',
      gender: 'female',
      birthdate: '1990-05-17',
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        firstName: 'Danielle',
        middleName: '',
        lastName: 'Demo-Cruz',
        gender: 'female',
        birthdate: '1990-05-17',
      },
    });
    expect(harness.events.at(-1)).toMatchObject({
      state: 'signed_in',
      user: { displayName: 'Danielle Demo-Cruz' },
    });
    // A restarted app fetches the profile fresh and still knows the birthdate.
    const next = harness.start();
    await next.restore();
    harness.clock.now += 61_000;
    server.resetRequestLog();
    expect(await next.handlers['profile:get'](undefined)).toMatchObject({
      ok: true,
      value: { firstName: 'Danielle', birthdate: '1990-05-17' },
    });
    expect(server.requests.map((r) => r.path)).toEqual(['/api/v1/customers/me']);
  });

  it('changes the password: the new one signs in, the old one is refused', async () => {
    const { core } = await setup();
    await core.handlers['session:signIn']({
      email: DEMO_CUSTOMER.email,
      password: DEMO_CUSTOMER.password,
      rememberMe: false,
    });
    expect((await core.handlers['profile:update']({ newPassword: 'brand-new-pass' })).ok).toBe(
      true,
    );
    await core.handlers['session:signOut'](undefined);
    const old = await core.handlers['session:signIn']({
      email: DEMO_CUSTOMER.email,
      password: DEMO_CUSTOMER.password,
      rememberMe: false,
    });
    expect(old).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    const fresh = await core.handlers['session:signIn']({
      email: DEMO_CUSTOMER.email,
      password: 'brand-new-pass',
      rememberMe: false,
    });
    expect(fresh.ok).toBe(true);
  });

  it('uploads a photo with a multipart POST (_method=PUT)', async () => {
    const { server, core } = await setup();
    await core.handlers['session:signIn']({
      email: DEMO_CUSTOMER.email,
      password: DEMO_CUSTOMER.password,
      rememberMe: false,
    });
    server.resetRequestLog();
    const result = await core.handlers['profile:update']({ photo: PHOTO, lastName: 'Photo' });
    expect(result).toMatchObject({
      ok: true,
      value: { lastName: 'Photo', imageDataUrl: expect.stringMatching(/^data:image\/png;base64,/) },
    });
    expect(
      server.requests.map((r) => `${r.method} ${r.path.replace(/\d+$/, 'ID')} ${r.status}`),
    ).toEqual([
      'POST /api/v1/customers/ID 201',
      expect.stringMatching(/^GET \/files\/prod\/users\/\w+\.png 200$/),
    ]);
  });

  it('never lets tokens, secrets or passwords reach results, events or logs', async () => {
    const { server, core, harness } = await setup();
    const outputs: unknown[] = [];
    outputs.push(await core.handlers['account:register']({ ...NEW_USER, photo: PHOTO }));
    outputs.push(
      await core.handlers['profile:update']({ newPassword: 'another-secret-pw', firstName: 'M' }),
    );
    outputs.push(await core.handlers['profile:get'](undefined));
    outputs.push(
      await core.handlers['session:signIn']({
        ...NEW_USER,
        password: 'wrong-password-x',
        rememberMe: true,
      }),
    );
    outputs.push(
      await core.handlers['session:signIn']({
        email: NEW_USER.email,
        password: 'another-secret-pw',
        rememberMe: true,
      }),
    );
    const origin = new URL(server.url).origin;
    const first = await harness.vault.load(origin);
    if (first.status !== 'found') throw new Error('session not stored');
    harness.clock.now += 366 * 86_400_000; // forces a refresh
    outputs.push(await core.handlers['profile:get'](undefined));
    await server.revokeTokensOf(NEW_USER.email);
    harness.clock.now += 366 * 86_400_000; // a rejected refresh
    outputs.push(await core.handlers['profile:get'](undefined));
    outputs.push(await core.handlers['session:get'](undefined));

    expect((await harness.vault.load(origin)).status).toBe('empty');
    const everything = JSON.stringify([outputs, harness.events]) + harness.logs.join('\n');
    expect(harness.logs.length).toBeGreaterThan(0);
    const secrets = [
      OAUTH_CLIENTS.password.secret,
      OAUTH_CLIENTS.personal.secret,
      NEW_USER.password,
      'another-secret-pw',
      'wrong-password-x',
      'eyJ', // any JWT
      first.session.accessToken.slice(-40),
      first.session.refreshToken.slice(0, 40),
    ];
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/"stack"|at Object\.|node:internal/);
    for (const line of harness.logs) {
      expect(line).toMatch(/^\[[\w-]+\] (info|warn|error): /);
      expect(line).not.toContain(NEW_USER.email);
    }
  });
});
