/**
 * `npm run bench`: measures what the README's performance table shows and writes it as JSON.
 * A benchmark, not a test: it prints numbers and budgets; it fails only when a step breaks.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startTestServer } from '../server/testing';
import { createBridgeDriver } from '../e2e/support/bridge-driver';
import { serveFolder } from '../e2e/support/static-server';
import { coreStartup, refreshStorm, requestsPerAction } from './core-metrics';
import { buildHelloWorld, measureJs } from './renderer-size';
import { HELLO_READY, median, SIGN_IN_READY, timeToReady } from './startup-time';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 10;

interface Row {
  metric: string;
  value: string;
  budget: string;
  ok: boolean;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const data: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: `${process.platform} ${process.arch}, node ${process.version}`,
  };

  // 1. JavaScript shipped: the app's renderer (built by `npm run build`) vs a React 19 hello world.
  const helloDir = await buildHelloWorld(join(ROOT, 'node_modules/.cache/bench-hello-world'));
  const app = await measureJs(join(ROOT, 'out/renderer/assets'));
  const hello = await measureJs(join(helloDir, 'assets'));
  const gzipRatio = app.gzip / hello.gzip;
  const minRatio = app.minified / hello.minified;
  data.rendererJs = { app, hello, gzipRatio, minifiedRatio: minRatio };
  rows.push({
    metric: 'renderer JS, minified (app / hello world)',
    value: `${app.minified} / ${hello.minified} B = ${minRatio.toFixed(2)}x`,
    budget: '<= 1.25x',
    ok: minRatio <= 1.25,
  });
  rows.push({
    metric: 'renderer JS, gzip (app / hello world)',
    value: `${app.gzip} / ${hello.gzip} B = ${gzipRatio.toFixed(2)}x`,
    budget: '<= 1.25x',
    ok: gzipRatio <= 1.25,
  });

  const server = await startTestServer();
  try {
    // 2. Navigation to an interactive sign-in form (bridge: real core, server and keychain).
    const appSite = await serveFolder(join(ROOT, 'out/renderer'));
    const helloSite = await serveFolder(helloDir);
    const [appTimes, helloTimes] = (await timeToReady(
      [
        {
          url: `${appSite.url}/index.html`,
          ready: SIGN_IN_READY,
          preparePage: async (page) => {
            const driver = createBridgeDriver({
              page,
              server,
              rendererUrl: `${appSite.url}/index.html`,
              keychain: 'present',
              guard: () => {},
            });
            await driver.attach();
          },
        },
        { url: `${helloSite.url}/index.html`, ready: HELLO_READY },
      ],
      RUNS,
    )) as [number[], number[]];
    await appSite.close();
    await helloSite.close();
    const appMedian = median(appTimes);
    const helloMedian = median(helloTimes);
    data.timeToInteractive = {
      appMs: appTimes,
      helloMs: helloTimes,
      appMedian,
      helloMedian,
      ratio: appMedian / helloMedian,
    };
    rows.push({
      metric: `navigation to interactive sign-in, median of ${RUNS} (app / hello world)`,
      value: `${appMedian.toFixed(1)} / ${helloMedian.toFixed(1)} ms = ${(appMedian / helloMedian).toFixed(2)}x`,
      budget: '<= 1.5x',
      ok: appMedian / helloMedian <= 1.5,
    });

    // 3. Requests per user action, counted at the server.
    const perAction = await requestsPerAction(server);
    data.requestsPerAction = perAction;
    const budgets: Record<string, number> = { signIn: 2, restore: 1, register: 4 };
    for (const [action, requests] of Object.entries(perAction)) {
      const budget = budgets[action]!;
      rows.push({
        metric: `HTTP requests: ${action}`,
        value: `${requests.length} (${requests.join(', ')})`,
        budget: action === 'register' ? `<= ${budget}` : `= ${budget}`,
        ok: action === 'register' ? requests.length <= budget : requests.length === budget,
      });
    }

    // 4. Refresh storm.
    const storm = await refreshStorm(server);
    data.refreshStorm = storm;
    rows.push({
      metric: '50 concurrent calls on an expired token',
      value: `${storm.refreshes} refresh, ${storm.succeeded}/50 succeeded`,
      budget: '1 refresh, 50 ok',
      ok: storm.refreshes === 1 && storm.succeeded === 50,
    });

    // 5. Main-process core start-up.
    const startup = await coreStartup(server);
    data.coreStartup = startup;
    rows.push({
      metric: `createAppCore + restore (${startup.vault}, 1 HTTP check), median of 10`,
      value: `${startup.medianMs.toFixed(1)} ms`,
      budget: '—',
      ok: true,
    });
  } finally {
    await server.close();
  }

  data.rows = rows;
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  await writeFile(join(ROOT, 'bench/results/bench.json'), `${JSON.stringify(data, null, 2)}\n`);
  console.log('| metric | value | budget | within |');
  console.log('| --- | --- | --- | --- |');
  for (const row of rows)
    console.log(`| ${row.metric} | ${row.value} | ${row.budget} | ${row.ok ? 'yes' : 'NO'} |`);
  console.log('\nwritten: bench/results/bench.json');
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
