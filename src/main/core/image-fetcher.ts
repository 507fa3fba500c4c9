import type { Logger } from './log';

/** Largest image main turns into a data: URL. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Fetches profile photos as data: URLs (the renderer's CSP allows no remote images). */
export interface ImageFetcher {
  /** A data: URL, or null for any failure (a missing photo is not an error). */
  dataUrl(url: string): Promise<string | null>;
}

/** Options for {@link createImageFetcher}. */
export interface ImageFetcherOptions {
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  logger: Logger;
  maxBytes?: number;
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return null;
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Creates a fetcher that caches each URL's data: URL for this run. */
export function createImageFetcher(options: ImageFetcherOptions): ImageFetcher {
  const cache = new Map<string, Promise<string | null>>();
  const maxBytes = options.maxBytes ?? MAX_IMAGE_BYTES;

  async function load(url: string): Promise<string | null> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return null;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      // No Authorization header: the photo may live on another host (API §5.3).
      const response = await options.fetch(parsed.href, {
        signal: controller.signal,
        redirect: 'follow',
      });
      const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
      if (!response.ok || !/^image\/[\w.+-]+$/i.test(type)) {
        await response.body?.cancel();
        options.logger.warn('image', 'photo not usable', { status: response.status });
        return null;
      }
      const bytes = await readCapped(response, maxBytes);
      if (!bytes) {
        options.logger.warn('image', 'photo too large');
        return null;
      }
      return `data:${type.toLowerCase()};base64,${Buffer.from(bytes).toString('base64')}`;
    } catch {
      options.logger.warn('image', 'photo fetch failed');
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    dataUrl(url) {
      let entry = cache.get(url);
      if (!entry) {
        entry = load(url);
        cache.set(url, entry);
        // Keep successes only: a failed fetch is tried again next time.
        void entry.then((value) => {
          if (value === null) cache.delete(url);
        });
      }
      return entry;
    },
  };
}
