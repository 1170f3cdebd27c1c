// Greedy CTC decoding of a line recogniser's output: at each time step the likeliest class; a class repeated
// over steps is one character, and the blank (class 0) separates repeats. A character set narrows the choice
// to those classes (a weight or score cell read with digits only) rather than filtering what was read.

export interface DecodedChar {
  /** class index */
  index: number;
  /** its probability at the step it was read */
  probability: number;
  /** first and last time step of its run */
  from: number;
  to: number;
}

/**
 * `probs`: steps × classes, row-major (the softmax output of one line). `allowed`: the class indices a
 * character may take (blank always may); all when absent.
 */
export function ctcGreedy(probs: Float32Array, steps: number, classes: number, allowed?: ReadonlySet<number>): DecodedChar[] {
  const out: DecodedChar[] = [];
  let previous = 0;
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    let best = 0, bestP = probs[row]!;
    if (allowed) {
      for (const k of allowed) if (probs[row + k]! > bestP) { bestP = probs[row + k]!; best = k; }
    } else {
      for (let k = 1; k < classes; k++) if (probs[row + k]! > bestP) { bestP = probs[row + k]!; best = k; }
    }
    if (best !== 0 && best === previous) {
      const last = out[out.length - 1]!;
      last.to = t;
      last.probability = Math.max(last.probability, bestP);
    } else if (best !== 0) {
      out.push({ index: best, probability: bestP, from: t, to: t });
    }
    previous = best;
  }
  return out;
}
