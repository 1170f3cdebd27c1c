// Placeholder text reader: paragraphs only (the reconstruction issue replaces it with table-aware reading).
import type { ReadResult, ReadOptions } from '@jixiao/layout';

export async function read(bytes: Uint8Array, _options: ReadOptions = {}): Promise<ReadResult> {
  const text = new TextDecoder('utf-8').decode(bytes);
  const blocks = text.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => ({ type: 'paragraph' as const, text: l, page: null, box: null }));
  return { layout: { pageCount: null, pages: [], blocks }, warnings: [] };
}
