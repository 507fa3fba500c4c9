import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Finds secrets in built files: literally, and base64-encoded (a bundler may inline either). */

/** One secret found in one file. */
export interface SecretHit {
  file: string;
  secret: string;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Scans every file under `dirs` for each named secret; returns the hits (never the secret text). */
export async function findSecrets(
  dirs: readonly string[],
  secrets: Readonly<Record<string, string>>,
): Promise<SecretHit[]> {
  const needles = Object.entries(secrets).flatMap(([name, value]) => [
    { name, bytes: Buffer.from(value) },
    { name: `${name} (base64)`, bytes: Buffer.from(Buffer.from(value).toString('base64')) },
  ]);
  const hits: SecretHit[] = [];
  for (const dir of dirs) {
    for (const file of await filesUnder(dir)) {
      const content = await readFile(file);
      for (const needle of needles) {
        if (content.includes(needle.bytes)) hits.push({ file, secret: needle.name });
      }
    }
  }
  return hits.sort((a, b) => a.file.localeCompare(b.file) || a.secret.localeCompare(b.secret));
}
