/** Bracket-name parsing under hostile input: bounded time, PHP's max_input_vars and nesting caps. */
import { describe, expect, it } from 'vitest';
import {
  fromPairs,
  MAX_INPUT_NESTING_LEVEL,
  MAX_INPUT_VARS,
  normalizeInput,
  parseFormString,
  parseJsonBody,
} from './input';

describe('bracket fields under load', () => {
  it('parses 20k `a[]=` pairs well under a second and keeps only the first 1000 (max_input_vars)', () => {
    const body = 'a[]=x&'.repeat(20_000);
    const started = performance.now();
    const parsed = parseFormString(body);
    expect(performance.now() - started).toBeLessThan(500);
    const a = parsed.a as Record<string, string>;
    expect(Object.keys(a)).toHaveLength(MAX_INPUT_VARS);
    expect(a['999']).toBe('x');
    expect(a['1000']).toBeUndefined();
  });

  it('keeps the first 1000 variables in order, drops the rest, and reports the overflow once', () => {
    const pairs: [string, string][] = [];
    for (let i = 0; i < 1500; i += 1) pairs.push([`f${i}`, String(i)]);
    const reports: number[] = [];
    const parsed = fromPairs(pairs, (limit) => reports.push(limit));
    expect(Object.keys(parsed)).toHaveLength(1000);
    expect(parsed.f999).toBe('999');
    expect(parsed.f1000).toBeUndefined();
    expect(reports).toEqual([1000]);
    expect(fromPairs(pairs.slice(0, 1000), (limit) => reports.push(limit))).toHaveProperty('f999');
    expect(reports).toEqual([1000]);
  });

  it('appends after the highest integer key like PHP (explicit keys count, "05" does not)', () => {
    expect(
      fromPairs([
        ['a[5]', 'x'],
        ['a[]', 'y'],
        ['b[05]', 'x'],
        ['b[]', 'y'],
        ['c[x]', '1'],
        ['c[]', '2'],
        ['c[]', '3'],
      ]),
    ).toEqual({ a: { 5: 'x', 6: 'y' }, b: { '05': 'x', 0: 'y' }, c: { x: '1', 0: '2', 1: '3' } });
  });

  it('drops a variable nested deeper than max_input_nesting_level (64) and keeps the others', () => {
    const ok = `ok${'[k]'.repeat(MAX_INPUT_NESTING_LEVEL)}`;
    const deep = `a${'[]'.repeat(200_000)}`;
    const started = performance.now();
    const parsed = fromPairs([
      ['a[first]', 'gone too'],
      [deep, 'x'],
      [ok, 'kept'],
      ['name', 'n'],
    ]);
    expect(performance.now() - started).toBeLessThan(500);
    expect(parsed.a).toBeUndefined();
    expect(parsed.name).toBe('n');
    expect(JSON.stringify(normalizeInput(parsed))).toContain('"kept"');
  });

  it('reads JSON nested deeper than json_decode allows (512) as an empty body instead of crashing', () => {
    const deep = `{"a":${'['.repeat(200_000)}${']'.repeat(200_000)},"b":"x"}`;
    const parsed = parseJsonBody(deep);
    expect(parsed).toEqual({});
    expect(() => normalizeInput(parsed)).not.toThrow();
    const fine = `{"a":${'['.repeat(500)}${']'.repeat(500)}}`;
    expect(Object.keys(normalizeInput(parseJsonBody(fine)))).toEqual(['a']);
  });
});

describe('urlencoded decoding', () => {
  it('decodes like PHP: + and %XX, empty segments skipped, a bare name is empty, a "?" kept', () => {
    expect(parseFormString('a=1+2%21&&b&?c=%zz&d[x]=%E2%9C%93')).toEqual({
      a: '1 2!',
      b: '',
      '?c': '%zz',
      d: { x: '✓' },
    });
  });
});
