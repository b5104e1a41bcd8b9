// The units of the parameter tables, in words, for every place that shows a parameter (the CLI's
// `rules`, the rules document's appendix, the pane's settings).
import { t, type Text } from '../core/text';
import type { Unit } from '../rules/params';

export const UNIT_WORDS: Record<Unit, Text> = {
  credit: t('学分', 'credit'),
  'credit/day': t('学分/天', 'credit/day'),
  'credit/hour': t('学分/学时', 'credit/hour'),
  'credit/classHour': t('学分/课时', 'credit/class hour'),
  hour: t('学时', 'hour'),
  'hour/day': t('学时/天', 'hour/day'),
  'hour/year': t('学时/年', 'hour/year'),
  'hour/event': t('学时/次', 'hour/event'),
  'hour/credit': t('学时/学分', 'hour/credit'),
  ratio: t('比例（系数、倍数）', 'ratio'),
  count: t('个', 'count'),
  year: t('年', 'year'),
  month: t('月', 'month'),
};
