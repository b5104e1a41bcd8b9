// Table-driven tests of the puer rules: the tables are in cases/puer.ts.
import { runConversions, runJudgements } from './table';
import { conversions, judgements } from './cases/puer';

runConversions('puer', conversions);
runJudgements('puer', judgements);
