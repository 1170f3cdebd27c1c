// Segments → clean horizontal and vertical rules: classify by direction, snap nearly-equal positions to one
// line, join collinear pieces across small gaps (per-cell border pieces in vector PDFs, broken lines in scans),
// and stretch ends that stop just short of a crossing rule.
import type { GridOptions, Rule, Segment } from './types.ts';
import { defaultGridOptions } from './types.ts';

export interface Rules {
  horizontal: Rule[];
  vertical: Rule[];
}

/** Groups sorted values whose neighbours lie within `tol`; returns each value's group representative. */
export function clusterPositions(values: number[], tol: number, weights?: number[]): Map<number, number> {
  const order = values.map((v, i) => i).sort((a, b) => values[a]! - values[b]!);
  const rep = new Map<number, number>();
  let group: number[] = [];
  const flush = () => {
    if (group.length === 0) return;
    let sum = 0;
    let weight = 0;
    for (const i of group) {
      const w = weights?.[i] ?? 1;
      sum += values[i]! * w;
      weight += w;
    }
    const mean = sum / weight;
    for (const i of group) rep.set(values[i]!, mean);
    group = [];
  };
  for (const i of order) {
    const last = group[group.length - 1];
    // compare with the group's first value too so a slow drift cannot chain two real lines together
    if (last !== undefined && (values[i]! - values[last]! > tol || values[i]! - values[group[0]!]! > 2 * tol)) flush();
    group.push(i);
  }
  flush();
  return rep;
}

function snap(rules: Rule[], tol: number): Rule[] {
  const rep = clusterPositions(
    rules.map((r) => r.pos),
    tol,
    rules.map((r) => r.to - r.from),
  );
  return rules.map((r) => ({ ...r, pos: rep.get(r.pos) ?? r.pos }));
}

/** Joins rules on the same line whose pieces overlap or lie within `gap` of each other. */
export function mergeCollinear(rules: Rule[], gap: number): Rule[] {
  const sorted = [...rules].sort((a, b) => a.pos - b.pos || a.from - b.from);
  const out: Rule[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.pos === r.pos && r.from <= last.to + gap) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

/** Moves a rule's ends onto a crossing rule they stop just short of (or overshoot slightly). */
function stretchEnds(rules: Rule[], crossing: Rule[], tol: number): void {
  for (const r of rules) {
    for (const c of crossing) {
      if (r.pos < c.from - tol || r.pos > c.to + tol) continue;
      if (Math.abs(c.pos - r.from) <= tol) r.from = Math.min(r.from, c.pos);
      if (Math.abs(c.pos - r.to) <= tol) r.to = Math.max(r.to, c.pos);
    }
  }
}

export function rulesOf(segments: Segment[], options: GridOptions = {}): Rules {
  const { snap: tol, bridgeGap } = { ...defaultGridOptions, ...options };
  let horizontal: Rule[] = [];
  let vertical: Rule[] = [];
  for (const s of segments) {
    const dx = Math.abs(s.x1 - s.x0);
    const dy = Math.abs(s.y1 - s.y0);
    // a slight slope (scan skew) still counts; diagonals (strike-outs, ticks) do not
    if (dx >= 1 && dy <= Math.max(tol, dx * 0.02)) horizontal.push({ pos: (s.y0 + s.y1) / 2, from: Math.min(s.x0, s.x1), to: Math.max(s.x0, s.x1) });
    else if (dy >= 1 && dx <= Math.max(tol, dy * 0.02)) vertical.push({ pos: (s.x0 + s.x1) / 2, from: Math.min(s.y0, s.y1), to: Math.max(s.y0, s.y1) });
  }
  horizontal = mergeCollinear(snap(horizontal, tol), bridgeGap);
  vertical = mergeCollinear(snap(vertical, tol), bridgeGap);
  stretchEnds(horizontal, vertical, Math.max(tol, bridgeGap));
  stretchEnds(vertical, horizontal, Math.max(tol, bridgeGap));
  return { horizontal: mergeCollinear(horizontal, bridgeGap), vertical: mergeCollinear(vertical, bridgeGap) };
}

/** Length of [from, to] covered by the rules lying on `pos` (within tol). */
export function coveredLength(rules: Rule[], pos: number, from: number, to: number, tol: number): number {
  const pieces = rules
    .filter((r) => Math.abs(r.pos - pos) <= tol && r.to > from && r.from < to)
    .map((r) => [Math.max(r.from, from), Math.min(r.to, to)] as const)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = from;
  for (const [a, b] of pieces) {
    if (b <= reach) continue;
    covered += b - Math.max(a, reach);
    reach = b;
  }
  return covered;
}
