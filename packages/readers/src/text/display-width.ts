/** Columns a text takes in a monospaced export: CJK and full-width characters two, others one. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1;
  return n;
}
