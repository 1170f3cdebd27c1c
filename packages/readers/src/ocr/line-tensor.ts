// A line crop resampled to the recogniser's input, written straight into its tensor: a page has a hundred and
// more lines, and handing each to sharp and back (a pipeline, a buffer, a copy) cost more than the resampling.
// Separable cubic convolution (Catmull-Rom, what sharp's `cubic` kernel is), its support widened when shrinking
// so every source pixel counts (as libvips' reduce does).

/** Catmull-Rom: a = -0.5 */
function cubic(t: number): number {
  const x = Math.abs(t);
  if (x < 1) return 1.5 * x * x * x - 2.5 * x * x + 1;
  if (x < 2) return -0.5 * x * x * x + 2.5 * x * x - 4 * x + 2;
  return 0;
}

interface Taps {
  /** first source index of each output sample */
  first: Int32Array;
  /** taps per output sample */
  count: number;
  weights: Float32Array;
}

function tapsFor(source: number, target: number): Taps {
  const ratio = source / target;
  const stretch = Math.max(1, ratio);
  const count = Math.ceil(2 * stretch) * 2;
  const first = new Int32Array(target);
  const weights = new Float32Array(target * count);
  for (let o = 0; o < target; o++) {
    // enlarging, libvips samples half a target pixel earlier than the centre convention: kept, so the model
    // sees the pictures it was measured on with sharp
    const centre = ratio < 1 ? o * ratio - 0.5 : (o + 0.5) * ratio - 0.5;
    const start = Math.floor(centre - count / 2) + 1;
    first[o] = start;
    let sum = 0;
    for (let k = 0; k < count; k++) sum += weights[o * count + k] = cubic((start + k - centre) / stretch);
    for (let k = 0; k < count; k++) weights[o * count + k]! /= sum;
  }
  return { first, count, weights };
}

/**
 * `data` (width × height grey bytes) resampled to `toWidth` × `toHeight` as the network's input: three equal
 * planes, each value scaled from 0…255 to -1…1.
 */
export function lineTensor(data: Uint8Array, width: number, height: number, toWidth: number, toHeight: number): Float32Array {
  const across = tapsFor(width, toWidth), down = tapsFor(height, toHeight);
  // across first: every source row to the target width
  const rows = new Float32Array(height * toWidth);
  for (let y = 0; y < height; y++) {
    const src = y * width, out = y * toWidth;
    for (let o = 0; o < toWidth; o++) {
      let v = 0;
      const start = across.first[o]!, w = o * across.count;
      for (let k = 0; k < across.count; k++) {
        const x = Math.min(width - 1, Math.max(0, start + k));
        v += data[src + x]! * across.weights[w + k]!;
      }
      rows[out + o] = v;
    }
  }
  const plane = toWidth * toHeight;
  const tensor = new Float32Array(3 * plane);
  for (let o = 0; o < toHeight; o++) {
    const start = down.first[o]!, w = o * down.count;
    for (let x = 0; x < toWidth; x++) {
      let v = 0;
      for (let k = 0; k < down.count; k++) v += rows[Math.min(height - 1, Math.max(0, start + k)) * toWidth + x]! * down.weights[w + k]!;
      // rounded and clamped to a byte first, as the picture sharp returned was
      tensor[o * toWidth + x] = Math.min(255, Math.max(0, Math.round(v))) / 127.5 - 1;
    }
  }
  tensor.copyWithin(plane, 0, plane);
  tensor.copyWithin(2 * plane, 0, plane);
  return tensor;
}
