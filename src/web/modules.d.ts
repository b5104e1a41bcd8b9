// What webpack gives the web page's code (webpack.config.js): the worker's own bundle as text, and a
// folder's files as modules (the bundled samples, as data: URLs).
declare module 'cpd-web-worker' {
  const source: string;
  export default source;
}

interface WebpackContext {
  keys(): string[];
  (id: string): unknown;
}

declare namespace NodeJS {
  interface Require {
    context(directory: string, subdirectories: boolean, filter: RegExp): WebpackContext;
  }
}
