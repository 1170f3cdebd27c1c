// `jixiao serve`: the API and the review page. With the embedded PGlite database this process owns the database
// while it runs: stop `jixiao serve` before `jixiao ingest` or `jixiao watch` (PGlite is one process's database);
// with DATABASE_URL (Postgres) they run side by side.
import type { Command } from 'commander';
import { createLogger, loadConfig } from '@jixiao/config';
import { startApi } from '@jixiao/api';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .option('--port <port>', 'port to listen on', '8080')
    .option('--host <host>', 'address to listen on (needs API_TOKEN for anything but 127.0.0.1)', '127.0.0.1')
    .action(async (opts: { port: string; host: string }) => {
      const config = loadConfig();
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`jixiao serve: --port must be a number from 0 to 65535, got ${opts.port}\n`);
        process.exitCode = 2;
        return;
      }
      const logger = createLogger(config);
      const server = await startApi(config, logger, { host: opts.host, port });
      process.stderr.write(`jixiao serve: ${server.address}/  (${config.apiToken ? 'read-write' : 'read-only: set API_TOKEN to allow corrections'})\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGTERM', () => resolve());
        process.once('SIGINT', () => resolve());
      });
      await server.close();
    });
}
