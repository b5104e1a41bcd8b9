// What a county IT person needs on the phone: the add-in's version and build, the
// rule sets it carries, the Office host and build, the requirement sets Office
// supports, whether the functions registered, and the workbook's CPD.* settings.
// Shown by =CPD.VERSION() and by the pane's diagnostics section, from the same rows.
/* global Office */
import { REGIONS, RULES } from '../rules';
import { SETTING_KEYS } from '../present/settings';
import type { Lang } from '../core/text';
import { BUILD } from './build';
import { getSettings, settingsKnown } from './state';

interface Registration {
  /** CustomFunctions came from Office (not the stand-in the page installs outside Office) */
  office: boolean;
  count: number;
  /** ms after navigation start */
  at: number;
}

let registration: Registration | null = null;

/** Called by the page once the functions module has associated every function. */
export function recordRegistration(r: Registration): void {
  registration = r;
}

export function getRegistration(): Registration | null {
  return registration;
}

/** The requirement sets the add-in relies on or reports, with the highest minor version probed. */
const SETS: ReadonlyArray<readonly [string, number]> = [
  ['ExcelApi', 20],
  ['SharedRuntime', 3],
  ['CustomFunctionsRuntime', 5],
];

function highestSupported(name: string, maxMinor: number): string | null {
  const req = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  if (!req || typeof req.isSetSupported !== 'function') return null;
  for (let minor = maxMinor; minor >= 1; minor--) {
    try {
      if (req.isSetSupported(name, `1.${minor}`)) return `1.${minor}`;
    } catch {
      return null;
    }
  }
  return null;
}

export type Row = [string, string];

export function diagnosticsRows(lang: Lang): Row[] {
  const en = lang === 'en';
  const rows: Row[] = [];
  const envName =
    BUILD.env === 'production'
      ? en
        ? 'production'
        : '生产版'
      : BUILD.env === 'development'
        ? en
          ? 'development'
          : '开发版'
        : en
          ? 'unbuilt source'
          : '源码';
  rows.push([
    en ? 'Add-in version' : '加载项版本',
    `${BUILD.version} (${envName}, ${en ? 'namespace' : '命名空间'} ${BUILD.namespace})`,
  ]);
  for (const r of REGIONS) {
    const s = RULES[r].source;
    rows.push([en ? `Rules: ${RULES[r].name.en}` : `规则：${RULES[r].name.zh}`, `${s.title} (${s.body}, ${s.year})`]);
  }
  const diag = typeof Office !== 'undefined' ? Office.context?.diagnostics : undefined;
  rows.push([
    en ? 'Office host' : 'Office 应用',
    diag ? `${diag.host} · ${diag.platform} · ${diag.version}` : en ? 'not running in Office' : '未在 Office 中运行',
  ]);
  const display = typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
  if (display) rows.push([en ? 'Office language' : 'Office 语言', display]);
  for (const [name, max] of SETS) rows.push([name, highestSupported(name, max) ?? (en ? 'not supported' : '不支持')]);
  const reg = registration;
  rows.push([
    en ? 'Functions' : '函数',
    reg
      ? `${en ? `${reg.count} registered` : `已注册 ${reg.count} 个`}${reg.office ? '' : en ? ' (outside Office: not in Excel)' : '（不在 Office 中：未注册到 Excel）'}`
      : en
        ? 'not registered'
        : '未注册',
  ]);
  const s = getSettings();
  const unset = en ? '(not set)' : '（未设置）';
  if (!settingsKnown()) rows.push([en ? 'Workbook settings' : '工作簿设置', en ? 'not read yet' : '尚未读取']);
  rows.push([
    SETTING_KEYS.region,
    s.region ? `${s.region} (${en ? RULES[s.region].name.en : RULES[s.region].name.zh})` : unset,
  ]);
  rows.push([SETTING_KEYS.cycleStart, s.cycleStart !== undefined ? String(s.cycleStart) : unset]);
  rows.push([
    SETTING_KEYS.overrides,
    s.overrides && Object.keys(s.overrides).length ? JSON.stringify(s.overrides) : unset,
  ]);
  return rows;
}
