import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KeytarLike } from './keytar-vault';
import { createKeytarVault } from './keytar-vault';
import { chunkAccount, manifestAccount } from './keytar-vault-format';
import { realSizeSession, withFaults } from './testing/keytar-twin';

// Real Secret Service: run inside
//   dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; <cmd>'
// with HOME pointed at a temp folder. Under CI a missing keyring fails; elsewhere it skips.
const CI = Boolean(process.env.CI && process.env.CI !== 'false');
const SERVICE = `Cliqnship Desktop Test ${process.pid}`;
const ORIGIN = 'http://127.0.0.1:8000';
const keytar = createRequire(import.meta.url)('keytar') as KeytarLike;

let keyringProblem: string | null = null;

beforeAll(async () => {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    keyringProblem = 'no D-Bus session (DBUS_SESSION_BUS_ADDRESS unset)';
    return;
  }
  const probe = await createKeytarVault({ keytar, service: SERVICE }).clear(ORIGIN);
  if (probe.status !== 'ok') keyringProblem = probe.reason;
});

function requireKeyring(ctx: { skip: (condition: boolean, note?: string) => void }) {
  if (keyringProblem === null) return;
  if (CI) throw new Error(`CI needs an unlocked Secret Service keyring: ${keyringProblem}`);
  ctx.skip(true, `no unlocked Secret Service here: ${keyringProblem}`);
}

describe('createKeytarVault on a real Secret Service keyring', () => {
  it.for([
    ['4096-bit RSA sized tokens', realSizeSession()],
    ['a 3000-char access token and a multi-byte name', realSizeSession(3000, 'Zoë 😀')],
  ] as const)('saves, loads and clears %s', async ([, session], ctx) => {
    requireKeyring(ctx);
    const vault = createKeytarVault({ keytar, service: SERVICE });
    expect(await vault.save(ORIGIN, session)).toEqual({ status: 'ok' });
    // A fresh vault (as after a restart) reads the same entries.
    expect(await createKeytarVault({ keytar, service: SERVICE }).load(ORIGIN)).toEqual({
      status: 'found',
      session,
    });
    expect(await vault.clear(ORIGIN)).toEqual({ status: 'ok' });
    expect(await keytar.getPassword(SERVICE, ORIGIN)).toBeNull();
    expect(await keytar.getPassword(SERVICE, chunkAccount(ORIGIN, 'a', 0))).toBeNull();
    expect(await vault.load(ORIGIN)).toEqual({ status: 'empty' });
  });

  it('deletes a foreign entry and half a chunk set, reporting corrupt', async (ctx) => {
    requireKeyring(ctx);
    const vault = createKeytarVault({ keytar, service: SERVICE });
    await keytar.setPassword(SERVICE, ORIGIN, 'plain-old-token-from-another-app');
    expect(await vault.load(ORIGIN)).toEqual({ status: 'corrupt' });
    expect(await keytar.getPassword(SERVICE, ORIGIN)).toBeNull();

    await vault.save(ORIGIN, realSizeSession(3000));
    await keytar.deletePassword(SERVICE, chunkAccount(ORIGIN, 'a', 1));
    expect(await vault.load(ORIGIN)).toEqual({ status: 'corrupt' });
    expect(await keytar.getPassword(SERVICE, chunkAccount(ORIGIN, 'a', 0))).toBeNull();
    expect(await vault.load(ORIGIN)).toEqual({ status: 'empty' });
  });
});

describe('the chunk layout on a real Secret Service keyring (review #3)', () => {
  /** The real keytar, except that writing the manifest fails while `state.failing`. */
  const failingManifest = () => {
    const state = { failing: false };
    const faulty = withFaults(keytar, ({ op, account }) =>
      state.failing && op === 'setPassword' && account === manifestAccount(ORIGIN)
        ? { reject: 'Cannot create an item in a locked collection' }
        : null,
    );
    return { state, faulty, vault: createKeytarVault({ keytar: faulty, service: SERVICE }) };
  };

  it('keeps the previous session when the next save fails before its manifest', async (ctx) => {
    requireKeyring(ctx);
    const { state, vault } = failingManifest();
    const previous = realSizeSession(3000, 'Previous');
    expect(await vault.save(ORIGIN, previous)).toEqual({ status: 'ok' });
    state.failing = true;
    expect(await vault.save(ORIGIN, realSizeSession(5000, 'Next'))).toMatchObject({
      status: 'unavailable',
    });
    expect(await createKeytarVault({ keytar, service: SERVICE }).load(ORIGIN)).toEqual({
      status: 'found',
      session: previous,
    });
    expect(await vault.clear(ORIGIN)).toEqual({ status: 'ok' });
  });

  it('a clear after a first save that never wrote its manifest leaves no entry', async (ctx) => {
    requireKeyring(ctx);
    const { state, faulty, vault } = failingManifest();
    state.failing = true;
    expect(await vault.save(ORIGIN, realSizeSession(5000))).toMatchObject({
      status: 'unavailable',
    });
    const written = [...faulty.writtenAccounts];
    expect(written.length).toBeGreaterThan(1);
    expect(await keytar.getPassword(SERVICE, written[0]!)).not.toBeNull();
    // A fresh vault, as after a restart: it knows nothing of the failed save.
    expect(await createKeytarVault({ keytar, service: SERVICE }).clear(ORIGIN)).toEqual({
      status: 'ok',
    });
    for (const account of written) expect(await keytar.getPassword(SERVICE, account)).toBeNull();
  });
});

function hasTool(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const PROBE = resolve(import.meta.dirname, 'testing/vault-probe.ts');
const TIMEOUT_MS = 3000;

async function runProbe(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const started = performance.now();
  const { stdout } = await promisify(execFile)(command, args, { env, timeout: 30_000 });
  const wallMs = performance.now() - started;
  return { report: JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}'), wallMs };
}

describe('createKeytarVault on a locked keyring', () => {
  it('answers unavailable naming the lock, within the timeout', async (ctx) => {
    const tools = ['dbus-run-session', 'gnome-keyring-daemon'].filter((tool) => !hasTool(tool));
    if (tools.length > 0) {
      if (CI) throw new Error(`CI needs ${tools.join(', ')} for the locked-keyring test`);
      ctx.skip(true, `missing ${tools.join(', ')}`);
    }
    // A private bus; a login keyring is created unlocked, then the daemon is replaced by one that
    // never unlocks it: a real locked keyring with no display for the unlock prompt.
    const dataHome = mkdtempSync(join(tmpdir(), 'cliqnship-locked-'));
    try {
      const keytarPath = createRequire(import.meta.url).resolve('keytar');
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        XDG_DATA_HOME: dataHome,
        HOME: dataHome,
        SEED_KEYRING: `require(${JSON.stringify(keytarPath)}).setPassword('seed', 'seed', 'seed').catch(() => process.exit(1))`,
      };
      delete env.DISPLAY;
      delete env.WAYLAND_DISPLAY;
      delete env.DBUS_SESSION_BUS_ADDRESS;
      const { report } = await runProbe(
        'dbus-run-session',
        [
          '--',
          'sh',
          '-c',
          'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; ' +
            // Writing one item makes the daemon store the login keyring on disk before the swap.
            '"$1" -e "$SEED_KEYRING" || exit 3; ' +
            'gnome-keyring-daemon --replace --components=secrets --daemonize >/dev/null 2>&1; ' +
            'exec "$@"',
          'sh',
          process.execPath,
          '--import',
          'tsx',
          PROBE,
          String(TIMEOUT_MS),
        ],
        env,
      );
      expect(report.save.result).toEqual({
        status: 'unavailable',
        reason: expect.stringMatching(/locked/),
      });
      expect(report.save.ms).toBeLessThanOrEqual(TIMEOUT_MS + 250);
    } finally {
      rmSync(dataHome, { recursive: true, force: true });
    }
  });
});

describe('createKeytarVault with no Secret Service at all', () => {
  it('falls back to unavailable, says why, and returns within the timeout', async () => {
    const timeoutMs = 3000;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/cliqnship-no-bus',
    };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const started = performance.now();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        resolve(import.meta.dirname, 'testing/vault-probe.ts'),
        String(timeoutMs),
      ],
      { env, timeout: 30_000 },
    );
    const wallMs = performance.now() - started;
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    expect(report.save.result).toEqual({
      status: 'unavailable',
      reason: expect.stringMatching(/Secret Service/),
    });
    expect(report.load.status).toBe('unavailable');
    expect(report.clear.result.status).toBe('unavailable');
    for (const step of [report.save, report.load, report.clear]) {
      expect(step.ms).toBeLessThanOrEqual(timeoutMs + 250);
    }
    // Including Node + tsx start-up, the whole child stays well under three timeouts.
    expect(wallMs).toBeLessThan(3 * timeoutMs + 10_000);
  });
});
