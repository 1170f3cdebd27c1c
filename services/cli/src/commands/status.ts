// `jixiao status`: runs by status, the queue's counts when there is one, and the latest failures with messages.
import type { Command } from 'commander';
import { loadConfig } from '@jixiao/config';
import { openDatabase, recentFailures, runCountsByStatus, runsToLookAt } from '@jixiao/db';
import { lookAtLine } from '../look-at-line.ts';
import { openExtractQueue } from '@jixiao/queue';
import { printable } from '../printable.ts';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .option('--failures <n>', 'how many recent failures (and files to look at) to list', '10')
    .action(async (opts: { failures: string }) => {
      const config = loadConfig();
      const database = openDatabase(config);
      const out: string[] = [];
      try {
        await database.migrate();
        const counts = await runCountsByStatus(database.db);
        out.push('runs');
        for (const [status, n] of Object.entries(counts)) out.push(`  ${status.padEnd(10)} ${String(n).padStart(6)}`);
        if (config.redisUrl) {
          const queue = openExtractQueue({ redisUrl: config.redisUrl, prefix: config.queuePrefix, attempts: config.jobAttempts });
          try {
            const jobs = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
            out.push('queue');
            for (const [state, n] of Object.entries(jobs)) out.push(`  ${state.padEnd(10)} ${String(n).padStart(6)}`);
          } finally {
            await queue.close();
          }
        }
        const limit = Math.max(1, Number(opts.failures) || 10);
        const lookAt = await runsToLookAt(database.db, { limit });
        if (lookAt.length > 0) {
          out.push('read, but to look at (○ no form found, ? needs review)');
          out.push(...lookAt.map(lookAtLine));
        }
        const failures = await recentFailures(database.db, limit);
        if (failures.length > 0) {
          out.push('recent failures');
          for (const f of failures)
            out.push(printable(`  ${f.finishedAt?.toISOString() ?? '-'}  ${f.archiveMemberPath ?? f.fileName}  ${f.errorCode}: ${f.errorMessage ?? ''}`));
        }
        process.stdout.write(out.join('\n') + '\n');
      } finally {
        await database.close();
      }
    });
}
