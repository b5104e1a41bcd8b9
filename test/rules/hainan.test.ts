// Table-driven tests of the hainan rules: the tables are in cases/hainan.ts.
import { runConversions, runJudgements } from './table';
import { conversions, judgements } from './cases/hainan';

runConversions('hainan', conversions);
runJudgements('hainan', judgements);
