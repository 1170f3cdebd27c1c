// The memo gives the function's own answers, computes each input once, and stays within its bound.
import { describe, expect, it } from 'vitest';
import { memoiseString } from './memo-string.ts';

describe('memoiseString', () => {
  it('answers as the function does, computing each input once', () => {
    let calls = 0;
    const upper = memoiseString((t: string) => (calls++, t.toUpperCase()));
    expect([upper('ab'), upper('ab'), upper('cd')]).toEqual(['AB', 'AB', 'CD']);
    expect(calls).toBe(2);
  });

  it('remembers an undefined answer too, and recomputes after the cache was emptied at its bound', () => {
    let calls = 0;
    const none = memoiseString((_t: string): undefined => void calls++, 2);
    none('a');
    none('a');
    expect(calls).toBe(1);
    none('b');
    none('c'); // full: emptied, then 'c' stored
    none('a');
    expect(calls).toBe(4);
  });
});
