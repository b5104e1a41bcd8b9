// The teachers: who is short first, a search by name or ID, a school filter; each teacher's cycle and
// years in visible words, every verdict a button that opens its "why".
import * as React from 'react';
import { Button, Caption1, Input, mergeClasses, Select, Tab, TabList, Text } from '@fluentui/react-components';
import { say, type Lang } from '../core/text';
import { fmt } from '../core/decimal';
import { maskId } from '../core/idcard';
import { STATUS_WORDS } from '../engine/verdict';
import type { Report } from '../engine/report';
import { englishArticles, shortCite } from '../present/article';
import { RULES, type RegionId } from '../rules';
import type { Strings } from './i18n';
import type { Checked } from './view';
import { useStyles } from './styles';
import type { WhyTarget } from './Why';

type Status = Report['teachers'][number]['cycle']['status'];
type Filter = 'all' | 'failing' | 'open';
const PAGE = 50;

export function TeachersTab(props: {
  s: Strings;
  lang: Lang;
  view: { last: Checked; report: Report };
  onWhy: (t: WhyTarget) => void;
}): React.ReactElement {
  const { s, lang, view, onWhy } = props;
  const { last, report } = view;
  const styles = useStyles();
  const sum = report.summary;
  const [filter, setFilter] = React.useState<Filter>(
    sum.cycleFail ? 'failing' : sum.cycleInProgress + sum.cyclePending ? 'open' : 'all',
  );
  const [query, setQuery] = React.useState('');
  const [school, setSchool] = React.useState('');
  const [limit, setLimit] = React.useState(PAGE);
  const schools = React.useMemo(
    () =>
      [...new Set(report.teachers.map((t) => t.school).filter((x): x is string => !!x))].sort((a, b) =>
        a.localeCompare(b, 'zh-CN'),
      ),
    [report],
  );
  const q = query.normalize('NFKC').trim().toUpperCase();
  const open = (x: Status) => x === 'inProgress' || x === 'pending';
  const shown = report.teachers
    .map((t, index) => ({ t, index }))
    .filter(
      ({ t }) =>
        (filter === 'all' || (filter === 'failing' ? t.cycle.status === 'fail' : open(t.cycle.status))) &&
        (!school || t.school === school) &&
        (!q || (t.name ?? '').toUpperCase().includes(q) || t.id.toUpperCase().includes(q)),
    );
  const word = (x: Status) => say(STATUS_WORDS[x], lang);
  const unit = (u: 'hours' | 'credits') => (u === 'hours' ? s.hours : s.credits);
  const fallback = RULES[report.region as RegionId]?.source.title;
  const en = (x: string) => (lang === 'en' ? englishArticles(x) : x);

  return (
    <div className={styles.section}>
      <Input
        type="search"
        data-testid="teacher-search"
        placeholder={s.search}
        aria-label={s.search}
        value={query}
        onChange={(_, d) => {
          setQuery(d.value);
          setLimit(PAGE);
        }}
      />
      <TabList size="small" selectedValue={filter} onTabSelect={(_, d) => setFilter(d.value as Filter)}>
        <Tab value="failing" data-testid="filter-failing">
          {s.failing} {sum.cycleFail}
        </Tab>
        <Tab value="open" data-testid="filter-open">
          {s.open} {sum.cycleInProgress + sum.cyclePending}
        </Tab>
        <Tab value="all" data-testid="filter-all">
          {s.all} {sum.teachers}
        </Tab>
      </TabList>
      {schools.length > 1 && (
        <Select
          size="small"
          aria-label={s.filterSchool}
          value={school}
          data-testid="teacher-school"
          onChange={(_, d) => setSchool(d.value)}
        >
          <option value="">{s.anySchool}</option>
          {schools.map((x) => (
            <option key={x} value={x} lang="zh-CN">
              {x}
            </option>
          ))}
        </Select>
      )}
      <Caption1 className={styles.muted}>
        {s.teachersShown(shown.length, sum.teachers)} · {s.asOfShown(report.asOf)}
      </Caption1>
      {shown.slice(0, limit).map(({ t, index }) => {
        const judged = last.result.teachers[index];
        const chip = (x: Status) =>
          x === 'pass'
            ? styles.chipPass
            : x === 'fail'
              ? styles.chipFail
              : x === 'inProgress'
                ? styles.chipOpen
                : x === 'pending'
                  ? styles.chipPending
                  : styles.chipNone;
        const lines = t.cycle.shortfall.filter((x) => !x.advisory);
        const value = (p: { hours: number; credits: number }) =>
          report.unit === 'hours' ? `${fmt(p.hours)} ${s.hours}` : `${fmt(p.credits)} ${s.credits}`;
        return (
          <div key={t.id} className={styles.teacher} data-testid="teacher" data-status={t.cycle.status}>
            <div className={styles.row}>
              <Text weight="semibold" lang="zh-CN">
                {t.name ?? ''}
              </Text>
              <Caption1 className={styles.muted}>{maskId(t.id)}</Caption1>
              {t.school && (
                <Caption1 className={styles.muted} lang="zh-CN">
                  {t.school}
                </Caption1>
              )}
            </div>
            <button
              type="button"
              className={mergeClasses(styles.chip, styles.cycleButton, chip(t.cycle.status))}
              data-testid="why-cycle"
              onClick={() => onWhy({ kind: 'period', teacher: index })}
            >
              <span className={styles.cycleText}>
                <strong>
                  {s.cycle} {t.cycle.start}–{t.cycle.end} · {word(t.cycle.status)}
                </strong>
                <span>
                  {value(t.cycle)}
                  {report.unit === 'credits' ? ` · ${fmt(t.cycle.hours)} ${s.hours}` : ''}
                </span>
              </span>
              <span className={styles.whyHint}>{s.why} ›</span>
            </button>
            {lines.length > 0 && (t.cycle.status === 'fail' || t.cycle.status === 'inProgress')
              ? lines.map((x) => {
                  const c = judged?.cycle.conditions.find((y) => y.id === x.condition);
                  return (
                    <Caption1 key={x.condition} block data-testid="shortfall">
                      {s.short(x.label, fmt(x.missing), unit(x.unit))}
                      {s.paren(c ? shortCite(c.cite, lang, fallback) : x.article)}
                    </Caption1>
                  );
                })
              : t.cycle.status !== 'pass' && (
                  <Caption1 block data-testid="verdict">
                    {en(t.cycle.verdict)}
                  </Caption1>
                )}
            <div className={styles.years}>
              {t.years.map((y) => (
                <button
                  key={y.year}
                  type="button"
                  className={mergeClasses(styles.chip, chip(y.status))}
                  data-testid="year"
                  data-status={y.status}
                  onClick={() => onWhy({ kind: 'period', teacher: index, year: y.year })}
                >
                  {y.year} {word(y.status)} · {report.unit === 'hours' ? fmt(y.hours) : fmt(y.credits)}
                </button>
              ))}
            </div>
            {t.idProblem && <Caption1 block>{en(t.idProblem)}</Caption1>}
          </div>
        );
      })}
      {shown.length > limit && (
        <Button size="small" onClick={() => setLimit(limit + PAGE)}>
          {s.showMore(Math.min(PAGE, shown.length - limit))}
        </Button>
      )}
    </div>
  );
}
