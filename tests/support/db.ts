// Scratch databases for tests: each test file creates its own Postgres database (and drops it after), or an
// in-memory PGlite, so files never see each other's rows. Both are migrated with the project's migrations.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadTestSettings } from '@jixiao/config';
import { openDatabase, type Database } from '@jixiao/db';

export const DRIVERS = ['pglite', 'pg'] as const;
export type Driver = (typeof DRIVERS)[number];

export interface ScratchPostgres {
  url: string;
  drop(): Promise<void>;
}

/** CREATE DATABASE jixiao_test_<label>_<random> on the test server; drop() removes it even with open sessions. */
export async function createScratchPostgres(label: string): Promise<ScratchPostgres> {
  const { adminDatabaseUrl } = loadTestSettings();
  const name = `jixiao_test_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminDatabaseUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(adminDatabaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  database: Database;
  /** the Postgres URL, or null for PGlite */
  url: string | null;
  dispose(): Promise<void>;
}

/** A migrated, empty database on the given driver. */
export async function openScratchDatabase(driver: Driver, label: string): Promise<ScratchDatabase> {
  if (driver === 'pglite') {
    const database = openDatabase({ databaseUrl: null, pgliteDir: ':memory:' });
    await database.migrate();
    return { database, url: null, dispose: () => database.close() };
  }
  const scratch = await createScratchPostgres(label);
  const database = openDatabase({ databaseUrl: scratch.url, pgliteDir: '' });
  await database.migrate();
  return {
    database,
    url: scratch.url,
    async dispose() {
      await database.close();
      await scratch.drop();
    },
  };
}
