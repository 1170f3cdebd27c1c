// Some PDF producers (Chromium/Skia with Noto CJK, several Word exports) map glyphs to CJK radical or
// compatibility code points: 民 arrives as ⺠ (U+2EA0), 页 as ⻚ (U+2EDA), 一 as ⼀ (U+2F00). Readers and
// people expect the unified ideograph. Kangxi radicals and compatibility ideographs fold by NFKC; the radicals
// supplement has no decomposition, so the simplified-Chinese forms seen in practice are listed here.
const SUPPLEMENT: Record<string, string> = {
  '⺁': '厂', '⺇': '几', '⺊': '卜', '⺌': '小', '⺍': '小', '⺎': '兀', '⺏': '尢', '⺐': '尢', '⺑': '尢', '⺒': '巳', '⺓': '幺',
  '⺔': '彐', '⺕': '彐', '⺖': '忄', '⺗': '心', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月', '⺞': '歺', '⺟': '母',
  '⺠': '民', '⺡': '氵', '⺢': '水', '⺣': '灬', '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牛', '⺨': '犭', '⺩': '王', '⺪': '疋',
  '⺫': '罒', '⺬': '示', '⺭': '礻', '⺮': '竹', '⺯': '糸', '⺰': '纟', '⺱': '罓', '⺲': '罒', '⺳': '网', '⺴': '网', '⺵': '网',
  '⺶': '羊', '⺷': '羊', '⺸': '羊', '⺹': '老', '⺺': '肀', '⺻': '聿', '⺼': '月', '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹',
  '⻁': '虎', '⻂': '衤', '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角', '⻇': '角', '⻈': '讠', '⻉': '贝', '⻊': '足', '⻋': '车',
  '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门', '⻕': '阝', '⻖': '阝',
  '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻞': '食', '⻟': '饣', '⻠': '饣', '⻡': '首',
  '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '斉', '⻬': '齐',
  '⻭': '歯', '⻮': '齿', '⻯': '竜', '⻰': '龙', '⻱': '龜', '⻲': '亀', '⻳': '龟',
};

const COMPAT = /[\u2E80-\u2FDF\uF900-\uFAFF]/g;

export function foldCjkCompat(s: string): string {
  if (!/[\u2E80-\u2FDF\uF900-\uFAFF]/.test(s)) return s;
  return s.replace(COMPAT, (ch) => SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}
