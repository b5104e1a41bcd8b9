// Table-driven tests of the qitai rules: the tables are in cases/qitai.ts.
import { checkCertificate } from '../../src/rules/qitai';
import { runConversions, runJudgements } from './table';
import { certificates, conversions, judgements } from './cases/qitai';

runConversions('qitai', conversions);
runJudgements('qitai', judgements);

describe('qitai: certificate numbers (checkCertificate)', () => {
  test.each(certificates.map((r) => [`${r.cite} — ${r.what}: ${r.input.certificate} ${r.expect.valid ? 'valid' : 'invalid'}`, r] as const))('%s', (_, row) => {
    const got = checkCertificate(row.input.certificate);
    expect(got.valid).toBe(row.expect.valid);
    if (row.expect.prefecture !== undefined) expect(got.parts?.prefecture).toBe(row.expect.prefecture);
    if (row.expect.county !== undefined) expect(got.parts?.county).toBe(row.expect.county);
    if (row.expect.schoolType !== undefined) expect(got.parts?.schoolType).toBe(row.expect.schoolType);
  });
});
