import { describe, expect, it } from 'vitest';
import html from '../index.html?raw';

const csp = () => {
  const meta = new DOMParser()
    .parseFromString(html, 'text/html')
    .querySelector('meta[http-equiv="Content-Security-Policy"]');
  return meta?.getAttribute('content') ?? '';
};

describe('index.html', () => {
  it('carries the strict CSP', () => {
    expect(csp()).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'",
    );
  });

  it('has no inline script or style for the CSP to block', () => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    for (const script of doc.querySelectorAll('script')) {
      expect(script.getAttribute('src')).toBeTruthy();
      expect(script.textContent?.trim()).toBe('');
    }
    expect(doc.querySelectorAll('style, [style]')).toHaveLength(0);
    expect(doc.title).toBe('Cliqnship Desktop');
  });
});
