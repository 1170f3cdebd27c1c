// Every setting jixiao reads, parsed once at start-up. Nothing else in the project reads process.env:
// services receive the typed Config object this module returns.
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** An unset or blank variable counts as unset, so `FOO= jixiao …` falls back to the default. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const positiveInt = (fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+$/, 'must be a positive whole number')
      .transform(Number)
      .refine((n) => n > 0, 'must be greater than 0')
      .optional()
      .transform((n) => n ?? fallback),
  );

const optionalPositiveInt = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d+$/, 'must be a positive whole number')
    .transform(Number)
    .refine((n) => n > 0, 'must be greater than 0')
    .optional(),
);

const url = (protocols: string[]) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((s) => {
        try {
          return protocols.includes(new URL(s).protocol);
        } catch {
          return false;
        }
      }, `must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}`)
      .optional(),
  );

const path = (fallback: string | null) =>
  z.preprocess(blankToUndefined, z.string().optional().transform((p) => p ?? fallback));

/** The settings table: variable name → schema. The README's settings table is written from this. */
export const EnvSchema = z.object({
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  REDIS_URL: url(['redis:', 'rediss:']),
  DATA_DIR: path('./.jixiao'),
  INBOX_DIR: path('./inbox'),
  ARCHIVE_DIR: path(null),
  WORKER_CONCURRENCY: positiveInt(2),
  JOB_ATTEMPTS: positiveInt(5),
  QUEUE_PREFIX: z.preprocess(
    blankToUndefined,
    z.string().regex(/^[A-Za-z0-9_.-]+$/, 'may hold only letters, digits, _ . -').default('jixiao'),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof blankToUndefined(v) === 'string' ? (v as string).toLowerCase() : undefined),
    z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  MAX_FILE_MB: positiveInt(100),
  MAX_PAGES: positiveInt(500),
  FILE_TIME_BUDGET_S: positiveInt(300),
  FILE_STABLE_MS: positiveInt(2000),
  MAX_ARCHIVE_MEMBERS: positiveInt(2000),
  MAX_ARCHIVE_MB: positiveInt(1024),
  MAX_ARCHIVE_RATIO: positiveInt(200),
  /** one file's budget, checked where the work happens (docs/limits.md): table slots after spans */
  MAX_GRID_SLOTS: positiveInt(200_000),
  /** nesting depth of a file's structure (tables in tables, XML elements) */
  MAX_DEPTH: positiveInt(256),
  MAX_LINE_CHARS: positiveInt(200_000),
  MAX_TEXT_CHARS: positiveInt(20_000_000),
  /** width × height of one page picture, in megapixels (a scan at 600 dpi of A3 is 70) */
  MAX_PAGE_MEGAPIXELS: positiveInt(150),
  /** the memory one extraction may use; past it the file fails with OutOfMemory */
  EXTRACT_MEMORY_MB: positiveInt(1536),
  /** first retry delay of a job that failed for an outage; doubles each attempt */
  JOB_BACKOFF_MS: positiveInt(2000),
  /** how long a worker's job lock lasts without renewal: a killed worker's job is taken again after about this */
  WORKER_LOCK_MS: positiveInt(60_000),
  /** how often workers look for jobs whose lock lapsed (stalled) */
  WORKER_STALLED_INTERVAL_MS: positiveInt(30_000),
  /** test hook: sleep this long inside the extract stage, so a test can kill a worker mid-job */
  JIXIAO_TEST_STAGE_DELAY_MS: optionalPositiveInt,
  API_TOKEN: z.preprocess(blankToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** null: the embedded PGlite database under dataDir. */
  databaseUrl: string | null;
  /** null: no queue; `jixiao ingest` runs the stages inline. */
  redisUrl: string | null;
  dataDir: string;
  /** where PGlite keeps its files when databaseUrl is null */
  pgliteDir: string;
  inboxDir: string;
  archiveDir: string;
  workerConcurrency: number;
  jobAttempts: number;
  queuePrefix: string;
  logLevel: LogLevel;
  /** one file's resource budget, passed down to the stages (docs/limits.md) */
  limits: FileBudget;
  fileStableMs: number;
  /** unpackZip's limits for archives dropped in */
  archiveLimits: ArchiveLimits;
  jobBackoffMs: number;
  worker: { lockDurationMs: number; stalledIntervalMs: number };
  /** test hook (JIXIAO_TEST_STAGE_DELAY_MS); 0 in production */
  stageDelayMs: number;
  /** the bearer token the API's write routes require; null: the API listens on 127.0.0.1 only and is read-only */
  apiToken: string | null;
}

export interface FileBudget {
  maxBytes: number;
  maxPages: number;
  timeBudgetMs: number;
  /** rows × columns one table may expand to after its spans */
  maxGridSlots: number;
  maxDepth: number;
  maxLineChars: number;
  maxTextChars: number;
  maxPagePixels: number;
  /** the isolated extraction's memory (heap and native), in MiB */
  memoryMb: number;
}

export interface ArchiveLimits {
  maxMembers: number;
  maxTotalBytes: number;
  maxRatio: number;
}

/** A setting that cannot be used; `message` is one line that names the variable. */
export class ConfigError extends Error {
  readonly setting: string;
  constructor(setting: string, message: string) {
    super(message);
    this.name = 'ConfigError';
    this.setting = setting;
  }
}

export function isConfigError(e: unknown): e is ConfigError {
  return e instanceof Error && e.name === 'ConfigError';
}

/**
 * Parse settings from an environment (process.env by default). Relative paths are resolved against `cwd`.
 * Throws ConfigError naming the first bad setting.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'setting');
    const got = env[name];
    throw new ConfigError(name, `invalid setting ${name}=${JSON.stringify(got ?? '')}: ${issue.message}`);
  }
  const e = parsed.data;
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  const dataDir = abs(e.DATA_DIR!);
  return {
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    dataDir,
    pgliteDir: join(dataDir, 'pglite'),
    inboxDir: abs(e.INBOX_DIR!),
    archiveDir: e.ARCHIVE_DIR ? abs(e.ARCHIVE_DIR) : join(dataDir, 'archive'),
    workerConcurrency: e.WORKER_CONCURRENCY,
    jobAttempts: e.JOB_ATTEMPTS,
    queuePrefix: e.QUEUE_PREFIX,
    logLevel: e.LOG_LEVEL,
    limits: {
      maxBytes: e.MAX_FILE_MB * 1024 * 1024,
      maxPages: e.MAX_PAGES,
      timeBudgetMs: e.FILE_TIME_BUDGET_S * 1000,
      maxGridSlots: e.MAX_GRID_SLOTS,
      maxDepth: e.MAX_DEPTH,
      maxLineChars: e.MAX_LINE_CHARS,
      maxTextChars: e.MAX_TEXT_CHARS,
      maxPagePixels: e.MAX_PAGE_MEGAPIXELS * 1_000_000,
      memoryMb: e.EXTRACT_MEMORY_MB,
    },
    fileStableMs: e.FILE_STABLE_MS,
    archiveLimits: { maxMembers: e.MAX_ARCHIVE_MEMBERS, maxTotalBytes: e.MAX_ARCHIVE_MB * 1024 * 1024, maxRatio: e.MAX_ARCHIVE_RATIO },
    jobBackoffMs: e.JOB_BACKOFF_MS,
    worker: { lockDurationMs: e.WORKER_LOCK_MS, stalledIntervalMs: e.WORKER_STALLED_INTERVAL_MS },
    stageDelayMs: e.JIXIAO_TEST_STAGE_DELAY_MS ?? 0,
    apiToken: e.API_TOKEN ?? null,
  };
}
