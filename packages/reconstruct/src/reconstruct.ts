// Layout → ReportDraft[] (placeholder until the reconstruction issue lands).
import type { Layout } from '@jixiao/layout';
import type { ReconstructResult } from './draft.ts';

export function reconstruct(_layout: Layout): ReconstructResult {
  return { reports: [], warnings: [] };
}
