// The unit table: every spelling we accept → canonical unit, base unit and the power of ten that
// turns the printed number into the base unit. Money goes to 元, percent and 个百分点 to a fraction
// ('ratio'), counts with a 万/亿 (or 千) multiplier to the plain count unit; everything else keeps its
// own unit as base (the contract's rule). Units are looked up whole (a Map), never by regex.

export type UnitKind = 'money' | 'percent' | 'number';

export interface UnitInfo {
  /** canonical spelling */
  unit: string;
  /** unit of `base`; null for a bare multiplier (`1.5万`) */
  baseUnit: string | null;
  /** base = value × 10^exp */
  exp: number;
  kind: UnitKind;
}

// Count and measure words. Seeds use 个 家 人 人次 项 次 类 分; DOMAIN.md adds 平方米 米 厘米 亩 只 头 例 篇 …
const COUNT_UNITS = [
  '个', '家', '人', '名', '位', '人次', '户', '户次', '项', '项次', '次', '场', '场次', '份', '件', '件次', '类', '种',
  '批', '批次', '所', '座', '处', '间', '张', '条', '部', '台', '台次', '套', '辆', '架', '架次', '艘', '只', '头', '匹',
  '株', '棵', '例', '篇', '本', '册', '卷', '盒', '瓶', '支', '剂', '袋', '箱', '枚', '块', '片', '幅', '封', '期', '轮',
  '届', '门', '层', '栋', '幢', '床', '车次', '人日', '人天', '人月', '家次', '村', '镇', '县', '区', '校',
  '吨', '千克', '公斤', '克', '斤', '米', '厘米', '毫米', '公里', '平方米', '平方公里', '立方米', '亩', '公顷',
  '天', '工作日', '小时', '分钟', '秒', '周', '个月', '年', '学时', '课时', '节', '岁', '分', '千瓦', '度',
  '个百分点', // (listed for completeness; overridden below as a percent unit)
];

// Spellings that mean one of the canonical units above.
const ALIASES: Record<string, string> = {
  '人/次': '人次', 平米: '平方米', '㎡': '平方米', m2: '平方米', M2: '平方米', km: '公里', KM: '公里', Km: '公里',
  千米: '公里', m: '米', cm: '厘米', mm: '毫米', kg: '千克', KG: '千克', t: '吨', h: '小时', 日: '天',
  个工作日: '工作日', 个小时: '小时', 个周: '周', 星期: '周', 个星期: '周', 月: '个月', 周岁: '岁',
  个批次: '批次', 个类: '类', 个项: '项', 个村: '村', 个镇: '镇', 个县: '县', 个区: '区',
};

// A 千 before these is part of the word (千克, 千米, 千瓦), not a multiplier.
const NO_THOUSAND = new Set(['克', '米', '瓦', '元']);

const TABLE = new Map<string, UnitInfo>();

function add(spelling: string, info: UnitInfo): void {
  if (!TABLE.has(spelling)) TABLE.set(spelling, info);
}

function build(): void {
  // money first: its multiplied spellings must not be read as count + multiplier
  const money: [string, number][] = [['元', 0], ['千元', 3], ['万元', 4], ['十万元', 5], ['百万元', 6], ['千万元', 7], ['亿元', 8], ['万亿元', 12]];
  for (const [u, exp] of money) add(u, { unit: u, baseUnit: '元', exp, kind: 'money' });
  add('块钱', { unit: '元', baseUnit: '元', exp: 0, kind: 'money' });

  add('%', { unit: '%', baseUnit: 'ratio', exp: -2, kind: 'percent' });
  add('百分比', { unit: '%', baseUnit: 'ratio', exp: -2, kind: 'percent' });
  add('‰', { unit: '‰', baseUnit: 'ratio', exp: -3, kind: 'percent' });
  add('个百分点', { unit: '个百分点', baseUnit: 'ratio', exp: -2, kind: 'percent' });
  add('百分点', { unit: '个百分点', baseUnit: 'ratio', exp: -2, kind: 'percent' });

  add('万', { unit: '万', baseUnit: null, exp: 4, kind: 'number' });
  add('亿', { unit: '亿', baseUnit: null, exp: 8, kind: 'number' });
  add('千', { unit: '千', baseUnit: null, exp: 3, kind: 'number' });

  const plain = (u: string): UnitInfo => ({ unit: u, baseUnit: u, exp: 0, kind: 'number' });
  for (const u of COUNT_UNITS) add(u, plain(u));
  for (const [alias, canon] of Object.entries(ALIASES)) add(alias, TABLE.get(canon) ?? plain(canon));

  // 万人, 万人次, 亿元-like multiplied counts; spelled with the canonical unit after the multiplier.
  const spellings = [...TABLE.entries()].filter(([, info]) => info.kind === 'number' && info.baseUnit);
  for (const [spelling, info] of spellings) {
    const base = info.baseUnit as string;
    add('万' + spelling, { unit: '万' + info.unit, baseUnit: base, exp: 4, kind: 'number' });
    add('亿' + spelling, { unit: '亿' + info.unit, baseUnit: base, exp: 8, kind: 'number' });
    if (!NO_THOUSAND.has(spelling[0])) add('千' + spelling, { unit: '千' + info.unit, baseUnit: base, exp: 3, kind: 'number' });
  }
}
build();

const PER_WORDS = new Set(['年', '月', '日', '天', '周', '季度', '季', '人', '户', '次', '人次', '个', '家', '床', '亩']);

/** A generic `个` + noun (`6个事项`, `3个乡镇`): the whole phrase is the unit, kept as printed. */
function countPhrase(s: string): UnitInfo | null {
  if (s.length < 2 || s.length > 4 || s[0] !== '个') return null;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) return null;
  }
  return { unit: s, baseUnit: s, exp: 0, kind: 'number' };
}

/**
 * The unit spelled by `s` exactly (`万人`, `％`→`%`, `元/人`), or null when `s` is not a unit.
 * A per-unit (`元/人`, `次/年`) keeps its denominator in both unit and base unit.
 */
export function lookupUnit(s: string): UnitInfo | null {
  const hit = TABLE.get(s);
  if (hit) return hit;
  const slash = s.indexOf('/');
  if (slash > 0 && slash < s.length - 1 && s !== '人/次') {
    const head = TABLE.get(s.slice(0, slash));
    const tail = s.slice(slash + 1);
    // `次/月`, `元/人`: a per-word is kept as printed (月 here means "a month", not the unit 个月)
    const per = PER_WORDS.has(tail) ? tail : (TABLE.get(tail)?.unit ?? (/^[\u4e00-\u9fff·]{1,4}$/.test(tail) ? tail : null));
    if (head && head.baseUnit && per) {
      return { unit: `${head.unit}/${per}`, baseUnit: `${head.baseUnit}/${per}`, exp: head.exp, kind: head.kind === 'money' ? 'money' : 'number' };
    }
    return null;
  }
  return countPhrase(s);
}

/**
 * Units a unit column (度量单位) may print: anything the table knows, or a short word it does not. A bracketed
 * gloss after a known unit is the unit (`%(百分比)` under 单位, DOMAIN.md: 符号 | 值 | 单位 tables).
 */
export function unitFromHint(hint: string): UnitInfo | null {
  const known = lookupUnit(hint) ?? lookupUnit(hint.replace(/\([^()]*\)$/, ''));
  if (known) return known;
  if (hint.length === 0 || hint.length > 8) return null;
  for (let i = 0; i < hint.length; i++) {
    const c = hint.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 45 || c === 47) return null; // digits, '-' and '/' placeholders
  }
  return { unit: hint, baseUnit: hint, exp: 0, kind: 'number' };
}

/** Characters that make a word after a number part of a phrase, not a measure word (`3项及以上`, `2的倍数`). */
const PHRASE_CHARS = new Set([...'的了及和或与并且等每共以前后内外底初末中上下左右余多']);
const MAX_MEASURE_WORD = 2;

/**
 * A measure word the table does not hold (`组`, `起`, `台套`; contract `unit`: the word a number carries is
 * its unit), kept as printed with itself as base, a 万/亿 before it a multiplier (`3万台套` → 30000 台套).
 * Only short words of CJK characters: a longer phrase after a number (`3项制度`, `10所学校`) is no unit.
 */
export function measureWord(s: string): UnitInfo | null {
  const multiplier = (s[0] === '万' || s[0] === '亿') && s.length > 1 ? s[0] : '';
  const word = s.slice(multiplier.length);
  if (word.length === 0 || word.length > MAX_MEASURE_WORD) return null;
  for (const ch of word) {
    const c = ch.charCodeAt(0);
    if (c < 0x4e00 || c > 0x9fff || PHRASE_CHARS.has(ch)) return null;
  }
  if (!multiplier) return { unit: word, baseUnit: word, exp: 0, kind: 'number' };
  return { unit: multiplier + word, baseUnit: word, exp: multiplier === '万' ? 4 : 8, kind: 'number' };
}
