import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing running (PGlite stands in where a database is used); `services` are the
// suites that talk to the real Postgres and Redis, named so (*.pg / *.redis / *.pg-redis .test.ts).
// `npm test` runs both; `npm run test:unit` runs the first alone.
const NEEDS_SERVICES = ['**/*.pg.test.ts', '**/*.redis.test.ts', '**/*.pg-redis.test.ts'];
const ALL = ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts', 'tests/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // integration suites share one Postgres server and one Redis, and OCR suites use every core: one file at a time
    fileParallelism: false,
    projects: [
      { extends: true, test: { name: 'unit', include: ALL, exclude: ['**/node_modules/**', ...NEEDS_SERVICES] } },
      { extends: true, test: { name: 'services', include: NEEDS_SERVICES } },
    ],
  },
});
