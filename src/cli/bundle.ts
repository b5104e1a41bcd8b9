// The CLI as one file (scripts/bundle-cli.js bundles lib/ from here into lib/cli/cpd-credits.js, which
// bin/cpd-credits.js runs with V8's code cache). An entry of its own that only re-exports: main.ts's
// `require.main === module` is then false inside the bundle, so loading the bundle runs nothing.
export { main, run } from './main';
