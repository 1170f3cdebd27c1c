// drizzle-kit reads this: `npx drizzle-kit generate` writes SQL into ./migrations from the schema in packages/db.
// Migrations are applied by `jixiao migrate` and at worker start (both drivers: node-postgres and PGlite).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema/index.ts',
  out: './migrations',
});
