// `jixiao migrate`: apply the migrations in ./migrations to the configured database (Postgres or PGlite).
import type { Command } from 'commander';
import { loadConfig } from '@jixiao/config';
import { openDatabase } from '@jixiao/db';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase(config);
      try {
        await database.migrate();
        const where = database.driver === 'pg' ? 'Postgres' : `the embedded database in ${config.pgliteDir}`;
        process.stdout.write(`jixiao migrate: ${where} is up to date\n`);
      } finally {
        await database.close();
      }
    });
}
