// "为什么": why a record has its credits, or a year or cycle its verdict — the steps (or the conditions)
// with the article in full and the words quoted from it, the readings adopted, the local values used
// instead of the source's, and a link to the region's section of the rules shipped with the add-in.
import * as React from 'react';
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import { say, type Lang } from '../core/text';
import { fmt } from '../core/decimal';
import { maskId, maskIds } from '../core/idcard';
import type { Cite, Condition, ParamUse, Step } from '../core/types';
import { conditionText, type Report } from '../engine/report';
import { ISSUES } from '../core/issues';
import { englishArticles, shortCite } from '../present/article';
import { overridesNote } from '../present/overrides';
import { RULES, type RegionId } from '../rules';
import type { Strings } from './i18n';
import type { Checked } from './view';
import { useStyles } from './styles';

export type WhyTarget = { kind: 'record'; index: number } | { kind: 'period'; teacher: number; year?: number };

interface Props {
  s: Strings;
  lang: Lang;
  view: { last: Checked; report: Report };
  target: WhyTarget;
  onClose: () => void;
}

export function Why(props: Props): React.ReactElement {
  const { s, lang, view, target, onClose } = props;
  const styles = useStyles();
  const { report } = view;
  const rules = RULES[report.region as RegionId];
  const body = target.kind === 'record' ? <RecordWhy {...props} index={target.index} /> : <PeriodWhy {...props} />;
  const teacher = target.kind === 'period' ? report.teachers[target.teacher] : undefined;
  const title =
    target.kind === 'record' ? (
      s.whyRecord(report.records[target.index]?.row ?? 0)
    ) : (
      <>
        {s.whyOf}
        <span lang="zh-CN">{teacher?.name ?? ''}</span>
        {target.year === undefined
          ? s.whyCycle(`${teacher?.cycle.start}–${teacher?.cycle.end}`)
          : s.whyYear(target.year)}
      </>
    );
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface
        aria-describedby={undefined}
        lang={lang === 'zh' ? 'zh-CN' : 'en'}
        data-testid="why-view"
        style={{ maxWidth: 'min(600px, 96vw)' }}
      >
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.why}>{body}</DialogContent>
          <DialogActions fluid className={styles.whyActions}>
            {rules && (
              <a
                className={styles.link}
                href={`rules.html#region-${report.region}`}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="rules-link"
              >
                {s.rulesLink(say(rules.name, lang))}
              </a>
            )}
            <Button appearance="primary" onClick={onClose} data-testid="why-close">
              {s.close}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** The article in full: 《the document》 article, and the words it rests on. */
function Article({ cite, s, lang }: { cite: Cite; s: Strings; lang: Lang }): React.ReactElement {
  const styles = useStyles();
  return (
    <>
      <Caption1 block>
        {s.basis}
        {s.colon}
        {lang === 'en' ? `${shortCite(cite, 'en')} — ` : ''}
        <span lang="zh-CN">
          《{cite.doc}》{lang === 'zh' ? cite.article : ''}
        </span>
      </Caption1>
      {cite.quote && (
        <blockquote className={styles.quote} lang="zh-CN">
          {s.quote}
          {s.colon}「{cite.quote}」
        </blockquote>
      )}
    </>
  );
}

function Readings({ ids, report, s, lang }: { ids: string[]; report: Report; s: Strings; lang: Lang }) {
  if (!ids.length) return null;
  return (
    <>
      {ids.map((id) => {
        const r = report.readings.find((x) => x.id === id);
        return (
          <Caption1 block key={id}>
            {s.reading} {id}
            {r ? `${s.colon}${lang === 'en' ? englishArticles(r.summary) : r.summary}` : ''}
          </Caption1>
        );
      })}
    </>
  );
}

function Params({ params, region, s, lang }: { params: ParamUse[]; region: string; s: Strings; lang: Lang }) {
  if (!params.length) return null;
  const defs = (RULES[region as RegionId]?.params ?? {}) as Record<string, { label: { zh: string; en: string } }>;
  return (
    <>
      {params.map((p) => (
        <Caption1 block key={p.key} data-testid={p.official ? 'param' : 'param-local'}>
          {s.paramsUsed}
          {s.colon}
          {defs[p.key] ? say(defs[p.key]!.label, lang) : p.key} = {p.value === null ? s.notDefined : fmt(p.value)}
          {s.paren(
            p.official
              ? s.fromSource
              : s.localValue(
                  p.original === undefined || p.original === null ? s.notDefined : s.sourceValue(fmt(p.original)),
                ),
          )}
        </Caption1>
      ))}
    </>
  );
}

function RecordWhy({ s, lang, view, index }: Props & { index: number }): React.ReactElement {
  const styles = useStyles();
  const { last, report } = view;
  const rec = report.records[index]!;
  const steps: Step[] = last.result.records[index]?.conversion.steps ?? [];
  const hours = rec.hours === null ? null : `${fmt(rec.hours)} ${s.hours}`;
  const credits =
    report.unit === 'hours' ? null : rec.credits === null ? s.noCredits : `${fmt(rec.credits)} ${s.credits}`;
  return (
    <>
      <Text block>
        <strong>
          {s.result}
          {s.colon}
        </strong>
        {[credits, hours, rec.counted ? s.counted : s.notCounted].filter(Boolean).join(' · ')}
      </Text>
      {(rec.name || rec.teacherId) && (
        <Caption1 block className={styles.muted}>
          <span lang="zh-CN">{rec.name ?? ''}</span> {rec.teacherId ? maskId(rec.teacherId) : ''}
        </Caption1>
      )}
      <Text weight="semibold" as="h3" className={styles.sub}>
        {s.steps}
      </Text>
      {steps.length ? (
        <ol className={styles.steps} data-testid="why-steps">
          {steps.map((st, i) => (
            <li key={i}>
              <Text block>{lang === 'en' ? englishArticles(say(st.detail, lang)) : say(st.detail, lang)}</Text>
              <Article cite={st.cite} s={s} lang={lang} />
              <Readings ids={st.readings ?? []} report={report} s={s} lang={lang} />
              <Params params={st.params ?? []} region={report.region} s={s} lang={lang} />
            </li>
          ))}
        </ol>
      ) : (
        <Caption1>{s.noSteps}</Caption1>
      )}
      {rec.issues.length > 0 && (
        <>
          <Text weight="semibold" as="h3" className={styles.sub}>
            {s.recordIssues}
          </Text>
          {rec.issues.map((i, k) => (
            <Caption1 block key={k}>
              {say(ISSUES[i.code].title, lang)}
              {s.colon}
              {lang === 'en' ? englishArticles(maskIds(i.message)) : maskIds(i.message)}
            </Caption1>
          ))}
        </>
      )}
    </>
  );
}

function PeriodWhy({ s, lang, view, target }: Props): React.ReactElement {
  const styles = useStyles();
  const { last, report } = view;
  if (target.kind !== 'period') return <></>;
  const t = report.teachers[target.teacher]!;
  const judged = last.result.teachers[target.teacher];
  const period = target.year === undefined ? t.cycle : t.years.find((y) => y.year === target.year)!;
  const conditions: Condition[] =
    (target.year === undefined ? judged?.cycle : judged?.years.find((y) => y.year === target.year))?.conditions ?? [];
  const en = (x: string) => (lang === 'en' ? englishArticles(x) : x);
  const unit = (u: 'hours' | 'credits') => (u === 'hours' ? s.hours : s.credits);
  const note = overridesNote(report);
  // another branch adds the traced steps of a verdict; show them when the report has them
  const explanation = (period as { explanation?: unknown }).explanation;
  // the reasons the conditions above already say (an unmet condition is a reason) are not repeated
  const said = new Set(conditions.filter((c) => !c.met).map((c) => say(conditionText(c), lang)));
  const reasons = period.reasons.filter((r) => !said.has(r));
  return (
    <>
      <Text block data-testid="why-verdict">
        <strong>
          {s.verdict}
          {s.colon}
        </strong>
        {en(period.verdict)}
      </Text>
      <Caption1 block className={styles.muted}>
        <span lang="zh-CN">{t.name ?? ''}</span> {maskId(t.id)} ·{' '}
        {report.unit === 'hours'
          ? `${fmt(period.hours)} ${s.hours}`
          : `${fmt(period.credits)} ${s.credits} · ${fmt(period.hours)} ${s.hours}`}
      </Caption1>
      {typeof explanation === 'string' && explanation && <Text block>{en(explanation)}</Text>}
      {conditions.length > 0 && (
        <>
          <Text weight="semibold" as="h3" className={styles.sub}>
            {s.conditions}
          </Text>
          <ol className={styles.steps} data-testid="why-conditions">
            {conditions.map((c) => (
              <li key={c.id}>
                <Text block>
                  <strong>{c.advisory ? s.advisory : c.met ? s.met : s.notMet}</strong> · {say(c.label, lang)}{' '}
                  {fmt(c.actual)}/{c.kind === 'max' ? `${s.atMost} ` : ''}
                  {fmt(c.required)} {unit(c.unit)}
                  {c.note ? ` · ${en(say(c.note, lang))}` : ''}
                </Text>
                <Article cite={c.cite} s={s} lang={lang} />
                <Readings ids={c.readings ?? []} report={report} s={s} lang={lang} />
              </li>
            ))}
          </ol>
        </>
      )}
      {reasons.length > 0 && (
        <>
          <Text weight="semibold" as="h3" className={styles.sub}>
            {s.reasons}
          </Text>
          {reasons.map((r, i) => (
            <Caption1 block key={i}>
              {en(r)}
            </Caption1>
          ))}
        </>
      )}
      {period.undecided.length > 0 && (
        <>
          <Text weight="semibold" as="h3" className={styles.sub}>
            {s.undecided}
          </Text>
          {period.undecided.map((u, i) => (
            <Caption1 block key={i}>
              {u.count} · {u.label}
              {u.param ? ` (${u.param})` : ''}
            </Caption1>
          ))}
        </>
      )}
      {note && (
        <Caption1 block className={styles.warn} data-testid="why-overrides">
          {s.overridesUsed}
          {s.colon}
          {say(note, lang)}
        </Caption1>
      )}
    </>
  );
}
