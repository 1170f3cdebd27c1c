// Legacy binary Office files → OOXML by LibreOffice headless, one conversion at a time per profile.
// Every conversion gets a fresh temporary profile (two soffice processes sharing one profile wait on each other's
// lock, and a crashed one leaves the profile damaged), runs in its own process group, and is killed as a group
// when its time is up: soffice is a script that starts oosplash, which starts soffice.bin, so killing the one
// child we spawned would leave the real converter running.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCode, ExtractionError } from '@jixiao/contract';

export interface ConvertOptions {
  /** the LibreOffice binary; default `soffice`, found on PATH */
  sofficePath?: string;
  /** default 120 s */
  timeoutMs?: number;
  /** where the per-conversion temporary folder is made; default the OS temp dir */
  tmpRoot?: string;
  signal?: AbortSignal;
  /** for messages */
  fileName?: string;
}

export const INSTALL_HINT = 'apt-get install libreoffice-writer-nogui libreoffice-calc-nogui';
const DEFAULT_TIMEOUT_MS = 120_000;

/** Converts `bytes` (a file of type `from`, e.g. 'doc') to `to` ('docx' | 'xlsx') and returns the result's bytes. */
export async function convertWithLibreOffice(bytes: Uint8Array, from: string, to: 'docx' | 'xlsx', options: ConvertOptions = {}): Promise<Uint8Array> {
  const name = options.fileName ?? `the .${from} file`;
  const work = await mkdtemp(join(options.tmpRoot ?? tmpdir(), 'jixiao-lo-'));
  try {
    const input = join(work, `input.${from}`);
    const outDir = join(work, 'out');
    await writeFile(input, bytes);
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--headless', '--invisible', '--norestore', '--nologo', '--nodefault', '--nolockcheck',
      '--convert-to', to, '--outdir', outDir, input,
    ];
    const stderr = await runGroup(options.sofficePath ?? 'soffice', args, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, name, options.signal);
    try {
      return new Uint8Array(await readFile(join(outDir, `input.${to}`)));
    } catch {
      throw new ExtractionError(ErrorCode.CorruptFile, `${name}: LibreOffice could not convert it to .${to}${stderr ? ` (${stderr.trim().slice(0, 300)})` : ''}`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Resolves once no process of the group is left, zombies included (a killed soffice.bin is reparented to init,
 * which reaps it a moment later), or after `waitMs`.
 */
async function groupGone(pgid: number | undefined, waitMs = 5000): Promise<void> {
  if (!pgid) return;
  for (const deadline = Date.now() + waitMs; Date.now() < deadline; ) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Runs the command as the leader of a new process group; resolves with its stderr once every member is gone. */
function runGroup(command: string, args: string[], timeoutMs: number, name: string, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let failure: Error | null = null;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // ESRCH: the group is already gone
      }
    };
    const timer = setTimeout(() => {
      failure = new ExtractionError(ErrorCode.Timeout, `${name}: LibreOffice did not finish converting within ${Math.round(timeoutMs / 1000)} s; it was stopped`);
      killGroup();
    }, timeoutMs);
    const onAbort = () => {
      failure = new ExtractionError(ErrorCode.Timeout, `${name}: conversion cancelled`);
      killGroup();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stderr!.on('data', (d: Buffer) => {
      if (stderr.length < 4096) stderr += d.toString();
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (e.code === 'ENOENT' || e.code === 'EACCES')
        reject(new ExtractionError(ErrorCode.ConverterMissing, `${name}: legacy Office files need LibreOffice to be read, and \`${command}\` was not found; install it: ${INSTALL_HINT}`, { cause: e }));
      else reject(e);
    });
    child.on('close', () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // soffice.bin may outlive the script we spawned by a moment: nothing of ours stays behind
      killGroup();
      void groupGone(child.pid).then(() => (failure ? reject(failure) : resolve(stderr)));
    });
  });
}
