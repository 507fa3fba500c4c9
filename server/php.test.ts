/** PHP/MySQL behaviours reproduced by the server. */
import { describe, expect, it } from 'vitest';
import { fromPairs, normalizeInput, parseJsonBody, phpTrim } from './input';
import { manilaTimestamp, phpIntCast, phpJson, uniqid } from './php';
import { isValidEmail, validateRegistration } from './validation';

describe('php helpers', () => {
  it('casts path segments like (int)', () => {
    const cases: [string, number][] = [
      ['12', 12],
      ['0012', 12],
      ['+12', 12],
      ['12.9', 12],
      [' 12', 12],
      ['12abc', 12],
      ['1e1', 10],
      ['abc', 0],
      ['-12', -12],
      ['', 0],
      ['me', 0],
    ];
    for (const [input, expected] of cases) expect(phpIntCast(input), input).toBe(expected);
  });

  it('encodes JSON with escaped slashes and \\u escapes', () => {
    expect(phpJson({ u: 'http://x/é', e: '😀' })).toBe(
      '{"u":"http:\\/\\/x\\/\\u00e9","e":"\\ud83d\\ude00"}',
    );
  });

  it('formats Manila timestamps and uniqid', () => {
    expect(manilaTimestamp(Date.UTC(2017, 9, 1, 20, 30, 5))).toBe('2017-10-02 04:30:05');
    expect(uniqid()).toMatch(/^[0-9a-f]{13}$/);
  });
});

describe('input normalisation', () => {
  it('nests bracket names and renames dots in the top-level name', () => {
    expect(
      fromPairs([
        ['address[first_name]', 'A'],
        ['tags[]', 'x'],
        ['tags[]', 'y'],
        ['a.b', '1'],
      ]),
    ).toEqual({
      address: { first_name: 'A' },
      tags: { 0: 'x', 1: 'y' },
      a_b: '1',
    });
  });

  it('trims everything except passwords, then turns "" into null', () => {
    expect(
      normalizeInput({
        name: '  x ',
        password: ' p ',
        empty: '   ',
        nested: { password_confirmation: ' ', v: ' ' },
        n: 5,
      }),
    ).toEqual({
      name: 'x',
      password: ' p ',
      empty: null,
      nested: { password_confirmation: ' ', v: null },
      n: 5,
    });
    expect(phpTrim('\u00a0x\t')).toBe('\u00a0x');
  });

  it('keeps __proto__ names as plain data (no prototype pollution)', () => {
    const parsed = fromPairs([
      ['a[__proto__][polluted]', '1'],
      ['__proto__[polluted]', '1'],
    ]);
    const normalized = normalizeInput(parseJsonBody('{"__proto__": {"polluted": "1"}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(normalized)).toBe(Object.prototype);
    expect(JSON.stringify(parsed)).toBe(
      '{"a":{"__proto__":{"polluted":"1"}},"__proto__":{"polluted":"1"}}',
    );
  });

  it('reads invalid or non-object JSON as empty', () => {
    expect(parseJsonBody('{')).toEqual({});
    expect(parseJsonBody('[1]')).toEqual({});
    expect(parseJsonBody('{"a":1}')).toEqual({ a: 1 });
  });
});

describe('registration rules', () => {
  it('validates emails like FILTER_VALIDATE_EMAIL (approximately)', () => {
    for (const good of ['a@example.com', 'a.b+c@sub.example.org', 'x@localhost'])
      expect(isValidEmail(good), good).toBe(true);
    const bad = [
      'a@',
      '@b.c',
      'a..b@c.d',
      'é@x.com',
      'a@-x.com',
      `${'a'.repeat(65)}@x.com`,
      `a@${'b'.repeat(250)}.com`,
      5,
    ];
    for (const value of bad) expect(isValidEmail(value), String(value)).toBe(false);
  });

  it('reports rule failures per field in rule order', () => {
    expect(
      validateRegistration(
        { email: 'x@y.z', password: 'ab', first_name: 'A', last_name: 'B' },
        () => true,
      ),
    ).toEqual({
      email: ['The email has already been taken.'],
      password: ['The password must be at least 3 characters.'],
    });
    expect(
      validateRegistration(
        { email: 'x@y.z', password: 'ñññ', first_name: 'A', last_name: 'B' },
        () => false,
      ),
    ).toEqual({});
    expect(
      validateRegistration(
        { email: 'x@y.z', password: ['a'], first_name: 'A', last_name: 'B' },
        () => false,
      ),
    ).toEqual({
      password: ['The password must have at least 3 items.'],
    });
  });
});
