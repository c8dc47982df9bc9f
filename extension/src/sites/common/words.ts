/**
 * The only UI words the shared time and date parsers know, in English, Simplified and Traditional Chinese and
 * Japanese (docs/adding-a-site.md "UI languages"). Everything else they read is digits and punctuation. The
 * word-scan test skips files named words.ts, so a word belongs here or in a site's own words.ts, nowhere else.
 */

/** English month names; a page's month is matched on its first three letters ("Sept", "September"). */
export const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** Half-day markers of a 12-hour clock, before ("下午3:40", "午後3:40") or after ("3:40 PM") the time. */
export const clockMarkers = {
  am: ['am', 'a.m.', 'a.m', '上午', '早上', '凌晨', '清晨', '午前'],
  pm: ['pm', 'p.m.', 'p.m', '下午', '晚上', '傍晚', '午後'],
  /** Hours 11 and 12 stay, 1–10 are afternoon ("中午12:30", "中午1:05"). */
  noon: ['中午'],
} as const;

/** Words for a day relative to today. */
export const dayWords = {
  today: ['today', '今天', '今日'],
  yesterday: ['yesterday', '昨天', '昨日'],
  dayBeforeYesterday: ['前天', '一昨日'],
} as const;

/** "Just now" in each language (also Twitter-style "now"). */
export const justNowWords = [
  'just now',
  'now',
  'a moment ago',
  'moments ago',
  '刚刚',
  '刚才',
  '剛剛',
  '剛才',
  'たった今',
];

/** "at" between a day word and a clock ("yesterday at 4:05 PM"). */
export const atWords = ['at'];

/** Text before a relative amount that only says it is rounded ("about 2 hours ago"). */
export const roundingWords = ['about', 'over', 'almost', 'nearly', 'around', '约', '約', '大约', '大約'];

/** English "a"/"an"/"one" as an amount ("an hour ago"). */
export const oneWords = ['a', 'an', 'one'];

export const agoWords = { suffix: ['ago'], cjkSuffix: ['前', '以前'] } as const;

/** Half an hour ago, said as one word group. */
export const halfHourAgoWords = ['半小时前', '半个小时前', '半小時前', '半個小時前'];

export type TimeUnit = 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years';

/** Unit words of a relative time; English ones also match with a trailing "s". */
export const unitWords: Record<string, TimeUnit> = {
  s: 'seconds',
  sec: 'seconds',
  second: 'seconds',
  秒: 'seconds',
  秒钟: 'seconds',
  秒鐘: 'seconds',
  m: 'minutes',
  min: 'minutes',
  minute: 'minutes',
  分: 'minutes',
  分钟: 'minutes',
  分鐘: 'minutes',
  h: 'hours',
  hr: 'hours',
  hour: 'hours',
  小时: 'hours',
  个小时: 'hours',
  小時: 'hours',
  個小時: 'hours',
  時間: 'hours',
  d: 'days',
  day: 'days',
  天: 'days',
  日: 'days',
  w: 'weeks',
  wk: 'weeks',
  week: 'weeks',
  周: 'weeks',
  週: 'weeks',
  星期: 'weeks',
  个星期: 'weeks',
  個星期: 'weeks',
  個禮拜: 'weeks',
  週間: 'weeks',
  mo: 'months',
  month: 'months',
  个月: 'months',
  個月: 'months',
  か月: 'months',
  ヶ月: 'months',
  カ月: 'months',
  y: 'years',
  yr: 'years',
  year: 'years',
  年: 'years',
};

/** A weekday as Chinese and Japanese pages print it: "周三", "星期三", "週三", "禮拜三", "(水)", "水曜日", "（周三）". */
export const cjkWeekday = String.raw`(?:\(?(?:(?:周|星期|週|禮拜|礼拜)[一二三四五六日天]|[月火水木金土日](?:曜日?)?)\)?)`;

/** Where Weibo prints the posting client after the time ("来自 iPhone客户端"): the rest is not time. */
export const sourceWords = ['来自', '來自'];

/** The date marks of CJK dates: "2026年4月22日". */
export const cjkDateMarks = { year: '年', month: '月', day: '日' } as const;

/** Count units of social sites ("1.2万", "3.5亿", "8k", "1.2w") and their multipliers; "" is a plain number. */
export const countUnits: Record<string, number> = {
  '': 1,
  k: 1_000,
  千: 1_000,
  w: 10_000,
  万: 10_000,
  萬: 10_000,
  亿: 100_000_000,
  億: 100_000_000,
};
