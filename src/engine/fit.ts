// Does the roster look like the region it is checked under? A Hainan roster checked as Shandong gives
// dozens of errors and no hint why; the roster itself usually says where it comes from — its teachers'
// resident IDs begin with the province's code (GB/T 2260) and some spellings are used in one region only.
// One warning names the better fit; nothing is changed.
import type { RegionRules } from '../rules/region';
import type { ColumnMap } from '../core/fields';
import { cellText } from './normalize';
import { t } from '../core/text';
import type { Issue, TrainingRecord } from '../core/types';
import { fold } from '../core/vocabulary';

const RESIDENT_ID = /^\d{17}[\dX]$|^\d{15}$/;

export function regionFit(
  rules: RegionRules,
  records: ReadonlyArray<{ record: TrainingRecord }>,
  tables: ReadonlyArray<{ rows: ReadonlyArray<ReadonlyArray<unknown>>; map: ColumnMap }>,
  workbookRegion?: RegionRules,
  candidates: readonly RegionRules[] = [],
): Issue[] {
  const issues: Issue[] = [];
  if (workbookRegion && workbookRegion.id !== rules.id) issues.push(differsFromWorkbook(rules, workbookRegion));
  // nothing to compare with: no clue needs reading
  if (!candidates.some((other) => other.id !== rules.id)) return issues;
  const ids = residentIds(records);
  const share = (n: number) => (ids.size ? n / ids.size : 0);
  // half the IDs or more from the region's own province: no other region can be the better fit (below), and
  // the spellings need not be read
  if (share(idScore(rules, ids)) >= 0.5) return issues;
  const clues: Clues = { ids, words: levelAndModeWords(tables) };
  const mine = score(rules, clues);
  for (const other of candidates) {
    if (other.id === rules.id) continue;
    const s = score(other, clues);
    // a clear majority of IDs from the other province, or its own spellings where ours show none
    const byIds = share(s.ids) >= 0.5 && share(mine.ids) < 0.2;
    const byWords = s.words.length > 0 && mine.words.length === 0 && share(mine.ids) < 0.5;
    if (!byIds && !byWords) continue;
    issues.push(mismatch(rules, other, clues.ids.size, s, byIds));
    break;
  }
  return issues;
}

interface Clues {
  ids: Set<string>;
  words: Set<string>;
}

function differsFromWorkbook(rules: RegionRules, workbookRegion: RegionRules): Issue {
  const wb = workbookRegion.name;
  return {
    code: 'REGION_DIFFERS_FROM_WORKBOOK',
    severity: 'warning',
    field: 'region',
    value: rules.id,
    message: t(
      `按${rules.name.zh}的规定校验，但工作簿设置的地区是${wb.zh}（CPD.region）`,
      `checked under the ${rules.name.en} rules, but the workbook's region is ${wb.en} (CPD.region)`,
    ),
  };
}

/** The distinct resident IDs of the roster: each of a teacher's rows holds the same ID, tested once. */
function residentIds(records: ReadonlyArray<{ record: TrainingRecord }>): Set<string> {
  const ids = new Set<string>();
  const tested = new Set<string>();
  for (let i = 0; i < records.length; i++) {
    const id = records[i]!.record.teacherId;
    if (!id || tested.has(id)) continue;
    tested.add(id);
    if (RESIDENT_ID.test(id)) ids.add(id);
  }
  return ids;
}

/** The distinct spellings of the level and mode columns (a roster repeats a few dozen thousands of times). */
function levelAndModeWords(
  tables: ReadonlyArray<{ rows: ReadonlyArray<ReadonlyArray<unknown>>; map: ColumnMap }>,
): Set<string> {
  const seen = new Set<unknown>();
  const words = new Set<string>();
  for (const { rows, map } of tables)
    for (const f of ['level', 'mode'] as const) {
      const col = map.columns[f];
      if (col === undefined) continue;
      for (let i = map.headerRow + 1; i < rows.length && words.size < 500; i++) {
        const raw = rows[i]?.[col];
        if (seen.has(raw)) continue;
        seen.add(raw);
        const v = cellText(raw);
        if (v) words.add(fold(v));
      }
    }
  return words;
}

/** How many of these IDs begin with one of the region's province codes. */
function idScore(region: RegionRules, ids: ReadonlySet<string>): number {
  const prefixes = region.fingerprint.idPrefixes;
  let n = 0;
  for (const x of ids) if (prefixes.some((p) => x.startsWith(p))) n++;
  return n;
}

function score(region: RegionRules, clues: Clues): { ids: number; words: string[] } {
  const fp = region.fingerprint;
  return { ids: idScore(region, clues.ids), words: fp.words.filter((w) => clues.words.has(fold(w))) };
}

function mismatch(
  rules: RegionRules,
  other: RegionRules,
  idCount: number,
  s: { ids: number; words: string[] },
  byIds: boolean,
): Issue {
  const name = other.name;
  const idPart = byIds
    ? t(
        `${idCount} 个身份证号中 ${s.ids} 个属于${name.zh}（${other.fingerprint.idPrefixes.join('、')} 开头）`,
        `${s.ids} of ${idCount} ID numbers are from ${name.en} (starting ${other.fingerprint.idPrefixes.join(', ')})`,
      )
    : null;
  const wordPart = s.words.length
    ? t(`表中出现“${s.words.join('”“')}”`, `the roster uses ${s.words.map((w) => `"${w}"`).join(', ')}`)
    : null;
  const why = [idPart, wordPart].filter((x) => x !== null);
  return {
    code: 'REGION_MISMATCH',
    severity: 'warning',
    field: 'region',
    value: other.id,
    message: t(
      `这张表看起来是${name.zh}的登记表：${why.map((w) => w!.zh).join('；')}。当前按${rules.name.zh}的规定校验，如地区选错，请改选“${name.zh}”（命令行 --region ${other.id}）`,
      `this roster looks like one from ${name.en}: ${why.map((w) => w!.en).join('; ')}. It is checked under the ${rules.name.en} rules; if that is wrong, choose ${name.en} (--region ${other.id})`,
    ),
  };
}
