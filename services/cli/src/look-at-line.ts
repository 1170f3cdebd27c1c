// One line for a file that was read but needs a look: ○ nothing found in it, ? read with doubt (ingest, status).
import type { RunToLookAt } from '@jixiao/db';
import { printable } from './printable.ts';

export function lookAtLine(r: RunToLookAt): string {
  const times = r.count > 1 ? ` (×${r.count})` : '';
  return printable(`  ${r.why === 'no-form' ? '○' : '?'} ${r.archiveMemberPath ?? r.fileName}: ${r.code}${times} ${r.message}`);
}
