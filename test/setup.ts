// fast-check runs from a fixed seed, so that CI is reproducible; set FC_SEED to explore
// other corners (a failure prints the seed and path that replay it).
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261123) });
