import { afterEach, describe, expect, it } from 'vitest';
import { createImageFetcher } from './image-fetcher';
import { silentLogger } from './log';
import { startFaultServer, type FaultServer } from './testing/fault-servers';

let peer: FaultServer | null = null;
afterEach(async () => {
  await peer?.close();
  peer = null;
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

async function fetcher() {
  peer = await startFaultServer((req, res) => {
    if (req.path === '/a.png') res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
    else if (req.path === '/big.png')
      res.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.alloc(2048));
    else if (req.path === '/page')
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>');
    else res.writeHead(404).end();
  });
  return createImageFetcher({
    fetch: globalThis.fetch,
    timeoutMs: 2000,
    logger: silentLogger,
    maxBytes: 1024,
  });
}

describe('image fetcher', () => {
  it('returns a data: URL and caches it per URL', async () => {
    const images = await fetcher();
    const url = `${peer!.url}/a.png`;
    expect(await images.dataUrl(url)).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    await images.dataUrl(url);
    expect(peer!.seen).toHaveLength(1);
    expect(peer!.seen[0]!.headers.authorization).toBeUndefined();
  });

  it('gives null for non-images, too large, missing, and non-http URLs', async () => {
    const images = await fetcher();
    expect(await images.dataUrl(`${peer!.url}/page`)).toBeNull();
    expect(await images.dataUrl(`${peer!.url}/big.png`)).toBeNull();
    expect(await images.dataUrl(`${peer!.url}/missing.png`)).toBeNull();
    expect(await images.dataUrl('file:///etc/passwd')).toBeNull();
    expect(await images.dataUrl('not a url')).toBeNull();
  });
});
