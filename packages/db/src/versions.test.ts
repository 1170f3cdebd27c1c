import { describe, expect, it } from 'vitest';
import { compareVersions } from './reprocess.ts';
import { contentKey } from './versions.ts';

const key = (organisation: string | null, fiscalYear: number | null, kind = 'project', projectName: string | null = '道路维护') => ({
  organisation,
  fiscalYear,
  kind,
  projectName,
});

describe('contentKey', () => {
  it('is the same for the same reports in any order', () => {
    expect(contentKey([key('甲局', 2021), key('甲局', 2021, 'department', null)])).toBe(
      contentKey([key('甲局', 2021, 'department', null), key('甲局', 2021)]),
    );
  });

  it('tells apart organisation, year, kind and project', () => {
    const base = contentKey([key('甲局', 2021)]);
    expect(contentKey([key('乙局', 2021)])).not.toBe(base);
    expect(contentKey([key('甲局', 2022)])).not.toBe(base);
    expect(contentKey([key('甲局', 2021, 'department')])).not.toBe(base);
    expect(contentKey([key('甲局', 2021, 'project', '桥梁维护')])).not.toBe(base);
  });

  it('is null without reports, or when one lacks an organisation or a year (identified by path only)', () => {
    expect(contentKey([])).toBeNull();
    expect(contentKey([key(null, 2021)])).toBeNull();
    expect(contentKey([key('甲局', null)])).toBeNull();
    expect(contentKey([key('甲局', 2021), key('', 2021)])).toBeNull();
  });
});

describe('compareVersions', () => {
  it.each([
    ['0.1.0', '0.1.0', 0],
    ['0.1.0', '0.2.0', -1],
    ['0.1.10', '0.1.9', 1],
    ['1.0', '1.0.0', 0],
    ['2.0.0', '10.0.0', -1],
  ])('%s vs %s → %i', (a, b, expected) => expect(compareVersions(a, b)).toBe(expected));
});
