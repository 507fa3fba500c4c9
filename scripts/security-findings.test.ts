import { describe, expect, it } from 'vitest';
import { findingsFromCsv, judge, parseCsv } from './security-findings';

const REPORT = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'CSP_GLOBAL_CHECK,"LOW","FIRM","/x/renderer/index.html","7:0","default-src \'none\'","One, or more",https://example/1',
  'PRELOAD_JS_CHECK,"MEDIUM","FIRM","/x/main/index.js","9:6","preload: options.preloadPath,\n  sandbox: true","Review the use of preload scripts",https://example/2',
  'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","/x/main/index.js","3:1","new BrowserWindow({ ""a"": 1 })","Review",https://example/3',
  '',
].join('\n');

describe('parseCsv', () => {
  it('handles quoted commas, doubled quotes, CRLF and newlines inside fields', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n"x\ny",z\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['x\ny', 'z'],
    ]);
  });
});

describe('findingsFromCsv + judge', () => {
  it('fails HIGH and MEDIUM findings unless an exclusion names them (and their sample)', () => {
    const findings = findingsFromCsv(REPORT);
    expect(findings.map((finding) => finding.id)).toEqual([
      'CSP_GLOBAL_CHECK',
      'PRELOAD_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
    ]);
    const verdict = judge(findings, [
      { id: 'PRELOAD_JS_CHECK', sampleIncludes: 'options.preloadPath', reason: 'reviewed' },
      {
        id: 'CONTEXT_ISOLATION_JS_CHECK',
        sampleIncludes: 'somewhere else',
        reason: 'not this one',
      },
    ]);
    expect(verdict.informational.map((finding) => finding.id)).toEqual(['CSP_GLOBAL_CHECK']);
    expect(verdict.excluded).toEqual([
      { finding: expect.objectContaining({ id: 'PRELOAD_JS_CHECK' }), reason: 'reviewed' },
    ]);
    expect(verdict.failing.map((finding) => finding.id)).toEqual(['CONTEXT_ISOLATION_JS_CHECK']);
  });

  it('refuses a file that is not an electronegativity report', () => {
    expect(() => findingsFromCsv('<html>')).toThrow(/Not an electronegativity/);
  });
});
