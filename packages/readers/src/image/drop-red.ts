// Colour pixels → the grey the OCR stages read, with red seals dropped out. Bureaus stamp their red seal across
// the table and its values; in grey the seal is as dark as a rule and breaks the rules and the text under it.
// Red ink is bright in the red channel, so a reddish pixel is taken at its red value (near paper), while black
// print, and black print under the seal, is dark in every channel and stays.

/** red must lead green and blue by this much for a pixel to be seal ink */
const RED_LEAD = 24;

/** `channels` bytes a pixel (1–2: grey already, 3: RGB, 4: RGBA), row-major → one grey byte a pixel. */
export function greyWithoutRed(data: Uint8Array | Uint8ClampedArray, pixels: number, channels: number): Uint8Array {
  const out = new Uint8Array(pixels);
  if (channels < 3) {
    for (let i = 0; i < pixels; i++) out[i] = data[i * channels]!;
    return out;
  }
  for (let i = 0, j = 0; i < pixels; i++, j += channels) {
    const r = data[j]!, g = data[j + 1]!, b = data[j + 2]!;
    out[i] = r > Math.max(g, b) + RED_LEAD ? r : (r * 299 + g * 587 + b * 114) / 1000;
  }
  return out;
}
