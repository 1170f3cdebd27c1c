// Contract `attained`: a target with no comparator reads "at most" on 成本指标 rows and less-is-better rates,
// "at least" on every other rate and count; equal attains either way; bare money outside cost rows only when equal.
import { describe, expect, it } from 'vitest';
import { attained } from './attained.ts';
import { directionOf, type IndicatorNames } from './direction.ts';
import { normaliseCell } from './normalise-cell.ts';

const row = (level3: string, level2 = '数量指标', level1 = '产出指标'): IndicatorNames => ({ level1, level2, level3 });

describe('directionOf', () => {
  it.each<[IndicatorNames, string]>([
    [row('财政供养人员控制率'), 'atMost'],
    [row('预算调整率'), 'atMost'],
    [row('结转结余率'), 'atMost'],
    [row('群众投诉率', '质量指标'), 'atMost'],
    [row('办公经费', '成本指标'), 'atMost'],
    [row('人员经费', '经济成本指标', '成本指标（20分）'), 'atMost'],
    [row('适龄儿童疫苗接种率'), 'atLeast'],
    [row('举办健康教育宣传咨询活动'), 'atLeast'],
  ])('%o → %s', (names, expected) => expect(directionOf(names)).toBe(expected));
});

describe('attained with no comparator', () => {
  const at = (target: string, actual: string, names: IndicatorNames) =>
    attained(normaliseCell(target), normaliseCell(actual), directionOf(names));
  it.each<[string, string, IndicatorNames, boolean | null]>([
    ['100%', '98%', row('财政供养人员控制率'), true],
    ['5%', '6%', row('预算调整率'), false],
    ['100%', '97.3%', row('适龄儿童疫苗接种率'), false],
    ['12次', '96次', row('举办健康教育宣传咨询活动'), true],
    ['90%', '90%', row('结转结余率'), true],
    ['50万元', '48万元', row('设备购置费', '成本指标'), true],
    ['50万元', '52万元', row('设备购置费', '成本指标'), false],
    ['50万元', '48万元', row('带动投资'), null],
    ['50万元', '50万元', row('带动投资'), true],
  ])('%s vs %s', (t, a, names, expected) => expect(at(t, a, names)).toBe(expected));
});
