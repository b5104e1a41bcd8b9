// Table-driven tests of the zhengzhou rules: the tables are in cases/zhengzhou.ts.
import { runConversions, runJudgements } from './table';
import { conversions, judgements } from './cases/zhengzhou';

runConversions('zhengzhou', conversions);
runJudgements('zhengzhou', judgements);
