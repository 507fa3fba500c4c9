import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Non-secret per-account preferences (e.g. the last birthdate saved from this app). */
export interface PreferenceStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

/** Preferences kept in this process only. */
export function createMemoryPreferences(): PreferenceStore {
  const values = new Map<string, string>();
  return {
    async get(key) {
      return values.get(key) ?? null;
    },
    async set(key, value) {
      values.set(key, value);
    },
  };
}

async function readAll(filePath: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch {
    return {}; // absent file: no preferences yet
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {}; // a damaged file is replaced on the next write rather than blocking the app
  }
}

/**
 * Preferences in one JSON file. Writes go to a temporary file renamed over the old one, so a crash
 * never leaves a half-written file; writes are serialised so none is lost.
 */
export function createFilePreferences(filePath: string): PreferenceStore {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    async get(key) {
      await queue;
      return (await readAll(filePath))[key] ?? null;
    },
    set(key, value) {
      const write = queue.then(async () => {
        const all = await readAll(filePath);
        all[key] = value;
        await mkdir(dirname(filePath), { recursive: true });
        const temp = `${filePath}.${randomUUID()}.tmp`;
        await writeFile(temp, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
        await rename(temp, filePath);
      });
      queue = write.catch(() => undefined);
      return write;
    },
  };
}
