// Reconstruction asks the same questions of the same cell text many times over (every row is tried at
// every column offset, each try normalises each cell for the level vocabularies), and the normalising
// functions are pure: their answers are remembered per input string. The cache is bounded: it is
// emptied when full, so a very large file costs a few recomputations rather than unbounded memory.
const DEFAULT_LIMIT = 20_000;

export function memoiseString<T>(fn: (text: string) => T, limit = DEFAULT_LIMIT): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, value);
    return value;
  };
}
