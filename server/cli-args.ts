/** Command-line parsing for `npm run server` (kept apart from cli.ts so it is unit-testable). */
import type { ServerOptions } from './index';

/** Usage text printed by --help. */
export const USAGE = `Usage: npm run server -- [options]

Options:
  --host H                         interface to bind (default 127.0.0.1)
  --port P                         port (default 0 = any free port)
  --data DIR                       data folder (default $CLIQNSHIP_DATA_DIR or <tmp>/cliqnship-server)
  --seed-demo                      add the demo customer demo@example.com / demo-pass-123
  --throttle N|off                 requests per minute per route and IP (default 60)
  --token-ttl SECONDS              access and refresh token lifetime (default 31536000)
  --refresh-error-mode passport2|newer
                                   how a rejected refresh is answered (default passport2)
  --help                           show this text
`;

/** Result of parsing argv. */
export type CliParse =
  { kind: 'help' } | { kind: 'run'; options: ServerOptions } | { kind: 'error'; message: string };

function positiveInt(value: string, allowZero: boolean): number | null {
  if (!/^\d+$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && (allowZero || n > 0) ? n : null;
}

/** Parses CLI arguments (without node/script) into server options. */
export function parseCliArgs(argv: readonly string[]): CliParse {
  const options: ServerOptions = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--seed-demo') {
      options.seedDemo = true;
      continue;
    }
    const takesValue = [
      '--host',
      '--port',
      '--data',
      '--throttle',
      '--token-ttl',
      '--refresh-error-mode',
    ];
    if (!takesValue.includes(arg)) return { kind: 'error', message: `unknown option: ${arg}` };
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--'))
      return { kind: 'error', message: `${arg} needs a value` };
    i += 1;
    const problem = apply(options, arg, value);
    if (problem !== null) return { kind: 'error', message: problem };
  }
  return { kind: 'run', options };
}

function apply(options: ServerOptions, arg: string, value: string): string | null {
  switch (arg) {
    case '--host':
      options.host = value;
      return null;
    case '--data':
      options.dataDir = value;
      return null;
    case '--port': {
      const port = positiveInt(value, true);
      if (port === null || port > 65535) return `--port must be 0-65535, got ${value}`;
      options.port = port;
      return null;
    }
    case '--throttle': {
      if (value === 'off') {
        options.throttlePerMinute = false;
        return null;
      }
      const n = positiveInt(value, false);
      if (n === null) return `--throttle must be a positive integer or off, got ${value}`;
      options.throttlePerMinute = n;
      return null;
    }
    case '--token-ttl': {
      const ttl = positiveInt(value, false);
      if (ttl === null) return `--token-ttl must be a positive number of seconds, got ${value}`;
      options.accessTokenTtlSeconds = ttl;
      options.refreshTokenTtlSeconds = ttl;
      return null;
    }
    default: {
      if (value !== 'passport2' && value !== 'newer') {
        return `--refresh-error-mode must be passport2 or newer, got ${value}`;
      }
      options.refreshErrorMode = value;
      return null;
    }
  }
}
