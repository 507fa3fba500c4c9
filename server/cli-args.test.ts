/** Argument parsing of the server CLI. */
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('maps every option', () => {
    expect(
      parseCliArgs([
        '--host',
        '0.0.0.0',
        '--port',
        '8000',
        '--data',
        '/tmp/x',
        '--seed-demo',
        '--throttle',
        'off',
        '--token-ttl',
        '60',
        '--refresh-error-mode',
        'newer',
      ]),
    ).toEqual({
      kind: 'run',
      options: {
        host: '0.0.0.0',
        port: 8000,
        dataDir: '/tmp/x',
        seedDemo: true,
        throttlePerMinute: false,
        accessTokenTtlSeconds: 60,
        refreshTokenTtlSeconds: 60,
        refreshErrorMode: 'newer',
      },
    });
    expect(parseCliArgs(['--throttle', '10'])).toEqual({
      kind: 'run',
      options: { throttlePerMinute: 10 },
    });
    expect(parseCliArgs(['--help', '--bogus'])).toEqual({ kind: 'help' });
  });

  it('explains bad input', () => {
    const cases: [string[], string][] = [
      [['--bogus'], 'unknown option: --bogus'],
      [['--port'], '--port needs a value'],
      [['--port', '--seed-demo'], '--port needs a value'],
      [['--port', '70000'], '--port must be 0-65535, got 70000'],
      [['--port', '-1'], '--port must be 0-65535, got -1'],
      [['--throttle', '0'], '--throttle must be a positive integer or off, got 0'],
      [['--token-ttl', '1.5'], '--token-ttl must be a positive number of seconds, got 1.5'],
      [['--refresh-error-mode', 'old'], '--refresh-error-mode must be passport2 or newer, got old'],
    ];
    for (const [args, message] of cases)
      expect(parseCliArgs(args)).toEqual({ kind: 'error', message });
  });
});
