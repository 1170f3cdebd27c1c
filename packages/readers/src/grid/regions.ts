// Table regions: connected networks of crossing rules. A lone underline or a page border with nothing
// crossing it is not a table; two or more rules each way that touch are.
import type { Rule } from './types.ts';
import type { Rules } from './rules.ts';

export interface Region {
  horizontal: Rule[];
  vertical: Rule[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function crosses(h: Rule, v: Rule, tol: number): boolean {
  return v.pos >= h.from - tol && v.pos <= h.to + tol && h.pos >= v.from - tol && h.pos <= v.to + tol;
}

export function regionsOf({ horizontal, vertical }: Rules, tol: number): Region[] {
  const parent = Array.from({ length: horizontal.length + vertical.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      if (crosses(h, v, tol)) parent[find(i)] = find(horizontal.length + j);
    });
  });
  const groups = new Map<number, Region>();
  const regionOf = (i: number): Region => {
    const root = find(i);
    let region = groups.get(root);
    if (!region) groups.set(root, (region = { horizontal: [], vertical: [], x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity }));
    return region;
  };
  horizontal.forEach((h, i) => {
    const region = regionOf(i);
    region.horizontal.push(h);
    region.x0 = Math.min(region.x0, h.from);
    region.x1 = Math.max(region.x1, h.to);
    region.y0 = Math.min(region.y0, h.pos);
    region.y1 = Math.max(region.y1, h.pos);
  });
  vertical.forEach((v, j) => {
    const region = regionOf(horizontal.length + j);
    region.vertical.push(v);
    region.x0 = Math.min(region.x0, v.pos);
    region.x1 = Math.max(region.x1, v.pos);
    region.y0 = Math.min(region.y0, v.from);
    region.y1 = Math.max(region.y1, v.to);
  });
  return [...groups.values()]
    .filter((r) => r.horizontal.length >= 2 && r.vertical.length >= 2)
    .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}
