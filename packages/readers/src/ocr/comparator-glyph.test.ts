import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { Bitmap } from '../image/raster.ts';
import { classifyComparator, firstGlyphBox, loneComparator, loneDash } from './comparator-glyph.ts';

const fonts = ['Noto Serif CJK SC', 'Noto Sans CJK SC'].filter((f) => GlobalFonts.families.some((x) => x.family.startsWith(f.replace(/ SC$/, ''))));

/** A value as printed, rasterised at a body size seen in 200–300 dpi scans. */
function printed(text: string, font: string, size: number): Bitmap {
  const canvas = createCanvas(size * (text.length + 1), size * 2);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  ctx.font = `${size}px "${font}"`;
  ctx.fillText(text, size / 4, size * 1.4);
  const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const data = new Uint8Array(canvas.width * canvas.height);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4]! < 140 ? 1 : 0;
  return { width: canvas.width, height: canvas.height, data };
}

describe.skipIf(fonts.length === 0)('classifyComparator', () => {
  const cases: [string, string | null][] = [
    ['≥500万人', '≥'], ['≤1325.2万元', '≤'], ['≧1家', '≧'], ['≦3天', '≦'], ['>95%', '>'], ['<5%', '<'], ['=119项', '='],
    // characters that are not comparators stay unclassified
    ['之500人', null], ['约500人', null], ['过10年', null],
  ];
  for (const font of fonts) {
    for (const size of [32, 46]) {
      it.each(cases)(`${font} ${size}px: %s → %s`, (text, mark) => {
        const ink = printed(text, font, size);
        const glyph = firstGlyphBox(ink, { x0: 0, y0: 0, x1: ink.width, y1: ink.height });
        expect(glyph && classifyComparator(ink, glyph)).toBe(mark);
      });
    }
  }
});

/** A glyph drawn as rows of a string: '#' ink, '.' paper. */
function drawn(rows: string[]): Bitmap {
  const width = Math.max(...rows.map((r) => r.length)), height = rows.length;
  const data = new Uint8Array(width * height);
  rows.forEach((r, y) => [...r].forEach((c, x) => { if (c === '#') data[y * width + x] = 1; }));
  return { width, height, data };
}

const whole = (b: Bitmap) => ({ x0: 0, y0: 0, x1: b.width, y1: b.height });

describe('comparator shapes seen in 200–300 dpi scans', () => {
  // a small ≧ at 300 dpi (Chromium's sans font): the chevron's foot touches the first bar
  const joined = [
    '.##...........', '..###.........', '....####......', '......####....', '........###...', '......####....',
    '....####......', '..###.........', '.##...........', '.############.', '.############.', '..............',
    '..............', '.############.', '.############.',
  ];
  // a shallow ≥: the chevron is wider than it is tall, the bar well apart
  const shallow = ['##..........', '.#####......', '.....######.', '.#####......', '##..........', '............', '############'];

  it('splits a bar joined to the chevron’s foot off again: ≧', () => {
    expect(classifyComparator(drawn(joined), whole(drawn(joined)))).toBe('≧');
  });

  it('takes a pointing chevron for a chevron however flat: ≥', () => {
    expect(classifyComparator(drawn(shallow), whole(drawn(shallow)))).toBe('≥');
  });

  it('reads a cell holding only a comparator, `>=` as two glyphs, and nothing else', () => {
    const gt = ['##......', '.####...', '....###.', '.####...', '##......'];
    const eq = ['.......', '######.', '.......', '######.', '.......'];
    const pair = drawn(gt.map((r, i) => `${r}..${eq[i]}`));
    expect(loneComparator(pair, whole(pair))).toBe('>=');
    expect(loneComparator(drawn(shallow), whole(drawn(shallow)))).toBe('≥');
    // the box-drawing ═ some forms type for "equals": bars nearly an em long against the page's body size
    const bars = (n: number) => drawn(['.'.repeat(n + 2), `.${'#'.repeat(n)}.`, '.'.repeat(n + 2), `.${'#'.repeat(n)}.`, '.'.repeat(n + 2)]);
    expect(loneComparator(bars(18), whole(bars(18)), 20)).toBe('═');
    expect(loneComparator(bars(9), whole(bars(9)), 20)).toBe('=');
    expect(loneComparator(bars(18), whole(bars(18)))).toBe('=');
    const word = drawn(['#.#.#..###', '#.#.#..#.#', '#####..###']);
    expect(loneComparator(word, whole(word))).toBeNull();
  });
});

describe.skipIf(fonts.length === 0)('loneDash', () => {
  for (const font of fonts) {
    it(`tells a printed — from - and from a character (${font})`, () => {
      const size = 40;
      const whole = (b: Bitmap) => ({ x0: 0, y0: 0, x1: b.width, y1: b.height });
      const dash = printed('—', font, size), hyphen = printed('-', font, size), ten = printed('十', font, size);
      expect(loneDash(dash, whole(dash), size)).toBe('—');
      expect(loneDash(hyphen, whole(hyphen), size)).toBe('-');
      expect(loneDash(ten, whole(ten), size)).toBeNull();
    });
  }
});
