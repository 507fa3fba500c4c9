/**
 * Child-process probe for the real keytar vault: save, load, clear one session and print one JSON
 * line with the outcomes and how long each took. Usage: `tsx vault-probe.ts <timeoutMs>`.
 * Run in a child so a test can give it a broken D-Bus address without touching its own process.
 */
import { createKeytarVault } from '../keytar-vault';
import { realSizeSession } from './keytar-twin';

const timeoutMs = Number(process.argv[2] ?? '3000');
const vault = createKeytarVault({ service: `Cliqnship Probe ${process.pid}`, timeoutMs });
const origin = 'http://127.0.0.1:1';
const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const result = await work();
  return { result, ms: Math.round(performance.now() - started) };
};

const save = await timed(() => vault.save(origin, realSizeSession()));
const load = await timed(() => vault.load(origin));
const clear = await timed(() => vault.clear(origin));
process.stdout.write(
  `${JSON.stringify({ save, load: { ms: load.ms, status: load.result.status }, clear })}\n`,
);
// A hung keytar call may keep the event loop alive; the probe is done.
process.exit(0);
