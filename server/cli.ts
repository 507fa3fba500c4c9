/** `npm run server`: runs the local Cliqnship API until SIGINT/SIGTERM. */
import { parseCliArgs, USAGE } from './cli-args';
import { createServer } from './index';

const parsed = parseCliArgs(process.argv.slice(2));
if (parsed.kind === 'help') {
  process.stdout.write(USAGE);
} else if (parsed.kind === 'error') {
  process.stderr.write(`[server] ${parsed.message}\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  try {
    const server = await createServer(parsed.options);
    process.stdout.write(`Cliqnship API listening on ${server.url}\n`);
    const stop = (signal: string): void => {
      process.stdout.write(`[server] ${signal}: shutting down\n`);
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  } catch (error) {
    process.stderr.write(
      `[server] could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
