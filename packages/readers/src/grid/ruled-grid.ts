// A rule network → a grid of cells. Column and row boundaries are every line position in the region; two
// neighbouring slots belong to one (merged) cell where the wall between them is missing.
import type { Box } from '@jixiao/layout';
import { clusterPositions, coveredLength } from './rules.ts';
import type { Region } from './regions.ts';
import type { GridOptions, Rule } from './types.ts';
import { defaultGridOptions } from './types.ts';

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: Box;
}

export interface Grid {
  xs: number[];
  ys: number[];
  cells: GridCell[];
  /** slot → index into cells */
  slots: number[][];
}

/** Sorted distinct boundaries, dropping any closer than minGap to the one kept before it (double borders). */
function boundaries(positions: number[], tol: number, minGap: number): number[] {
  const rep = clusterPositions(positions, tol);
  const sorted = [...new Set(positions.map((p) => rep.get(p) ?? p))].sort((a, b) => a - b);
  const out: number[] = [];
  for (const p of sorted) if (out.length === 0 || p - out[out.length - 1]! >= minGap) out.push(p);
  // keep the outer edge itself when a double border pushed it inwards
  if (sorted.length && out.length && sorted[sorted.length - 1]! > out[out.length - 1]!) out[out.length - 1] = sorted[sorted.length - 1]!;
  return out;
}

function onBoundaries(rules: Rule[], bounds: number[], reach: number): Rule[] {
  return rules.flatMap((r) => {
    let best = -1;
    for (let k = 0; k < bounds.length; k++) if (best < 0 || Math.abs(bounds[k]! - r.pos) < Math.abs(bounds[best]! - r.pos)) best = k;
    return best >= 0 && Math.abs(bounds[best]! - r.pos) <= reach ? [{ ...r, pos: bounds[best]! }] : [];
  });
}

export function gridOfRegion(region: Region, options: GridOptions = {}): Grid | null {
  const { snap: tol, minCellSize, edgeCoverage, cutPartWalls } = { ...defaultGridOptions, ...options };
  // outer edges come from rule ends too: a table drawn without side borders still has its extent
  const xs = boundaries([...region.vertical.map((v) => v.pos), region.x0, region.x1], tol, minCellSize);
  const ys = boundaries([...region.horizontal.map((h) => h.pos), region.y0, region.y1], tol, minCellSize);
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  if (nr < 1 || nc < 1) return null;

  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const wall = (covered: number, length: number) => covered >= length * edgeCoverage;
  // a rule drawn a little off its boundary (rows whose cell widths differ by a point or three, as Word and
  // LibreOffice draw them) still walls that boundary: each rule counts for the boundary nearest to it
  const vertical = onBoundaries(region.vertical, xs, Math.max(tol, minCellSize));
  const horizontal = onBoundaries(region.horizontal, ys, Math.max(tol, minCellSize));
  for (let r = 0; r < nr; r++) {
    for (let c = 1; c < nc; c++) {
      const covered = coveredLength(vertical, xs[c]!, ys[r]!, ys[r + 1]!, tol);
      if (!wall(covered, ys[r + 1]! - ys[r]!)) union(r * nc + c - 1, r * nc + c);
    }
  }
  for (let r = 1; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const covered = coveredLength(horizontal, ys[r]!, xs[c]!, xs[c + 1]!, tol);
      if (!wall(covered, xs[c + 1]! - xs[c]!)) union((r - 1) * nc + c, r * nc + c);
    }
  }

  if (cutPartWalls) {
    const drawn: WallDrawn = (axis, at, from, to) =>
      axis === 'col'
        ? coveredLength(vertical, xs[at]!, ys[from]!, ys[to]!, tol) / (ys[to]! - ys[from]!)
        : coveredLength(horizontal, ys[at]!, xs[from]!, xs[to]!, tol) / (xs[to]! - xs[from]!);
    cutToRectangles(nr, nc, find, parent, drawn);
  }
  // a merged area must be a rectangle: an L-shaped union (a wall drawn only part-way) takes its bounding box
  for (let changed = true; changed; ) {
    changed = false;
    const bounds = new Map<number, [number, number, number, number]>();
    for (let i = 0; i < nr * nc; i++) {
      const root = find(i);
      const r = Math.floor(i / nc);
      const c = i % nc;
      const b = bounds.get(root);
      if (!b) bounds.set(root, [r, c, r, c]);
      else bounds.set(root, [Math.min(b[0], r), Math.min(b[1], c), Math.max(b[2], r), Math.max(b[3], c)]);
    }
    for (const [root, [r0, c0, r1, c1]] of bounds) {
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          if (find(r * nc + c) !== find(root)) {
            union(r * nc + c, root);
            changed = true;
          }
        }
      }
    }
  }

  const cells: GridCell[] = [];
  const indexOfRoot = new Map<number, number>();
  const slots: number[][] = Array.from({ length: nr }, () => Array<number>(nc).fill(-1));
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const root = find(r * nc + c);
      let index = indexOfRoot.get(root);
      if (index === undefined) {
        let r1 = r;
        let c1 = c;
        while (r1 + 1 < nr && find((r1 + 1) * nc + c) === root) r1++;
        while (c1 + 1 < nc && find(r * nc + c1 + 1) === root) c1++;
        index = cells.length;
        indexOfRoot.set(root, index);
        cells.push({ row: r, col: c, rowSpan: r1 - r + 1, colSpan: c1 - c + 1, box: { x0: xs[c]!, y0: ys[r]!, x1: xs[c1 + 1]!, y1: ys[r1 + 1]! } });
      }
      slots[r]![c] = index;
    }
  }
  return { xs, ys, cells, slots };
}

/** Index of the interval of sorted `bounds` holding v, or -1 outside. */
export function intervalOf(bounds: number[], v: number): number {
  if (v < bounds[0]! || v > bounds[bounds.length - 1]!) return -1;
  let lo = 0;
  let hi = bounds.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Share of the boundary before column (or row) `at`, over rows (or columns) [from, to), that a rule draws. */
type WallDrawn = (axis: 'col' | 'row', at: number, from: number, to: number) => number;

/**
 * Every merged area that is not a rectangle cut, again and again, along the boundary inside its bounding box
 * that rules draw most of, until each piece is a rectangle (or no boundary inside it is drawn at all: then
 * it is left for the bounding box). `parent` is rewritten so each piece is its own set.
 */
function cutToRectangles(nr: number, nc: number, find: (i: number) => number, parent: number[], drawn: WallDrawn): void {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < nr * nc; i++) {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  }
  const pieces: number[][] = [];
  const cut = (slots: number[]) => {
    const rows = slots.map((i) => Math.floor(i / nc)), cols = slots.map((i) => i % nc);
    const r0 = Math.min(...rows), r1 = Math.max(...rows) + 1, c0 = Math.min(...cols), c1 = Math.max(...cols) + 1;
    if (slots.length === (r1 - r0) * (c1 - c0)) return void pieces.push(slots);
    let best: { axis: 'col' | 'row'; at: number; share: number } | null = null;
    for (let c = c0 + 1; c < c1; c++) {
      const share = drawn('col', c, r0, r1);
      if (share > (best?.share ?? 0)) best = { axis: 'col', at: c, share };
    }
    for (let r = r0 + 1; r < r1; r++) {
      const share = drawn('row', r, c0, c1);
      if (share > (best?.share ?? 0)) best = { axis: 'row', at: r, share };
    }
    if (!best) return void pieces.push(slots);
    const before = (i: number) => (best.axis === 'col' ? i % nc : Math.floor(i / nc)) < best.at;
    cut(slots.filter(before));
    cut(slots.filter((i) => !before(i)));
  };
  for (const slots of groups.values()) cut(slots);
  // a cut can leave one side in two parts that no longer touch: each connected part is a piece of its own
  for (const piece of pieces) for (const i of piece) parent[i] = i;
  for (const piece of pieces) {
    const inPiece = new Set(piece);
    for (const i of piece) {
      const right = i % nc + 1 < nc ? i + 1 : -1, down = i + nc < nr * nc ? i + nc : -1;
      for (const j of [right, down]) if (j >= 0 && inPiece.has(j)) parent[find(j)] = find(i);
    }
  }
}
