// The fixed words of the forms (DOMAIN.md: indicator levels and column headers). A cell that reads as one of
// them with a character wrong (数晶指标, 质呈指标 on the fixtures) is snapped to it: these words are printed the
// same on every form, so a near miss is an OCR error, never a different word. The words are the form
// vocabulary's (@jixiao/vocabulary), which reconstruction reads too.
import { FIXED_FORM_WORDS } from '@jixiao/vocabulary';

const WORDS = FIXED_FORM_WORDS;

export const isFormWord = (text: string): boolean => WORDS.includes(text);

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * `text` snapped to a form word when it is one substitution away (two for words of six characters or more),
 * keeping a bracketed note after it (`产出指标(50分)`). Only same-length near misses: a dropped or added
 * character may be a different, real word.
 */
export function snapToVocabulary(text: string): string {
  const m = /^([\u4e00-\u9fff]{4,12})([(（].*)?$/.exec(text);
  if (!m) return text;
  const word = m[1]!;
  if (WORDS.includes(word)) return text;
  const allowed = word.length >= 6 ? 2 : 1;
  const near = WORDS.filter((w) => w.length === word.length && distance(w, word) <= allowed);
  return near.length === 1 ? near[0]! + (m[2] ?? '') : text;
}
