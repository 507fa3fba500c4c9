import type { Page } from '@playwright/test';
import { OAUTH_CLIENTS } from '../../server/index';

/** What the page exposes: storage, cookies, DOM, and JSON-able window globals. */
interface PageSurface {
  name: string;
  text: string;
}

const JWT = /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{20,}/;
// Refresh tokens are ~684 characters of standard base64; nothing legitimate in the UI looks like that.
const LONG_BASE64 = /[A-Za-z0-9+/]{300,}={0,2}/;

/**
 * Looks for tokens, client secrets and the given strings (passwords typed by the test) anywhere a
 * page could keep them. Returns one line per finding; an empty list means clean.
 */
export async function findLeakedSecrets(page: Page, secrets: string[]): Promise<string[]> {
  if (page.isClosed() || page.url() === 'about:blank') return [];
  const surfaces: PageSurface[] = await page.evaluate(async () => {
    const found: { name: string; text: string }[] = [];
    const dump = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, i) => {
        const key = storage.key(i) ?? '';
        return `${key}=${storage.getItem(key) ?? ''}`;
      }).join('\n');
    found.push({ name: 'localStorage', text: dump(localStorage) });
    found.push({ name: 'sessionStorage', text: dump(sessionStorage) });
    found.push({ name: 'cookies', text: document.cookie });
    const databases = indexedDB.databases ? await indexedDB.databases() : [];
    found.push({ name: 'indexedDB', text: databases.map((db) => db.name ?? '').join('\n') });
    // Photos are shown as data: URLs; their base64 is not a secret.
    const html = document.documentElement.outerHTML.replace(
      /data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+/g,
      '',
    );
    found.push({ name: 'DOM', text: html });
    for (const key of Object.keys(window)) {
      let text = '';
      try {
        const value = (window as unknown as Record<string, unknown>)[key];
        if (typeof value === 'function' || value === window) continue;
        text = JSON.stringify(value) ?? '';
      } catch {
        continue; // cyclic or host objects: not application data
      }
      found.push({
        name: `window.${key}`,
        text: text.replace(/data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+/g, ''),
      });
    }
    return found;
  });
  const cookies = await page.context().cookies();
  surfaces.push({ name: 'context cookies', text: JSON.stringify(cookies) });
  const needles = [OAUTH_CLIENTS.password.secret, OAUTH_CLIENTS.personal.secret, ...secrets];
  const leaks: string[] = [];
  for (const surface of surfaces) {
    if (JWT.test(surface.text)) leaks.push(`${surface.name}: an access token (JWT)`);
    if (LONG_BASE64.test(surface.text))
      leaks.push(`${surface.name}: a long base64 value (refresh token?)`);
    needles.forEach((needle, index) => {
      if (needle && surface.text.includes(needle)) leaks.push(`${surface.name}: secret #${index}`);
    });
  }
  return leaks;
}
