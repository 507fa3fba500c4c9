import { describe, expect, it } from 'vitest';
import { createLogger, formatLine } from './log';

describe('logger', () => {
  it('prefixes the area and redacts tokens, secrets and emails', () => {
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line));
    const jwt = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMiJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    logger.warn('session', `failed for maria@example.com with ${jwt}`, {
      accessToken: 'plain',
      nested: {
        client_secret: 'x',
        note: 'ZG8ryvoaJqjO9nbb3HaMPr8DJSCFdBDWQu88VzsSo8UhF+q6Io3UKpbf',
      },
      status: 401,
    });
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line.startsWith('[session] warn: ')).toBe(true);
    expect(line).not.toMatch(/maria|eyJ|plain|ZG8ry/);
    expect(line).toContain('"status":401');
  });

  it('renders errors as name and redacted message only', () => {
    const lines: string[] = [];
    createLogger((line) => lines.push(line)).error('core', 'boom', {
      error: new Error('password hunter2hunter2hunter2hunter2hunter2 leaked'),
    });
    expect(lines[0]).toContain('Error: password [redacted] leaked');
    expect(lines[0]).not.toContain('at ');
  });
});

describe('logger edge cases (review #9)', () => {
  it.each([
    ['a percent-encoded email', 'GET /login?u=demo%40example.com failed', /demo|example/],
    ['an email on a dotless host', 'mail to dana@localhost bounced', /dana|localhost/],
  ])('redacts %s', (_label, message, leaked) => {
    const lines: string[] = [];
    createLogger((line) => lines.push(line)).info('core', message, { detail: message });
    expect(lines[0]).not.toMatch(leaked);
    expect(lines[0]).toContain('[redacted]');
  });

  it('formats a BigInt instead of throwing', () => {
    expect(formatLine('info', 'core', 'size', { bytes: 12n, nested: { big: -3n } })).toBe(
      '[core] info: size {"bytes":"12","nested":{"big":"-3"}}',
    );
  });

  it('never throws on data JSON cannot render', () => {
    const hostile = {
      toJSON() {
        throw new Error('no');
      },
    };
    expect(formatLine('warn', 'core', 'odd', { hostile })).toMatch(/^\[core\] warn: odd /);
  });
});
