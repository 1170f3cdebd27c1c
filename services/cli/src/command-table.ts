// Every `jixiao` command: its name, how it is called and what it does, and the module that defines it, loaded
// only when the command runs (main.ts).
import type { Command } from 'commander';

export interface CommandEntry {
  name: string;
  /** the arguments as the overview prints them */
  usage: string;
  summary: string;
  load(): Promise<(program: Command) => void>;
}

export const COMMANDS: CommandEntry[] = [
  {
    name: 'extract',
    usage: '[options] <file>',
    summary: 'print the contract JSON for one file without any database',
    load: async () => (await import('./commands/extract.ts')).registerExtract,
  },
  {
    name: 'normalise',
    usage: '[options] [cells...]',
    summary: 'normalise indicator cells into typed values',
    load: async () => (await import('./commands/normalise.ts')).registerNormalise,
  },
  {
    name: 'migrate',
    usage: '',
    summary: 'create or update the database tables (DATABASE_URL, or the embedded database under DATA_DIR)',
    load: async () => (await import('./commands/migrate.ts')).registerMigrate,
  },
  {
    name: 'ingest',
    usage: '[options] <paths...>',
    summary: 'store and extract every file under the paths, through the queue when REDIS_URL is set',
    load: async () => (await import('./commands/ingest.ts')).registerIngest,
  },
  {
    name: 'watch',
    usage: '',
    summary: 'watch INBOX_DIR and ingest every file that lands there (queued with REDIS_URL, inline without)',
    load: async () => (await import('./commands/watch.ts')).registerWatch,
  },
  {
    name: 'work',
    usage: '',
    summary: 'process queued files (needs REDIS_URL and DATABASE_URL)',
    load: async () => (await import('./commands/work.ts')).registerWork,
  },
  {
    name: 'status',
    usage: '[options]',
    summary: 'show extraction runs by status, the files that need a look, and the most recent failures',
    load: async () => (await import('./commands/status.ts')).registerStatus,
  },
  {
    name: 'reprocess',
    usage: '[options] [target]',
    summary: 're-run extraction on stored originals; the new rows replace the old ones',
    load: async () => (await import('./commands/reprocess.ts')).registerReprocess,
  },
  {
    name: 'serve',
    usage: '[options]',
    summary: 'serve the API (/api, /openapi.json) and the review page (/) until SIGTERM/SIGINT',
    load: async () => (await import('./commands/serve.ts')).registerServe,
  },
  {
    name: 'export',
    usage: '[options]',
    summary: 'export the indicators of current versions (corrections applied) to CSV, XLSX or JSON',
    load: async () => (await import('./commands/export.ts')).registerExport,
  },
];

export function commandNamed(name: string | undefined): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name);
}
