// Character folding: the many spellings one form may use for the same mark become one, so the
// parsers below only ever see ASCII digits and one glyph per comparator. Folding maps each UTF-16
// unit to exactly one unit, so an index into the folded text is an index into the raw text too
// (compound cells rely on this to cut each part's raw text).

/** White space (including the ideographic space U+3000 and NBSP) collapsed to single spaces, trimmed. */
export function collapseWhitespace(text: string): string {
  // most cells hold no white space at all: test before rewriting
  return /\s/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

// Code units that are not in the full-width block but still have an ASCII (or canonical) twin.
const SPECIAL = new Map<number, number>([
  [0x3000, 0x20], // ideographic space
  [0x00a0, 0x20],
  [0x2010, 0x2d], [0x2011, 0x2d], [0x2012, 0x2d], [0x2013, 0x2d], [0x2014, 0x2d], [0x2015, 0x2d],
  [0x2212, 0x2d], [0xfe63, 0x2d], [0xfe58, 0x2d], [0x2500, 0x2d], // dashes, minus, box-drawing horizontal (OCR)
  [0x301c, 0x7e], [0x223c, 0x7e], [0x02dc, 0x7e], // wave dashes used for ranges
  [0x2267, 0x2265], [0x2a7e, 0x2265], // ≧ ⩾ → ≥
  [0x2266, 0x2264], [0x2a7d, 0x2264], // ≦ ⩽ → ≤
  [0x2550, 0x3d], [0xfe66, 0x3d], // ═ (box drawing, printed for "equals" in some 指标性质 columns), ﹦
  [0xfe64, 0x3c], [0xfe65, 0x3e], // small < >
  [0x2030, 0x2030], // ‰ stays
  [0x3002, 0x3002], // 。 stays (a sentence end, not a decimal point)
  [0xff61, 0x3002], // half-width ideographic full stop
  [0x00b2, 0x32], // ² (m²) → 2
  [0x33a1, 0x33a1], // ㎡ stays (unit table knows it)
]);

function foldUnit(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // full-width ASCII block: ０-９ ％ ＞ ＝ ， ； ～ ． …
  if (c < 0x80) return c;
  return SPECIAL.get(c) ?? c;
}

// One look-up per code unit instead of range checks and a Map: the fold runs on every cell.
const FOLD = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) FOLD[c] = foldUnit(c);

/** Same length as the input; full-width and variant glyphs replaced by their canonical twin. */
export function foldChars(text: string): string {
  const n = text.length;
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (FOLD[c] !== c) break;
  }
  if (i === n) return text;
  let out = text.slice(0, i);
  for (; i < n; i++) out += String.fromCharCode(FOLD[text.charCodeAt(i)]);
  return out;
}

/** Folded text without spaces: what the value grammar reads (`≥ 500 万人` reads as `≥500万人`). */
export function compact(folded: string): string {
  return folded.indexOf(' ') < 0 ? folded : folded.replace(/ /g, '');
}
