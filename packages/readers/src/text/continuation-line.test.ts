import { describe, expect, it } from 'vitest';
import { runShape } from './continuation-line.ts';

describe('runShape', () => {
  it('measures a file of a million pieces without overflowing the call stack', () => {
    // a flat text export 30 MB long: its widths were spread as arguments and the file failed as "nested too deep"
    const pieces = Array.from({ length: 250_000 }, (_, i) => ['项目名称', '指标'.repeat(i % 7 === 0 ? 20 : 3), '≥500万人', '100%']);
    const shape = runShape(pieces);
    expect(shape.width).toBe(40);
    expect(shape.columnWidths).toHaveLength(4);
  });
});
