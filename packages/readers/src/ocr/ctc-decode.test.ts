import { describe, expect, it } from 'vitest';
import { ctcGreedy } from './ctc-decode.ts';

/** steps × classes probabilities from the likeliest class of each step (0.9 for it, the rest shared) */
function output(best: number[], classes: number, second?: number[]): Float32Array {
  const p = new Float32Array(best.length * classes).fill(0.1 / (classes - 1));
  best.forEach((k, t) => {
    p[t * classes + k] = 0.9;
    if (second) p[t * classes + second[t]!] = 0.08;
  });
  return p;
}

describe('ctcGreedy', () => {
  it('merges a class repeated over steps into one character and splits repeats at a blank', () => {
    // a a _ a b b _ → a a b
    const chars = ctcGreedy(output([1, 1, 0, 1, 2, 2, 0], 4), 7, 4);
    expect(chars.map((c) => c.index)).toEqual([1, 1, 2]);
    expect(chars.map((c) => [c.from, c.to])).toEqual([[0, 1], [3, 3], [4, 5]]);
    expect(chars[0]!.probability).toBeCloseTo(0.9);
  });

  it('reads nothing from blanks', () => {
    expect(ctcGreedy(output([0, 0, 0], 3), 3, 3)).toEqual([]);
  });

  it('chooses only among the allowed classes, the blank always allowed', () => {
    // class 3 wins each step; with only {1, 2} allowed, the runner-up (1, then 2) is read instead
    const probs = output([3, 3, 0, 3], 4, [1, 1, 1, 2]);
    expect(ctcGreedy(probs, 4, 4).map((c) => c.index)).toEqual([3, 3]);
    expect(ctcGreedy(probs, 4, 4, new Set([1, 2])).map((c) => c.index)).toEqual([1, 2]);
  });
});
