// Table-driven tests of the shandong rules: the tables are in cases/shandong.ts.
import { runConversions, runJudgements } from './table';
import { conversions, judgements } from './cases/shandong';

runConversions('shandong', conversions);
runJudgements('shandong', judgements);
