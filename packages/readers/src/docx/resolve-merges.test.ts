import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gridOf } from '@jixiao/layout';
import { toTable } from '../html-table/index.ts';
import { resolveMerges, type RawCell, type RawRow } from './resolve-merges.ts';

const raw = (text: string, o: Partial<RawCell> = {}): RawCell => ({ gridSpan: 1, vMerge: null, hMerge: null, content: text ? [{ kind: 'text', text }] : [], ...o });
const row = (cells: RawCell[], o: Partial<RawRow> = {}): RawRow => ({ cells, gridBefore: 0, gridAfter: 0, deleted: false, ...o });
const grid = (rows: RawRow[]) => gridOf(toTable(resolveMerges(rows), [])!).map((r) => r.map((c) => c?.text ?? null));

describe('resolveMerges', () => {
  it('extends a vMerge restart over its continues and drops them', () => {
    expect(grid([row([raw('产出', { vMerge: 'restart' }), raw('a')]), row([raw('', { vMerge: 'continue' }), raw('b')])])).toEqual([
      ['产出', 'a'],
      ['产出', 'b'],
    ]);
  });

  it('does not join a continue to a merge of another width, nor across a row that broke it', () => {
    expect(grid([row([raw('x', { vMerge: 'restart', gridSpan: 2 })]), row([raw('y', { vMerge: 'continue' }), raw('z')])])).toEqual([
      ['x', 'x'],
      ['y', 'z'],
    ]);
    expect(grid([row([raw('x', { vMerge: 'restart' })]), row([raw('y')]), row([raw('w', { vMerge: 'continue' })])])).toEqual([['x'], ['y'], ['w']]);
  });

  it('shifts a w:gridBefore row right and leaves the slots empty', () => {
    expect(grid([row([raw('a'), raw('b'), raw('c')]), row([raw('d')], { gridBefore: 2 })])).toEqual([
      ['a', 'b', 'c'],
      [null, null, 'd'],
    ]);
  });

  // Word positions every cell by its grid column; the HTML-style rows we hand on must put each cell there too.
  it('anchors every cell at the grid column Word gives it (property)', () => {
    const cellArb = fc.record({ gridSpan: fc.integer({ min: 1, max: 3 }), merge: fc.boolean() });
    const rowArb = fc.record({ before: fc.integer({ min: 0, max: 2 }), cells: fc.array(cellArb, { minLength: 1, maxLength: 5 }) });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 8 }), (spec) => {
        const rows = spec.map((r, i) =>
          row(
            r.cells.map((c, j) => raw(`${i}.${j}`, { gridSpan: c.gridSpan, vMerge: c.merge ? (i === 0 ? 'restart' : 'continue') : null })),
            { gridBefore: r.before },
          ),
        );
        const table = toTable(resolveMerges(rows), [])!;
        const slots = gridOf(table);
        rows.forEach((r, i) => {
          let col = r.gridBefore;
          for (const [j, c] of r.cells.entries()) {
            const at = slots[i]![col]!;
            // either the cell itself, or (for a continue) the merge it joined, which covers this slot
            if (at.text === `${i}.${j}`) expect([at.row, at.col, at.colSpan]).toEqual([i, col, c.gridSpan]);
            else expect(c.vMerge).toBe('continue');
            col += c.gridSpan;
          }
        });
      }),
    );
  });
});
