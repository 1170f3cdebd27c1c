import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has a default for every setting, with the embedded database and no queue', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.databaseUrl).toBeNull();
    expect(c.redisUrl).toBeNull();
    expect(c.dataDir).toBe('/srv/app/.jixiao');
    expect(c.pgliteDir).toBe('/srv/app/.jixiao/pglite');
    expect(c.archiveDir).toBe('/srv/app/.jixiao/archive');
    expect(c.inboxDir).toBe('/srv/app/inbox');
    expect(c.workerConcurrency).toBe(2);
    expect(c.logLevel).toBe('info');
    expect(c.limits.timeBudgetMs).toBe(300_000);
    expect(c.archiveLimits).toEqual({ maxMembers: 2000, maxTotalBytes: 1024 * 1024 * 1024, maxRatio: 200 });
    expect(c.worker).toEqual({ lockDurationMs: 60_000, stalledIntervalMs: 30_000 });
    expect(c.stageDelayMs).toBe(0);
    expect(c.archive).toEqual({ kind: 'local', dir: '/srv/app/.jixiao/archive' });
    expect(c.dbPoolMax).toBe(4);
  });

  it('sizes the database pool and the OCR threads from the worker concurrency', () => {
    const cores = availableParallelism();
    expect(loadConfig({ WORKER_CONCURRENCY: '6' })).toMatchObject({ dbPoolMax: 8, ocrThreads: Math.max(1, Math.floor(cores / 6)) });
    expect(loadConfig({ WORKER_CONCURRENCY: '1' }).ocrThreads).toBe(cores);
    expect(loadConfig({ DB_POOL_MAX: '3', OCR_THREADS: '2' })).toMatchObject({ dbPoolMax: 3, ocrThreads: 2 });
  });

  it('reads an S3 archive from ARCHIVE_URL', () => {
    const c = loadConfig({
      ARCHIVE_URL: 's3://jixiao-archive/province/2021/',
      S3_ENDPOINT: 'http://minio:9000',
      AWS_ACCESS_KEY_ID: 'key',
      AWS_SECRET_ACCESS_KEY: 'secret',
    });
    expect(c.archive).toEqual({
      kind: 's3',
      bucket: 'jixiao-archive',
      prefix: 'province/2021',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
    });
    // AWS itself: virtual-hosted URLs, the SDK's own credentials
    expect(loadConfig({ ARCHIVE_URL: 's3://bucket', S3_REGION: 'cn-north-1' }).archive).toMatchObject({ prefix: '', endpoint: null, region: 'cn-north-1', forcePathStyle: false, credentials: null });
    expect(loadConfig({ ARCHIVE_URL: 's3://bucket', S3_ENDPOINT: 'http://ceph:7480', S3_FORCE_PATH_STYLE: 'false' }).archive).toMatchObject({ forcePathStyle: false });
  });

  it('reads and types each setting', () => {
    const c = loadConfig(
      {
        DATABASE_URL: 'postgres://u@db:5432/jixiao',
        REDIS_URL: 'redis://redis:6379',
        WORKER_CONCURRENCY: '4',
        ARCHIVE_DIR: '/data/archive',
        LOG_LEVEL: 'DEBUG',
        MAX_FILE_MB: '10',
        MAX_ARCHIVE_MEMBERS: '50',
        MAX_ARCHIVE_MB: '2',
        MAX_ARCHIVE_RATIO: '30',
        JOB_BACKOFF_MS: '100',
        WORKER_LOCK_MS: '1500',
        WHATEVER_ELSE: 'ignored',
      },
      '/x',
    );
    expect(c).toMatchObject({
      databaseUrl: 'postgres://u@db:5432/jixiao',
      redisUrl: 'redis://redis:6379',
      workerConcurrency: 4,
      archiveDir: '/data/archive',
      logLevel: 'debug',
      limits: { maxBytes: 10 * 1024 * 1024 },
      archiveLimits: { maxMembers: 50, maxTotalBytes: 2 * 1024 * 1024, maxRatio: 30 },
      jobBackoffMs: 100,
      worker: { lockDurationMs: 1500, stalledIntervalMs: 30_000 },
    });
  });

  it('treats a blank value as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', WORKER_CONCURRENCY: ' ' }).databaseUrl).toBeNull();
  });

  it.each([
    ['WORKER_CONCURRENCY', 'abc'],
    ['WORKER_CONCURRENCY', '0'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'localhost:6379'],
    ['LOG_LEVEL', 'loud'],
    ['MAX_PAGES', '-3'],
    ['QUEUE_PREFIX', 'a b'],
    ['MAX_ARCHIVE_RATIO', '0'],
    ['JIXIAO_TEST_STAGE_DELAY_MS', 'soon'],
    ['ARCHIVE_URL', '/data/archive'],
    ['ARCHIVE_URL', 's3://B'],
    ['S3_ENDPOINT', 'minio:9000'],
    ['S3_FORCE_PATH_STYLE', 'yes'],
    ['AWS_ACCESS_KEY_ID', 'key-without-secret'],
    ['DB_POOL_MAX', '0'],
    ['OCR_THREADS', 'all'],
  ])('rejects %s=%s with one line naming it', (name, value) => {
    try {
      loadConfig({ [name]: value });
      expect.unreachable();
    } catch (e) {
      expect(isConfigError(e)).toBe(true);
      const message = (e as Error).message;
      expect(message).toContain(name);
      expect(message).not.toContain('\n');
    }
  });
});
