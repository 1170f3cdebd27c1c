// createIsolatedExtractor(): extractFileTimed run in child processes, so that a file that crashes a reader, takes
// all memory or hangs costs that child and never the service that asked. Each child has its own heap limit and a
// watchdog: past the file's time budget or its memory budget (resident size, so native and WebAssembly memory
// count too) the child is killed and the file fails with Timeout or OutOfMemory. Children are kept for the next
// file (their imports are paid once) and restarted after a death; as with Apache Tika's forked parsers, the cost
// of a poison file is one restart.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pLimit from 'p-limit';
import { ErrorCode, ExtractionError } from '@jixiao/contract';
import type { ChildReply, ChildRequest, ExtractSource } from './extract-child.ts';
import type { ExtractMeta, ExtractOutcome } from './extract-file.ts';

export type { ExtractSource } from './extract-child.ts';

export interface IsolatedExtractorOptions {
  /** memory one child may use, heap and native (EXTRACT_MEMORY_MB) */
  memoryMb: number;
  /** children, so files extracted at once; more calls wait their turn */
  concurrency?: number;
  /**
   * a child is replaced after this many files, or sooner once it stays above half its memory budget after a
   * file, so that whatever a reader leaks cannot pile up (a restart costs a second of imports: a ZIP of a
   * thousand small members paid five of them at 200)
   */
  filesPerChild?: number;
  /** time after the file's budget for the stages after the reader to finish what it read */
  graceMs?: number;
}

export interface IsolatedExtractor {
  /**
   * One file's extraction in a child. Rejects with ExtractionError for anything about the file (its own codes,
   * and Timeout / OutOfMemory / Crashed when the child was stopped or died), with `signal.reason` when
   * cancelled (the child is killed), and with a plain Error only when no child could be started.
   */
  extract(source: ExtractSource, meta: ExtractMeta, options?: ExtractCall): Promise<ExtractOutcome>;
  /** Kill the children; calls still running reject. */
  close(): Promise<void>;
}

export interface ExtractCall {
  signal?: AbortSignal;
  /** told when the file is finished, either way: its wall time and the child's largest resident size seen */
  onStats?: (stats: { ms: number; peakRssBytes: number }) => void;
}

const DEFAULT_TIME_BUDGET_MS = 300_000;
const MEMORY_POLL_MS = 100;
const PAGE_BYTES = 4096;

export function createIsolatedExtractor(options: IsolatedExtractorOptions): IsolatedExtractor {
  const filesPerChild = options.filesPerChild ?? 1000;
  const keepBelowBytes = (options.memoryMb * 1024 * 1024) / 2;
  const graceMs = options.graceMs ?? 5_000;
  const limit = pLimit(options.concurrency ?? 1);
  const idle: Child[] = [];
  const busy = new Set<Child>();
  let closed = false;
  let nextId = 1;

  const run = async (source: ExtractSource, meta: ExtractMeta, { signal, onStats }: ExtractCall): Promise<ExtractOutcome> => {
    if (closed) throw new Error('the isolated extractor is closed');
    signal?.throwIfAborted();
    let child = idle.pop();
    while (child && !child.alive()) child = idle.pop();
    child ??= await startChild(options.memoryMb);
    // cancelled while the child was starting (its listener would never hear it): kept for the next file
    if (signal?.aborted) {
      idle.push(child);
      signal.throwIfAborted();
    }
    busy.add(child);
    child.ref();
    child.files++;
    const budgetMs = meta.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
    let reply: ChildReply;
    const started = performance.now();
    const limits = { deadlineMs: budgetMs + graceMs, memoryBytes: options.memoryMb * 1024 * 1024, signal, peakRssBytes: 0 };
    try {
      reply = await child.run({ id: nextId++, source, meta }, limits);
    } catch (err) {
      throw describeDeath(err, meta, budgetMs, options.memoryMb);
    } finally {
      onStats?.({ ms: performance.now() - started, peakRssBytes: limits.peakRssBytes });
      busy.delete(child);
      if (closed || !child.alive() || child.files >= filesPerChild || residentBytes(child.pid) > keepBelowBytes) child.kill();
      else {
        child.unref();
        idle.push(child);
      }
    }
    if (reply.ok) return reply.outcome;
    if (reply.error.code) throw new ExtractionError(reply.error.code as ErrorCode, reply.error.message);
    throw new ExtractionError(ErrorCode.CorruptFile, `${meta.archivePath ?? meta.fileName}: the file could not be read (${reply.error.message})`);
  };

  return {
    extract: (source, meta, call = {}) => limit(() => run(source, meta, call)),
    async close() {
      closed = true;
      for (const child of [...idle, ...busy]) child.kill();
      idle.length = 0;
    },
  };
}

/** Why a child stopped without answering. */
type Death = { kind: 'timeout' } | { kind: 'memory' } | { kind: 'aborted'; reason: unknown } | { kind: 'exit'; code: number | null; signal: string | null; stderr: string };

class ChildDied extends Error {
  constructor(readonly death: Death) {
    super(`extraction child stopped: ${death.kind}`);
  }
}

function describeDeath(err: unknown, meta: ExtractMeta, budgetMs: number, memoryMb: number): unknown {
  if (!(err instanceof ChildDied)) return err;
  const name = meta.archivePath ?? meta.fileName;
  const death = err.death;
  if (death.kind === 'aborted') return death.reason;
  if (death.kind === 'timeout')
    return new ExtractionError(ErrorCode.Timeout, `${name}: not finished within the time budget of ${Math.round(budgetMs / 1000)} s (FILE_TIME_BUDGET_S); stopped`);
  const heapDeath = death.kind === 'exit' && (death.signal === 'SIGABRT' || death.code === 134 || /heap out of memory|allocation failed/i.test(death.stderr));
  if (death.kind === 'memory' || heapDeath)
    return new ExtractionError(ErrorCode.OutOfMemory, `${name}: reading it took more than the ${memoryMb} MiB one file may use (EXTRACT_MEMORY_MB); stopped`);
  const how = death.signal ? `signal ${death.signal}` : `exit code ${death.code}`;
  const last = death.stderr.trim().split('\n').at(-1)?.slice(0, 200);
  return new ExtractionError(ErrorCode.Crashed, `${name}: the reader crashed on this file (${how}${last ? `: ${last}` : ''})`);
}

const CHILD_ENTRY = fileURLToPath(new URL('./extract-child.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const STDERR_TAIL = 4096;

interface Child {
  files: number;
  pid: number | undefined;
  alive(): boolean;
  /** `limits.peakRssBytes` is raised to the largest resident size seen while the file runs */
  run(request: ChildRequest, limits: { deadlineMs: number; memoryBytes: number; signal?: AbortSignal; peakRssBytes: number }): Promise<ChildReply>;
  ref(): void;
  unref(): void;
  kill(): void;
}

async function startChild(memoryMb: number): Promise<Child> {
  // the heap gets three quarters: the rest is for native buffers (images, WebAssembly), watched through RSS
  const heapMb = Math.max(64, Math.floor(memoryMb * 0.75));
  const proc: ChildProcess = fork(CHILD_ENTRY, [], {
    execArgv: ['--import', TSX_LOADER, `--max-old-space-size=${heapMb}`],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  proc.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-STDERR_TAIL)));
  let exited: { code: number | null; signal: string | null } | null = null;
  const exit = new Promise<void>((resolve) => proc.once('exit', (code, signal) => ((exited = { code, signal }), resolve())));
  await new Promise<void>((resolve, reject) => {
    proc.once('message', () => resolve());
    proc.once('error', reject);
    void exit.then(() => reject(new Error(`the extraction child did not start (${exited?.code ?? exited?.signal}): ${stderr.trim().split('\n').at(-1) ?? ''}`)));
  });

  const child: Child = {
    files: 0,
    pid: proc.pid,
    alive: () => exited === null,
    run(request, limits) {
      const { deadlineMs, memoryBytes, signal } = limits;
      return new Promise<ChildReply>((resolve, reject) => {
        let killedFor: Death | null = null;
        const stop = (why: Death) => {
          killedFor ??= why;
          proc.kill('SIGKILL');
        };
        const timer = setTimeout(() => stop({ kind: 'timeout' }), deadlineMs);
        const look = () => {
          const rss = residentBytes(proc.pid);
          limits.peakRssBytes = Math.max(limits.peakRssBytes, rss);
          if (rss > memoryBytes) stop({ kind: 'memory' });
        };
        const poll = setInterval(look, MEMORY_POLL_MS);
        const onAbort = () => stop({ kind: 'aborted', reason: signal!.reason });
        signal?.addEventListener('abort', onAbort, { once: true });
        const done = () => {
          clearTimeout(timer);
          clearInterval(poll);
          signal?.removeEventListener('abort', onAbort);
          proc.off('message', onMessage);
        };
        const onMessage = (reply: ChildReply) => {
          if (reply.id !== request.id) return;
          look();
          done();
          resolve(reply);
        };
        proc.on('message', onMessage);
        void exit.then(() => {
          done();
          reject(new ChildDied(killedFor ?? { kind: 'exit', code: exited!.code, signal: exited!.signal, stderr }));
        });
        if (exited) return;
        proc.send(request, (err) => err && stop({ kind: 'exit', code: null, signal: null, stderr: err.message }));
      });
    },
    // an idle child (and its pipes) must not keep the parent alive: `jixiao ingest` ends when its work does
    ref() {
      proc.ref();
      proc.channel?.ref();
      (proc.stderr as Socket).ref();
    },
    unref() {
      proc.unref();
      proc.channel?.unref();
      (proc.stderr as Socket).unref();
    },
    kill() {
      if (!exited) proc.kill('SIGKILL');
    },
  };
  return child;
}

/** The child's resident memory from /proc (Linux); 0 elsewhere, where only the heap limit holds. */
function residentBytes(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
  } catch {
    return 0;
  }
}
