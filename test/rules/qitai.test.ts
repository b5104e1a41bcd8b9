// Table-driven tests of the qitai rules: the tables are in cases/qitai.ts.
import { RULES } from '../../src/rules';
import { checkCertificate } from '../../src/rules/qitai';
import { checkTable } from '../../src/engine/engine';
import { rosterOf, runConversions, runJudgements, TODAY } from './table';
import { certificates, conversions, judgements } from './cases/qitai';

runConversions('qitai', conversions);
runJudgements('qitai', judgements);

describe('qitai: certificate numbers (checkCertificate)', () => {
  test.each(
    certificates.map(
      (r) => [`${r.cite} — ${r.what}: ${r.input.certificate} ${r.expect.valid ? 'valid' : 'invalid'}`, r] as const,
    ),
  )('%s', (_, row) => {
    const got = checkCertificate(row.input.certificate);
    expect(got.valid).toBe(row.expect.valid);
    if (row.expect.prefecture !== undefined) expect(got.parts?.prefecture).toBe(row.expect.prefecture);
    if (row.expect.county !== undefined) expect(got.parts?.county).toBe(row.expect.county);
    if (row.expect.schoolType !== undefined) expect(got.parts?.schoolType).toBe(row.expect.schoolType);
  });
});

describe('qitai: 六(四)1 「一人一证，一人一号」 marks every row concerned', () => {
  const row = (teacher: string, year: number, certificate: string) => ({
    teacher,
    year,
    level: '县级',
    mode: '集中培训',
    hours: 90,
    certificate,
  });
  const codes = (records: ReturnType<typeof row>[]) =>
    checkTable(rosterOf(records), { rules: RULES.qitai, asOf: TODAY }).records.map((r) =>
      r.issues.map((i) => i.code).filter((c) => c.startsWith('CERTIFICATE_')),
    );

  test('a number on two teachers: an error on the rows of both, none on a third teacher', () => {
    expect(
      codes([
        row('T1', 2024, '0707200001'),
        row('T1', 2025, '0707200001'),
        row('T2', 2024, '0707200001'),
        row('T3', 2024, '0707200003'),
      ]),
    ).toEqual([['CERTIFICATE_SHARED'], ['CERTIFICATE_SHARED'], ['CERTIFICATE_SHARED'], []]);
  });

  test('a teacher with two numbers: a warning on each of that teacher’s rows only', () => {
    expect(
      codes([row('T1', 2024, '0707200001'), row('T1', 2025, '0707200002'), row('T2', 2024, '0707200003')]),
    ).toEqual([['CERTIFICATE_MULTIPLE'], ['CERTIFICATE_MULTIPLE'], []]);
  });
});
