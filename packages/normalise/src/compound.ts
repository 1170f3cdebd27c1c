// Two or more labelled values in one cell: `药品网采率≥90%，高值医用耗材网采率≥80%` (seed 002) and its
// actual `药品网采率99%，耗材网采率81%`. Parts are cut at list punctuation in the folded text (which has
// the raw text's indexes, see fold.ts), never at a thousands comma (`1,013家`).
import { compact } from './fold.ts';
import { isThousandsComma } from './numbers.ts';
import { parseLabelled } from './labelled.ts';
import { parseValue, type Parsed } from './parse-value.ts';

export interface CompoundPart {
  raw: string;
  label: string | null;
  parsed: Parsed;
}

function isSeparator(folded: string, i: number, spaces: boolean): boolean {
  const ch = folded[i];
  if (ch === ',') return !isThousandsComma(folded, i);
  return ch === ';' || ch === '、' || ch === '。' || (spaces && ch === ' ');
}

function cut(raw: string, folded: string, spaces: boolean): { raw: string; folded: string }[] {
  const out: { raw: string; folded: string }[] = [];
  let start = 0;
  for (let i = 0; i <= folded.length; i++) {
    if (i < folded.length && !isSeparator(folded, i, spaces)) continue;
    const r = raw.slice(start, i).trim();
    if (r.length > 0) out.push({ raw: r, folded: folded.slice(start, i) });
    start = i + 1;
  }
  return out;
}

function parseParts(pieces: { raw: string; folded: string }[], fiscalYear: number | null): CompoundPart[] | null {
  if (pieces.length < 2) return null;
  const parts: CompoundPart[] = [];
  for (const piece of pieces) {
    const c = compact(piece.folded);
    const plain = parseValue(c, fiscalYear);
    if (plain) {
      parts.push({ raw: piece.raw, label: null, parsed: plain });
      continue;
    }
    const labelled = parseLabelled(c, fiscalYear, 'any');
    if (!labelled) return null;
    parts.push({ raw: piece.raw, label: labelled.label, parsed: labelled.parsed });
  }
  return parts;
}

/** The parts of a compound cell, or null when some piece is not a value. */
export function parseCompound(raw: string, folded: string, fiscalYear: number | null): CompoundPart[] | null {
  const byPunctuation = cut(raw, folded, false);
  if (byPunctuation.length >= 2) return parseParts(byPunctuation, fiscalYear);
  return parseParts(cut(raw, folded, true), fiscalYear);
}
