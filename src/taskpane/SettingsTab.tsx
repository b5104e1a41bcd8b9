// The settings: once saved, one summary line and 修改; while editing, the region, cycle, as-of date and
// the numbers the source leaves open. Below, the optional column mapping and the roster template.
import * as React from 'react';
import {
  Button,
  Caption1,
  Divider,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Select,
  Text,
} from '@fluentui/react-components';
import { REGIONS, RULES } from '../rules';
import { detectHeader, ColumnMap, Field as RosterField, FIELDS, FIELD_LABELS } from '../core/fields';
import { today } from '../present/settings';
import { say, type Lang } from '../core/text';
import { fmt } from '../core/decimal';
import { shortCite } from '../present/article';
import { overridesNote } from '../present/overrides';
import { columnLetters } from '../present/tables';
import { getSettings } from '../runtime/state';
import { getPort } from './controller';
import { both, type Strings } from './i18n';
import type { SheetData } from './port';
import { WorkbookError } from './port';
import type { Draft } from './draft';
import { useStyles } from './styles';
import type { Act } from './view';

export function SettingsTab(props: {
  s: Strings;
  lang: Lang;
  busy: boolean;
  draft: Draft;
  editing: boolean;
  setEditing: (v: boolean) => void;
  focusParam: string | null;
  clearFocusParam: () => void;
  columns: { map: ColumnMap; sheet: SheetData } | null;
  setColumns: (c: { map: ColumnMap; sheet: SheetData } | null) => void;
  act: Act;
}): React.ReactElement {
  const { s, lang, busy, draft, editing, setEditing, columns, setColumns, act } = props;
  const styles = useStyles();
  const saved = getSettings();
  const open = editing || !saved.region;

  // a rule gap's button asked for this setting: bring its field on screen and into focus
  React.useEffect(() => {
    if (!props.focusParam || !open) return;
    const el = document.querySelector<HTMLInputElement>(`[data-testid="override-${props.focusParam}"]`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus();
    }
    props.clearFocusParam();
  }, [props.focusParam, open]);

  const detect = async () => {
    const sheet = await getPort()!.readActiveSheet();
    const map = detectHeader(sheet.rows);
    if (!map) {
      setColumns(null);
      throw new WorkbookError(both((w) => w.noHeader));
    }
    setColumns({ map, sheet });
    return both((w) => w.detected(sheet.address, sheet.firstRow + map.headerRow));
  };

  const headerCells = columns ? (columns.sheet.rows[columns.map.headerRow] ?? []) : [];

  return (
    <div className={styles.section}>
      {/* shown folded or not: what the workbook holds that saving would drop */}
      {draft.unusable.length > 0 && (
        <MessageBar intent="warning" data-testid="overrides-unusable">
          <MessageBarBody>
            {s.overridesUnusable}
            {draft.unusable.map((p) => say(p.message, lang)).join(lang === 'en' ? '; ' : '；')}
          </MessageBarBody>
        </MessageBar>
      )}
      {open ? (
        <SettingsForm s={s} lang={lang} busy={busy} draft={draft} onSaved={() => setEditing(false)} act={act} />
      ) : (
        <SettingsSummary s={s} lang={lang} onEdit={() => setEditing(true)} />
      )}

      <Divider />
      <Text weight="semibold" as="h2" size={300} className={styles.h2}>
        {s.columns}
      </Text>
      <Caption1 className={styles.muted}>{s.columnsHint}</Caption1>
      <div className={styles.row}>
        <Button size="small" disabled={busy} data-testid="detect" onClick={() => void act(detect)}>
          {s.detect}
        </Button>
        {busy && <Caption1>{s.whyDisabled.busy}</Caption1>}
      </div>
      {columns && (
        <div className={styles.mapGrid} data-testid="mapping">
          {FIELDS.filter(
            (f) =>
              columns.map.columns[f] !== undefined ||
              ['teacherId', 'year', 'level', 'mode', 'hours', 'grade'].includes(f),
          ).map((f) => (
            <React.Fragment key={f}>
              <Caption1 id={`map-${f}`}>{say(FIELD_LABELS[f], lang)}</Caption1>
              <Select
                size="small"
                aria-labelledby={`map-${f}`}
                value={columns.map.columns[f] === undefined ? '' : String(columns.map.columns[f])}
                onChange={(_, d) => {
                  const next: ColumnMap = { ...columns.map, columns: { ...columns.map.columns } };
                  if (d.value === '') delete next.columns[f as RosterField];
                  else next.columns[f as RosterField] = +d.value;
                  setColumns({ ...columns, map: next });
                }}
              >
                <option value="">{s.notMapped}</option>
                {headerCells.map((h, i) => (
                  <option key={i} value={String(i)} lang="zh-CN">
                    {`${columnLetters(columns.sheet.firstCol + i)} · ${String(h ?? '')}`}
                  </option>
                ))}
              </Select>
            </React.Fragment>
          ))}
        </div>
      )}

      <Divider />
      <Text weight="semibold" as="h2" size={300} className={styles.h2}>
        {s.template}
      </Text>
      <div className={styles.row}>
        <Button
          size="small"
          disabled={busy || !draft.region}
          data-testid="template"
          onClick={() =>
            void act(async () => {
              const name = await getPort()!.insertTemplate(draft.region!, lang);
              return both((w) => w.templateInserted(name));
            })
          }
        >
          {s.insertTemplate}
        </Button>
        {!draft.region && <Caption1 data-testid="template-why">{s.templateNeedsRegion}</Caption1>}
      </div>
    </div>
  );
}

/** The saved settings in one line: region, cycle, as-of date, local values — and 修改. */
function SettingsSummary({ s, lang, onEdit }: { s: Strings; lang: Lang; onEdit: () => void }): React.ReactElement {
  const styles = useStyles();
  const saved = getSettings();
  const rules = RULES[saved.region!];
  const fixed = rules.fixedCycle;
  const cycle = fixed
    ? s.cycleFixed(fixed.start)
    : saved.cycleStart
      ? s.cycleShown(`${saved.cycleStart}–${saved.cycleStart + 4}`)
      : s.cycleFromRecords;
  const asOf = saved.asOf ? s.asOfShown(saved.asOf) : s.asOfToday;
  const note = overridesNote({ region: saved.region!, overrides: saved.overrides ?? {} });
  return (
    <div className={styles.card} data-testid="settings-summary">
      <div className={styles.summaryLine}>
        <div className={styles.section} style={{ gap: '2px' }}>
          <Text weight="semibold">
            {s.settingsSummary}
            {s.colon}
            {say(rules.name, lang)}
          </Text>
          <Caption1>
            {cycle} · {asOf} · {note ? s.localValues(Object.keys(saved.overrides ?? {}).length) : s.noLocalValues}
          </Caption1>
        </div>
        <Button size="small" onClick={onEdit} data-testid="edit-settings">
          {s.edit}
        </Button>
      </div>
      {note && (
        <Caption1 className={styles.warn} data-testid="settings-overrides">
          {say(note, lang)}
        </Caption1>
      )}
      <Caption1 className={styles.muted}>
        {s.source}
        {s.colon}
        <span lang="zh-CN">《{rules.source.title}》</span>
      </Caption1>
    </div>
  );
}

export function SettingsForm(props: {
  s: Strings;
  lang: Lang;
  busy: boolean;
  draft: Draft;
  onSaved: () => void;
  act: Act;
  /** false where settings are not kept anywhere (the web page: the form applies to the next check) */
  persistent?: boolean;
}): React.ReactElement {
  const { s, lang, busy, draft, onSaved, act } = props;
  const persistent = props.persistent !== false;
  const styles = useStyles();
  const rules = draft.rules;
  const fixed = rules?.fixedCycle;
  const saved = getSettings();
  const canSave = !draft.problem && !busy;
  return (
    <div className={styles.section} data-testid="settings-form">
      <Field label={s.region} required>
        <Dropdown
          data-testid="region"
          placeholder={s.regionPlaceholder}
          value={rules ? say(rules.name, lang) : ''}
          selectedOptions={draft.region ? [draft.region] : []}
          onOptionSelect={(_, d) => d.optionValue && draft.setRegion(d.optionValue as typeof draft.region & string)}
        >
          {REGIONS.map((r) => (
            <Option key={r} value={r} text={say(RULES[r].name, lang)} data-testid={`region-${r}`}>
              {say(RULES[r].name, lang)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {rules && (
        <Caption1 className={styles.muted}>
          {s.source}
          {s.colon}
          <span lang="zh-CN">
            《{rules.source.title}》（{rules.source.body}，{rules.source.year}）
          </span>
        </Caption1>
      )}
      <Field
        label={s.cycleStart}
        hint={fixed ? s.cycleFixed(fixed.start) : s.cycleAuto}
        validationMessage={draft.cycleBad ? s.cycleInvalid : undefined}
      >
        <Input
          data-testid="cycle"
          value={fixed ? String(fixed.start) : draft.cycle}
          disabled={!!fixed}
          placeholder={fixed ? undefined : '2019'}
          onChange={(_, d) => draft.setCycle(d.value)}
        />
      </Field>
      <Field label={s.asOf} hint={s.asOfHint(today())} validationMessage={draft.asOfBad ? s.asOfInvalid : undefined}>
        <Input
          data-testid="as-of"
          value={draft.asOf}
          placeholder={today()}
          onChange={(_, d) => draft.setAsOf(d.value.trim())}
        />
      </Field>
      {rules && (
        <div className={styles.section}>
          <Text weight="semibold" as="h2" size={300} className={styles.h2}>
            {s.overrides}
          </Text>
          <Caption1 className={styles.muted}>{draft.open.length ? s.overridesHint : s.overrideNone}</Caption1>
          {draft.open.map(([key, p]) => {
            const err = draft.overrideErrors[key];
            return (
              <Field
                key={key}
                label={`${say(p.label, lang)}${s.paren(shortCite(p.cite, lang, rules.source.title))}`}
                hint={`${key} · ${p.value === null ? s.notDefined : s.sourceValue(fmt(p.value))}`}
                validationMessage={err ? say(err, lang) : undefined}
              >
                <Input
                  data-testid={`override-${key}`}
                  value={draft.over[key] ?? ''}
                  placeholder={p.value === null ? s.notDefined : fmt(p.value)}
                  onChange={(_, d) => draft.setOver(key, d.value)}
                />
              </Field>
            );
          })}
        </div>
      )}
      {persistent && (
        <div className={styles.row}>
          <Button
            appearance="secondary"
            disabled={!canSave}
            data-testid="save"
            onClick={() =>
              void act(async () => {
                await draft.save();
                onSaved();
                return both((w) => w.saved);
              })
            }
          >
            {s.save}
          </Button>
          {saved.region && (
            <Button
              appearance="subtle"
              onClick={() => {
                draft.reset();
                onSaved();
              }}
              data-testid="close-settings"
            >
              {s.saveCancel}
            </Button>
          )}
        </div>
      )}
      {draft.problem && (
        <Caption1 data-testid="save-why" className={styles.warn}>
          {say(draft.problem, lang)}
        </Caption1>
      )}
      {busy && <Caption1>{s.whyDisabled.busy}</Caption1>}
    </div>
  );
}
