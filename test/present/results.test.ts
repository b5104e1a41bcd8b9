// The result sheets made from the check result a record at a time (checkSource, what the CLI's copy uses)
// are the very tables made from the whole report (resultTables, what the web page's copy uses): every
// region's sample with its mistakes, one roster and one file of several.
import { checkRoster } from '../../src/engine/engine';
import { toReport } from '../../src/engine/report';
import { RULES, REGIONS } from '../../src/rules';
import { generate } from '../../src/samples/generate';
import { checkSource, resultSources, resultTables, type ResultOptions } from '../../src/present/results';
import type { Lang } from '../../src/core/text';

const held = (o: ResultOptions, src: ReturnType<typeof checkSource>) =>
  resultSources(src, o).map((t) => ({ name: t.name, headers: t.headers, rows: [...t.rows()] }));

describe.each(REGIONS)('%s', (region) => {
  const s = generate(region, { teachers: 40, mistakes: true, seed: 3 });
  const rows = s.rows.slice(1);
  const half = Math.floor(rows.length / 2);
  // two files: the header in each, the teachers' records split between them
  const tables = [
    { rows: rows.slice(0, half), file: 'a.xlsx', sheet: s.sheet },
    { rows: [rows[0]!, ...rows.slice(half)], file: 'b.csv' },
  ];
  const locate = (i: { row?: number; key: string }) => (i.row ? { sheet: 'S', cell: `A${i.row}:${i.key}` } : undefined);

  test.each(['zh', 'en'] as Lang[])('one roster, %s', (lang) => {
    const r = checkRoster([{ rows, sheet: s.sheet }], { rules: RULES[region], asOf: new Date('2026-11-23') });
    const o = { lang, locate };
    expect(held(o, checkSource(r, lang))).toEqual(resultTables(toReport(r, lang), o));
    // the parts a copy reads alone are those of the whole records and teachers
    const src = checkSource(r, lang);
    const report = toReport(r, lang);
    expect([...src.places!()]).toEqual(
      report.records.map((x) => ({ file: x.file, sheet: x.sheet, teacherId: x.teacherId })),
    );
    expect([...src.teacherIssues!()]).toEqual(
      report.teachers.map((t) => ({ id: t.id, name: t.name, issues: t.issues })),
    );
    // the summary sheets' parts: each teacher's years, and cycle, as the report has them but their explanations
    const bare = <T extends { explanation: string }>({ explanation, ...rest }: T) => (void explanation, rest);
    expect([...src.teacherYears!()]).toEqual(
      report.teachers.map((t) => ({ id: t.id, name: t.name, school: t.school, years: t.years.map(bare) })),
    );
    expect([...src.teacherCycles!()]).toEqual(
      report.teachers.map((t) => ({ id: t.id, name: t.name, school: t.school, cycle: bare(t.cycle) })),
    );
    expect(report.records.some((x) => x.teacherId !== null)).toBe(true);
  });

  test.each(['a.xlsx', 'b.csv'])('the copy of %s, one of two files', (file) => {
    const r = checkRoster(tables, { rules: RULES[region], asOf: new Date('2026-11-23') });
    const o = { lang: 'zh' as Lang, locate, file };
    const sheets = held(o, checkSource(r, 'zh'));
    expect(sheets).toEqual(resultTables(toReport(r, 'zh'), o));
    // (not a vacuous match: the file's own records, and its issues)
    expect(sheets[1]!.rows.length).toBeGreaterThan(0);
    expect(sheets[1]!.rows.every((row) => row[0] === file)).toBe(true);
  });
});
