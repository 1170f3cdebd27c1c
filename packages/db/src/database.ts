// Open the database the settings point at: Postgres through node-postgres when DATABASE_URL is set, otherwise
// PGlite on disk under DATA_DIR. Both are driven through the same drizzle API and the same migrations.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is underneath; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  driver: 'pg' | 'pglite';
  /** apply every migration in ./migrations not yet applied (safe to call from several processes at once) */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** Any fixed number: the advisory lock that keeps two processes from migrating the same database at once. */
const MIGRATION_LOCK = 7_283_114;

export interface DatabaseSettings {
  databaseUrl: string | null;
  pgliteDir: string;
  /** Postgres connections this process may hold (DB_POOL_MAX); 10 when not given */
  dbPoolMax?: number;
}

export function openDatabase(settings: DatabaseSettings): Database {
  return settings.databaseUrl ? openPostgres(settings.databaseUrl, settings.dbPoolMax ?? 10) : openPglite(settings.pgliteDir);
}

function openPostgres(url: string, max: number): Database {
  // hosts × processes × max must stay under the server's max_connections (100 by default): docs/scaling.md
  const pool = new pg.Pool({ connectionString: url, max });
  // an idle client losing its server (Postgres restart) must not crash the process; the next query reconnects
  pool.on('error', () => {});
  return {
    db: drizzlePg(pool, { schema }),
    driver: 'pg',
    async migrate() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
        await client.end();
      }
    },
    close: () => pool.end(),
  };
}

/** dir ':memory:' keeps the database in memory (tests). */
function openPglite(dir: string): Database {
  if (dir !== ':memory:') mkdirSync(dir, { recursive: true });
  const client = dir === ':memory:' ? new PGlite() : new PGlite(dir);
  const db = drizzlePglite(client, { schema });
  return {
    db,
    driver: 'pglite',
    // PGlite is one process's private database: nobody else can migrate it concurrently
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => client.close(),
  };
}
