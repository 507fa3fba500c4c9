/** `npm run bench:server`: loopback throughput of the password grant and GET /customers/me. */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer } from './testing';
import { OAUTH_CLIENTS } from './seed';

const BCRYPT_ROUNDS = 10; // the server's default cost (Laravel's default too)
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Measurement {
  name: string;
  requests: number;
  concurrency: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  failures: number;
}

/** Runs `call` with `concurrency` workers until `maxRequests` or `maxSeconds` is reached. */
async function measure(
  name: string,
  call: () => Promise<boolean>,
  opts: { maxRequests: number; maxSeconds: number; concurrency: number },
): Promise<Measurement> {
  const latencies: number[] = [];
  let started = 0;
  let failures = 0;
  const t0 = performance.now();
  const deadline = t0 + opts.maxSeconds * 1000;
  const worker = async (): Promise<void> => {
    while (started < opts.maxRequests && performance.now() < deadline) {
      started += 1;
      const t = performance.now();
      if (!(await call())) failures += 1;
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number =>
    Number((latencies[Math.floor((latencies.length - 1) * p)] ?? 0).toFixed(1));
  return {
    name,
    requests: latencies.length,
    concurrency: opts.concurrency,
    seconds: Number(seconds.toFixed(2)),
    requestsPerSecond: Number((latencies.length / seconds).toFixed(1)),
    p50Ms: pct(0.5),
    p95Ms: pct(0.95),
    failures,
  };
}

const server = await startTestServer({ bcryptRounds: BCRYPT_ROUNDS });
try {
  const email = 'bench@example.com';
  const password = 'bench-pass-123';
  const registered = await fetch(`${server.url}/api/v1/customers`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password, first_name: 'Bench', last_name: 'Mark' }),
  });
  if (registered.status !== 201) throw new Error(`registration failed: ${registered.status}`);
  const grantBody = JSON.stringify({
    grant_type: 'password',
    client_id: OAUTH_CLIENTS.password.id,
    client_secret: OAUTH_CLIENTS.password.secret,
    username: email,
    password,
  });
  let accessToken = '';
  const grant = async (): Promise<boolean> => {
    const response = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: grantBody,
    });
    const body = (await response.json()) as { access_token?: string };
    accessToken = body.access_token ?? accessToken;
    return response.status === 200;
  };
  const showMe = async (): Promise<boolean> => {
    const response = await fetch(`${server.url}/api/v1/customers/me`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken}` },
    });
    await response.arrayBuffer();
    return response.status === 200;
  };
  const results = [
    await measure('POST /oauth/token (password grant)', grant, {
      maxRequests: 60,
      maxSeconds: 15,
      concurrency: 2,
    }),
    await measure('GET /api/v1/customers/me', showMe, {
      maxRequests: 2000,
      maxSeconds: 10,
      concurrency: 8,
    }),
  ];
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverage1m: Number((loadavg()[0] ?? 0).toFixed(2)),
    bcryptRounds: BCRYPT_ROUNDS,
    rsaBits: 4096,
    note: 'client and server share one process on loopback; throttle off',
    results,
  };
  const out = join(root, 'bench/results/server.json');
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `bcrypt cost: ${BCRYPT_ROUNDS}, RSA 4096, Node ${process.version}, ${cpus().length} CPUs, load ${report.loadAverage1m}\n`,
  );
  console.log(
    '| endpoint | requests | concurrency | seconds | req/s | p50 ms | p95 ms | failures |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.requests} | ${r.concurrency} | ${r.seconds} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p95Ms} | ${r.failures} |`,
    );
  }
  console.log(`\nwritten to ${out}`);
} finally {
  await server.close();
}
