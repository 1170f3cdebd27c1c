// Every distinct target (年度指标值 / 指标值 / 年度指标(A)) and actual (实际完成值 / 全年实际完成值 /
// 全年实际值(B)) cell of the five seeds (fixtures/seeds; 001 and 003 print no indicator values), each
// with the Value an analyst expects, written by hand. Listed per seed, in reading order.
import type { Value } from '@jixiao/contract';

export interface CellCase {
  seed: '000' | '002' | '004';
  column: 'target' | 'actual';
  fiscalYear: number;
  text: string;
  expected: Value;
}

type Extra = Partial<Pick<Value, 'min' | 'max' | 'date' | 'label' | 'parts' | 'note'>>;

function v(raw: string, kind: Value['kind'], op: Value['op'], value: number | null, unit: string | null,
  base: number | null, baseUnit: string | null, extra: Extra = {}): Value {
  return { raw, kind, op, value, unit, base, baseUnit, ...extra };
}
const text = (raw: string): Value => v(raw, 'text', null, null, null, null, null);
const date = (raw: string, op: Value['op'], iso: string): Value => v(raw, 'date', op, null, null, null, null, { date: iso });

function seed(s: CellCase['seed'], fiscalYear: number, column: CellCase['column'], rows: [string, Value][]): CellCase[] {
  return rows.map(([t, expected]) => ({ seed: s, column, fiscalYear, text: t, expected }));
}

// Seed 000 (Tianjin 医疗保障局, 整体支出, 2021): one value per cell, comparators as symbols.
const LONG_000_A = '提高居民医保住院报销比例5个百分点，全年减轻负担约2.3亿元。完善严重精神障碍患者门诊医疗保障政策，持续做好“两病”门诊用药保障。开展长期护理保险制度试点，着力解决重度失能人员长期照护问题';
const LONG_000_B = '组织落实国家第四、五批药品集中带量和京津冀“3+N”联盟药品联合带量中选结果，平均价格分别下降52%、56%和70%。做好“4+7”及第二、三批集采药品续约工作。2021年1月，执行国家组织冠脉支架集中带量采购结果，价格下降93%；开展京津冀“3+N”联盟冠脉扩张球囊类医用耗材带量联动采购，4月1日执行中选结果，价格下降93%';
const LONG_000_C = '统一规范医疗保障经办政务服务事项，主动压缩医保公共服务事项办结时限，全面开展“好差评”，实施适老化服务举措和承诺制办理服务，6个事项实现“跨省通办”，医保经办服务效能持续提高';
const LONG_000_D = '对全市医保系统工作人员开展医保监管专题培训，宣讲医保监管条例和法规，提高医保系统依法行政能力和水平';
const LONG_000_E = '2021年我局持续推动我市医保信息平台建设和上线运营工作。新平台上线后，可以实现“激活医保电子凭证，无卡看病就医”，通过人脸识别，即可看病就医，标志着天津医保支付结算进入“脱卡时代”，真正让群众切身感受到医保工作的智能化、便捷化。';

const SEED_000: CellCase[] = [
  ...seed('000', 2021, 'target', [
    ['=5个', v('=5个', 'number', 'eq', 5, '个', 5, '个')],
    ['=100%', v('=100%', 'percent', 'eq', 100, '%', 1, 'ratio')],
    ['≤1325.2万元', v('≤1325.2万元', 'money', 'le', 1325.2, '万元', 13252000, '元')],
    ['可持续运转', text('可持续运转')],
    ['≥2个', v('≥2个', 'number', 'ge', 2, '个', 2, '个')],
    ['≥500万人', v('≥500万人', 'number', 'ge', 500, '万人', 5000000, '人')],
    ['≥56家', v('≥56家', 'number', 'ge', 56, '家', 56, '家')],
    ['=119项', v('=119项', 'number', 'eq', 119, '项', 119, '项')],
    ['≥139项', v('≥139项', 'number', 'ge', 139, '项', 139, '项')],
    ['>60%', v('>60%', 'percent', 'gt', 60, '%', 0.6, 'ratio')],
    ['>80%', v('>80%', 'percent', 'gt', 80, '%', 0.8, 'ratio')],
    ['>70%', v('>70%', 'percent', 'gt', 70, '%', 0.7, 'ratio')],
    ['≥90%', v('≥90%', 'percent', 'ge', 90, '%', 0.9, 'ratio')],
    ['2021年6月', date('2021年6月', null, '2021-06')],
    ['2021年11月', date('2021年11月', null, '2021-11')],
    ['2021年12月', date('2021年12月', null, '2021-12')],
    ['≤970.37万元', v('≤970.37万元', 'money', 'le', 970.37, '万元', 9703700, '元')],
    ['有所提升', text('有所提升')],
    ['药品费用支出负担明显减轻', text('药品费用支出负担明显减轻')],
    ['>1000家', v('>1000家', 'number', 'gt', 1000, '家', 1000, '家')],
    ['≥7项', v('≥7项', 'number', 'ge', 7, '项', 7, '项')],
    ['≥4项', v('≥4项', 'number', 'ge', 4, '项', 4, '项')],
    ['≥180人', v('≥180人', 'number', 'ge', 180, '人', 180, '人')],
    ['≥80%', v('≥80%', 'percent', 'ge', 80, '%', 0.8, 'ratio')],
    ['2021年1月', date('2021年1月', null, '2021-01')],
    ['2021年9月', date('2021年9月', null, '2021-09')],
    ['≤20万元', v('≤20万元', 'money', 'le', 20, '万元', 200000, '元')],
    ['不断优化', text('不断优化')],
    ['=56类', v('=56类', 'number', 'eq', 56, '类', 56, '类')],
    ['≥3次', v('≥3次', 'number', 'ge', 3, '次', 3, '次')],
    ['2021年4月', date('2021年4月', null, '2021-04')],
    ['≤40万元', v('≤40万元', 'money', 'le', 40, '万元', 400000, '元')],
    ['持续提升', text('持续提升')],
    ['≥4次', v('≥4次', 'number', 'ge', 4, '次', 4, '次')],
    ['≥90分', v('≥90分', 'number', 'ge', 90, '分', 90, '分')],
    ['≥700家', v('≥700家', 'number', 'ge', 700, '家', 700, '家')],
    ['≥60%', v('≥60%', 'percent', 'ge', 60, '%', 0.6, 'ratio')],
    ['2021年10月', date('2021年10月', null, '2021-10')],
    ['≤26668.92万元', v('≤26668.92万元', 'money', 'le', 26668.92, '万元', 266689200, '元')],
    ['逐步提高', text('逐步提高')],
  ]),
  ...seed('000', 2021, 'actual', [
    ['5个', v('5个', 'number', null, 5, '个', 5, '个')],
    ['100%', v('100%', 'percent', null, 100, '%', 1, 'ratio')],
    ['1140.18万元', v('1140.18万元', 'money', null, 1140.18, '万元', 11401800, '元')],
    ['正常持续运转', text('正常持续运转')],
    ['2个', v('2个', 'number', null, 2, '个', 2, '个')],
    ['537万人', v('537万人', 'number', null, 537, '万人', 5370000, '人')],
    ['56家', v('56家', 'number', null, 56, '家', 56, '家')],
    ['119项', v('119项', 'number', null, 119, '项', 119, '项')],
    ['145项', v('145项', 'number', null, 145, '项', 145, '项')],
    ['68%', v('68%', 'percent', null, 68, '%', 0.68, 'ratio')],
    ['82%', v('82%', 'percent', null, 82, '%', 0.82, 'ratio')],
    ['71%', v('71%', 'percent', null, 71, '%', 0.71, 'ratio')],
    ['90%', v('90%', 'percent', null, 90, '%', 0.9, 'ratio')],
    ['2021年6月', date('2021年6月', null, '2021-06')],
    ['2021年11月', date('2021年11月', null, '2021-11')],
    ['2021年12月前', date('2021年12月前', 'le', '2021-12')],
    ['702.31万元', v('702.31万元', 'money', null, 702.31, '万元', 7023100, '元')],
    [LONG_000_A, text(LONG_000_A)],
    [LONG_000_B, text(LONG_000_B)],
    ['1013家', v('1013家', 'number', null, 1013, '家', 1013, '家')],
    ['7项', v('7项', 'number', null, 7, '项', 7, '项')],
    ['6项', v('6项', 'number', null, 6, '项', 6, '项')],
    ['187人', v('187人', 'number', null, 187, '人', 187, '人')],
    ['2021年1月', date('2021年1月', null, '2021-01')],
    ['2021年9月', date('2021年9月', null, '2021-09')],
    ['20万元', v('20万元', 'money', null, 20, '万元', 200000, '元')],
    [LONG_000_C, text(LONG_000_C)],
    ['56类', v('56类', 'number', null, 56, '类', 56, '类')],
    ['3次', v('3次', 'number', null, 3, '次', 3, '次')],
    ['2021年4月', date('2021年4月', null, '2021-04')],
    ['16.59万元', v('16.59万元', 'money', null, 16.59, '万元', 165900, '元')],
    [LONG_000_D, text(LONG_000_D)],
    ['5次', v('5次', 'number', null, 5, '次', 5, '次')],
    ['93.53分', v('93.53分', 'number', null, 93.53, '分', 93.53, '分')],
    ['717家', v('717家', 'number', null, 717, '家', 717, '家')],
    ['70%', v('70%', 'percent', null, 70, '%', 0.7, 'ratio')],
    ['2021年10月', date('2021年10月', null, '2021-10')],
    ['16966.37万元', v('16966.37万元', 'money', null, 16966.37, '万元', 169663700, '元')],
    [LONG_000_E, text(LONG_000_E)],
    ['97.30%', v('97.30%', 'percent', null, 97.3, '%', 0.973, 'ratio')],
  ]),
];

// Seed 002 (乌海 转移支付, 2023): ≧ comparators, one compound cell, long narrative actuals.
const LONG_002_A = '强化数字赋能，开发应用智能医保服务平台及智能语音客服，建立基层服务站点，推动30余项医保业务下沉至基层医保服务站，进一步提升经办服务能力。';
const LONG_002_B = '[bookmark: _GoBack]开展业务培训、开展双随机、一公开、智能监控、大数据分析等监督检查，实现定点医药机构监督检查全覆盖。';
const LONG_002_C = '全市四级经办机构统一执行《全区医疗保障经办政务服务事项清单(2023版)》，进一步提升医保公共服务标准化水平。';
const LONG_002_D = '动态调整医疗服务价格。按照自治区医疗保障局要求，开展医疗服务项目价格调整评估，动态调整执行种植体植入费、门诊诊察费、下调部分医学影像类、实验室检查项目价格，整合调整中医类灸法、拔罐、推拿等5次医疗服务价格，医疗服务动态上调115项，下调134项。';
const LONG_002_E = '制定印发《关于基本医疗保险住院医疗费实行总额预算下按疾病诊断相关分组（DRG）付费的通知》等付费方式改革相关文件，全市定点医疗机构均实现DRG付费全覆盖';
const DRG_002 = 'DRG改革覆盖全部符合条件的开展住院服务的医疗机构，覆盖80%以上住院病种';

const SEED_002: CellCase[] = [
  ...seed('002', 2023, 'target', [
    ['≧1家', v('≧1家', 'number', 'ge', 1, '家', 1, '家')],
    ['≧60%', v('≧60%', 'percent', 'ge', 60, '%', 0.6, 'ratio')],
    [' 药品网采率≥90%，高值医用耗材网采率≥80%', v('药品网采率≥90%，高值医用耗材网采率≥80%', 'compound', null, null, null, null, null, {
      parts: [
        v('药品网采率≥90%', 'percent', 'ge', 90, '%', 0.9, 'ratio', { label: '药品网采率' }),
        v('高值医用耗材网采率≥80%', 'percent', 'ge', 80, '%', 0.8, 'ratio', { label: '高值医用耗材网采率' }),
      ],
    })],
    ['显著提升', text('显著提升')],
    ['有所提高', text('有所提高')],
    ['按要求开展调价评估，符合启动条件的及时进行调价', text('按要求开展调价评估，符合启动条件的及时进行调价')],
    // a number inside a sentence (覆盖80%以上住院病种) is not the cell's value
    [DRG_002, text(DRG_002)],
    ['完成国家组织集中采购中选产品约定采购量', text('完成国家组织集中采购中选产品约定采购量')],
    ['年内未出现违反目录管理政策情况', text('年内未出现违反目录管理政策情况')],
    ['≧85%', v('≧85%', 'percent', 'ge', 85, '%', 0.85, 'ratio')],
  ]),
  ...seed('002', 2023, 'actual', [
    ['7家', v('7家', 'number', null, 7, '家', 7, '家')],
    ['100%', v('100%', 'percent', null, 100, '%', 1, 'ratio')],
    ['药品网采率99%，耗材网采率81%', v('药品网采率99%，耗材网采率81%', 'compound', null, null, null, null, null, {
      parts: [
        v('药品网采率99%', 'percent', null, 99, '%', 0.99, 'ratio', { label: '药品网采率' }),
        v('耗材网采率81%', 'percent', null, 81, '%', 0.81, 'ratio', { label: '耗材网采率' }),
      ],
    })],
    [LONG_002_A, text(LONG_002_A)],
    [LONG_002_B, text(LONG_002_B)],
    [LONG_002_C, text(LONG_002_C)],
    [LONG_002_D, text(LONG_002_D)],
    [LONG_002_E, text(LONG_002_E)],
    ['已完成国家集采6批次集中采购，各批次采购进度较好', text('已完成国家集采6批次集中采购，各批次采购进度较好')],
    ['定期开展基金运行分析，开展经办机构监督检查', text('定期开展基金运行分析，开展经办机构监督检查')],
    ['按自治区医保局要求开展工作，不存在违规行为。', text('按自治区医保局要求开展工作，不存在违规行为。')],
    ['90%', v('90%', 'percent', null, 90, '%', 0.9, 'ratio')],
  ]),
];

// Seed 004 (明光 项目支出 ×8, 2021): bare targets, `>95` without unit, 达成预期指标, 每人每月100元.
const SEED_004_BOTH: [string, Value][] = [
  ['100%', v('100%', 'percent', null, 100, '%', 1, 'ratio')],
  ['1人', v('1人', 'number', null, 1, '人', 1, '人')],
  ['12次', v('12次', 'number', null, 12, '次', 12, '次')],
  ['15万元', v('15万元', 'money', null, 15, '万元', 150000, '元')],
  ['稳健运行', text('稳健运行')],
  ['全面推进', text('全面推进')],
  ['一定的积极作用', text('一定的积极作用')],
  ['对社会有积极的作用', text('对社会有积极的作用')],
  ['>95%', v('>95%', 'percent', 'gt', 95, '%', 0.95, 'ratio')],
  ['3人', v('3人', 'number', null, 3, '人', 3, '人')],
  // a rate: the number and unit are kept, the note says what it is per (attained() compares only like rates)
  ['每人每月100元', v('每人每月100元', 'money', null, 100, '元', 100, '元', { note: 'per:每人每月' })],
  ['有效缓解', text('有效缓解')],
  ['让医保政策惠及每个参保人', text('让医保政策惠及每个参保人')],
  ['一定的积极影响', text('一定的积极影响')],
  ['96%', v('96%', 'percent', null, 96, '%', 0.96, 'ratio')],
  ['达成预期指标', text('达成预期指标')],
  ['99%', v('99%', 'percent', null, 99, '%', 0.99, 'ratio')],
  ['98%', v('98%', 'percent', null, 98, '%', 0.98, 'ratio')],
  ['95%', v('95%', 'percent', null, 95, '%', 0.95, 'ratio')],
  // 满意度 printed as a bare 96: no unit is invented
  ['96', v('96', 'number', null, 96, null, 96, null)],
  ['2000', v('2000', 'number', null, 2000, null, 2000, null)],
  ['达成预期指标95%', v('达成预期指标95%', 'percent', null, 95, '%', 0.95, 'ratio')],
  ['>95', v('>95', 'number', 'gt', 95, null, 95, null)],
  ['>80', v('>80', 'number', 'gt', 80, null, 80, null)],
  ['', v('', 'empty', null, null, null, null, null)],
];

const SEED_004: CellCase[] = [
  ...seed('004', 2021, 'target', SEED_004_BOTH),
  ...seed('004', 2021, 'actual', [...SEED_004_BOTH, ['97%', v('97%', 'percent', null, 97, '%', 0.97, 'ratio')]]),
];

export const SEED_CELLS: CellCase[] = [...SEED_000, ...SEED_002, ...SEED_004];
