// Where the integration tests find their Postgres and Redis. CI exports these; by hand they default to
// the local services (.ci/run starts them), so `npm test` works without settings.
import { z } from 'zod';

const TestEnv = z.object({
  JIXIAO_TEST_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/test'),
  JIXIAO_TEST_REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
});

export interface TestSettings {
  /** an existing database the tests connect to in order to create and drop their scratch databases */
  adminDatabaseUrl: string;
  redisUrl: string;
}

export function loadTestSettings(env: Record<string, string | undefined> = process.env): TestSettings {
  const e = TestEnv.parse(env);
  return { adminDatabaseUrl: e.JIXIAO_TEST_DATABASE_URL, redisUrl: e.JIXIAO_TEST_REDIS_URL };
}
