// Builds dist/ for one environment:
//   npm run build       production: ADDIN_BASE_URL (or --env addinBaseUrl=…) is required
//   npm run build:dev   development, https://localhost:3000/ (also `npm run dev-server`)
// The page taskpane.html loads Office.js and one small entry (custom functions, ribbon
// command, workbook settings); the React pane, the ribbon's validation and the
// standalone preview are chunks loaded on demand. index.html is the checker as a page of
// its own, for people without the add-in (WPS, older Office): no Office.js, a policy that
// forbids every connection, its worker built as one script (WorkerBundlePlugin) and the
// samples inside its chunks. Also written: functions.json from the JSDoc of
// src/functions/functions.ts, its Chinese twin functions.zh-CN.json, the icons,
// help.html, rules.html (from docs/rules.md) and dist/manifest.xml (scripts/manifest.js);
// for production, .gz and .br copies of every text asset.
const path = require('path');
const fs = require('fs');
const os = require('os');
const zlib = require('zlib');
const webpack = require('webpack');
const { sources, Compilation, DefinePlugin, WebpackError } = webpack;
const HtmlWebpackPlugin = require('html-webpack-plugin');
const MinimizerPlugin = require('minimizer-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { DEV_BASE, VARIANTS, buildManifest, manifestVersion } = require('./scripts/manifest');
const pkg = require('./package.json');

const MICROSOFT_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** A configuration error for a person, not a bug: webpack-cli prints its message alone, without a stack. */
function configError(message) {
  const e = new Error(message);
  e.stack = message;
  return e;
}

/** Where dist/ is served, and which Office.js: from the environment, checked, or a clear error. */
function settingsFor(env, dev) {
  const raw = (env && env.addinBaseUrl) || process.env.ADDIN_BASE_URL;
  let baseUrl = DEV_BASE;
  if (!dev) {
    if (!raw) {
      throw configError(
        'npm run build makes the production add-in and needs ADDIN_BASE_URL: the https:// address where dist/ ' +
          'will be served, e.g.\n  ADDIN_BASE_URL=https://cpd.example.edu.cn/addin/ npm run build\n' +
          '  (or: npm run build -- --env addinBaseUrl=https://cpd.example.edu.cn/addin/)\n' +
          'For a development build on https://localhost:3000/ run npm run build:dev.',
      );
    }
    baseUrl = String(raw).replace(/\/?$/, '/');
    let u;
    try {
      u = new URL(baseUrl);
    } catch {
      throw configError(`ADDIN_BASE_URL "${raw}" is not an absolute URL (e.g. https://cpd.example.edu.cn/addin/)`);
    }
    if (u.protocol !== 'https:')
      throw configError(`ADDIN_BASE_URL "${raw}" must use https:// (Office loads add-ins only over https)`);
    if (/^(localhost|127\.|\[::1\])/.test(u.hostname)) {
      throw configError(`ADDIN_BASE_URL "${raw}" points at this computer: for a local build use npm run build:dev`);
    }
  }
  const officeJsUrl = process.env.OFFICE_JS_URL || MICROSOFT_OFFICE_JS;
  let officeOrigin;
  try {
    officeOrigin = new URL(officeJsUrl).origin;
  } catch {
    throw configError(`OFFICE_JS_URL "${officeJsUrl}" is not an absolute URL`);
  }
  if (!officeJsUrl.startsWith('https://')) throw configError(`OFFICE_JS_URL "${officeJsUrl}" must use https://`);
  return { baseUrl, officeJsUrl, officeOrigin };
}

/**
 * The pages' Content-Security-Policy: scripts only from the add-in's own origin and
 * the Office.js CDN, no plugins, no foreign frames or connections. Styles may be
 * inline: Fluent UI (Griffel) inserts its rules at run time, and so does Office.js.
 */
function contentSecurityPolicy(officeOrigin) {
  return [
    "default-src 'self'",
    `script-src 'self' ${officeOrigin}`,
    `connect-src 'self' ${officeOrigin}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * index.html's policy: its own files only, and no connection at all (connect-src 'none': no fetch, no
 * XHR, no WebSocket, not even to its own server) — a file chosen in the page cannot be sent anywhere. The
 * worker is started from a blob of its script (a worker cannot be started from file://), downloads are blob:
 * URLs; styles inline for Fluent UI (Griffel).
 */
const WEB_CSP = [
  "default-src 'self'",
  "connect-src 'none'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The style of the page under the views, inlined into taskpane.html and index.html alike. */
const PAGE_STYLE = fs.readFileSync(path.resolve(__dirname, 'src', 'taskpane', 'page.css'), 'utf8');

/** Where the web page's worker script is built before the pages are (one folder per mode). */
const WORKER_CACHE = path.resolve(__dirname, 'node_modules', '.cache', 'cpd-web-worker');

/**
 * The file layer loads SheetJS on first use, by require (src/files/sheetjs.ts): in the bundles that name is the
 * library's ES module, as the static import it replaced resolved to (not its CommonJS build).
 */
const SHEETJS_ALIAS = { '@e965/xlsx$': path.resolve(__dirname, 'node_modules', '@e965', 'xlsx', 'xlsx.mjs') };

/**
 * Production scripts minified by SWC's minifier rather than webpack's default, Terser: the same plugin
 * (licence comments still go to .LICENSE.txt files), about twenty times less CPU. Terser took ~2 of the 2½
 * minutes of a production build on a 2-core machine, the largest single step of `npm test`.
 */
const minimizer = () => [
  new MinimizerPlugin({ minify: MinimizerPlugin.swcMinify, minimizerOptions: { compress: { passes: 2 } } }),
];

/** TypeScript through ts-loader, as ES modules for webpack (tsc for the CLI and jest keep CommonJS). */
const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    // with CommonJS webpack cannot tree-shake, and all of Fluent UI's icons ship
    options: {
      transpileOnly: true,
      configFile: 'tsconfig.json',
      compilerOptions: { module: 'esnext', moduleResolution: 'bundler' },
    },
  },
};

/**
 * The web page's worker (src/web/worker.ts) as one self-contained script, built by a compiler of its own
 * before each build of the pages; index.html's code takes it in as text (cpd-web-worker, asset/source)
 * and starts it from a blob. A worker loaded by URL would be refused on file://, and a script that loads
 * chunks could not load them from a blob: so one file, no chunks.
 */
class WorkerBundlePlugin {
  constructor(mode) {
    this.mode = mode;
    this.compiler = null;
  }
  apply(compiler) {
    compiler.hooks.beforeCompile.tapPromise('WorkerBundlePlugin', () => {
      this.compiler ??= webpack({
        mode: this.mode,
        name: 'web-worker',
        target: 'webworker',
        devtool: false,
        entry: './src/web/worker.ts',
        context: __dirname,
        output: { path: path.join(WORKER_CACHE, this.mode), filename: 'worker.js', iife: true },
        resolve: { extensions: ['.ts', '.tsx', '.js'], alias: SHEETJS_ALIAS },
        module: { rules: [tsRule] },
        optimization: { splitChunks: false, runtimeChunk: false, minimizer: minimizer() },
        performance: { hints: false },
        plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
      });
      return new Promise((resolve, reject) =>
        this.compiler.run((err, stats) => {
          if (err) return reject(err);
          if (stats.hasErrors()) return reject(new Error(`web worker: ${stats.toString('errors-only')}`));
          resolve();
        }),
      );
    });
    // the licences of what the worker bundles, beside the pages as the script's own comment says
    compiler.hooks.thisCompilation.tap('WorkerBundlePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'WorkerBundlePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const file = path.join(WORKER_CACHE, this.mode, 'worker.js.LICENSE.txt');
          if (fs.existsSync(file))
            compilation.emitAsset('worker.js.LICENSE.txt', new sources.RawSource(fs.readFileSync(file)));
        },
      );
    });
  }
}

/** functions.zh-CN.json (Chinese names and help; every entry translated) and allowErrorForDataTypeAny in both. */
class MetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('MetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'MetadataPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset('functions.json');
          if (!asset) return;
          // the generator cannot emit allowErrorForDataTypeAny: without it a range holding one
          // error cell never reaches the function, and Excel answers #N/A with no word of where
          const meta = { allowErrorForDataTypeAny: true, ...JSON.parse(asset.source.source().toString()) };
          compilation.updateAsset('functions.json', new sources.RawSource(JSON.stringify(meta, null, 2)));
          const help = JSON.parse(fs.readFileSync(path.resolve(__dirname, 'src/functions/help.zh-CN.json'), 'utf8'));
          const zh = JSON.parse(JSON.stringify(meta));
          const missing = [];
          for (const f of zh.functions) {
            const h = help[f.id];
            if (!h) {
              missing.push(f.id);
              continue;
            }
            f.description = h.description;
            if (f.result) f.result.description = h.result;
            for (const p of f.parameters) {
              const tr = h.parameters[p.name];
              if (!tr) {
                missing.push(`${f.id}.${p.name}`);
                continue;
              }
              [p.name, p.description] = tr;
            }
          }
          if (missing.length) compilation.errors.push(new WebpackError(`help.zh-CN.json lacks: ${missing.join(', ')}`));
          compilation.emitAsset('functions.zh-CN.json', new sources.RawSource(JSON.stringify(zh, null, 2)));
        },
      );
    });
  }
}

/** dist/manifest.xml for this environment (scripts/manifest.js); any step that finds nothing fails the build. */
class ManifestPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const file = path.resolve(__dirname, 'manifest.xml');
    compiler.hooks.thisCompilation.tap('ManifestPlugin', (compilation) => {
      compilation.fileDependencies.add(file);
      compilation.hooks.processAssets.tap(
        { name: 'ManifestPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          try {
            const text = buildManifest(fs.readFileSync(file, 'utf8'), this.options);
            compilation.emitAsset('manifest.xml', new sources.RawSource(text));
          } catch (e) {
            compilation.errors.push(new WebpackError(e.message));
          }
        },
      );
    });
  }
}

/** The page must load the Office.js chosen for this build: fail if the template lost it. */
class OfficeJsCheckPlugin {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('OfficeJsCheckPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'OfficeJsCheckPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const html = compilation.getAsset('taskpane.html');
          const tag = new RegExp(`<script[^>]*\\ssrc=["']?${this.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["' >]`);
          if (!html || !tag.test(html.source.source().toString())) {
            compilation.errors.push(
              new WebpackError(
                `taskpane.html does not load ${this.url}: src/taskpane/taskpane.html lost its Office.js script tag`,
              ),
            );
          }
        },
      );
    });
  }
}

/**
 * dist/rules.html from docs/rules.md: the rules as the administrators' document says them, shipped with
 * the add-in so that the pane's "why" view can link a region's section (rules.html#region-<id>) without
 * any request leaving the add-in's host. The same CSP as help.html: no script at all.
 */
class RulesPagePlugin {
  apply(compiler) {
    const file = path.resolve(__dirname, 'docs/rules.md');
    compiler.hooks.thisCompilation.tap('RulesPagePlugin', (compilation) => {
      compilation.fileDependencies.add(file);
      compilation.hooks.processAssets.tapPromise(
        { name: 'RulesPagePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          // marked is an ES module only; this CommonJS config loads it when the page is built
          const { marked } = await import('marked');
          const body = await marked.parse(fs.readFileSync(file, 'utf8'), { gfm: true, async: true });
          compilation.emitAsset('rules.html', new sources.RawSource(rulesPage(body)));
        },
      );
    });
  }
}

function rulesPage(body) {
  const csp =
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; " +
    "base-uri 'self'; form-action 'none'";
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <meta http-equiv="Content-Security-Policy" content="${csp}" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>学分规则说明 · The rules</title>
  <style>
    body { font-family: "Segoe UI", "Microsoft YaHei", "PingFang SC", sans-serif; max-width: 960px; margin: 2em auto;
      padding: 0 1em; line-height: 1.6; color: #242424; }
    code { background: #f3f3f3; padding: 0 .3em; border-radius: 3px; overflow-wrap: anywhere; }
    pre { background: #f3f3f3; padding: .6em; overflow-x: auto; }
    pre code { padding: 0; }
    table { border-collapse: collapse; display: block; overflow-x: auto; }
    td, th { border-bottom: 1px solid #ddd; padding: .3em .6em; text-align: left; vertical-align: top; }
    blockquote { margin: .5em 0; padding: 0 1em; border-left: 3px solid #ccc; color: #555; }
    h2 { border-bottom: 1px solid #e0e0e0; padding-bottom: .2em; }
    :target + h3, :target + h2 { background: #fff4ce; }
  </style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** .gz and .br copies of text assets, for static servers that serve precompressed files. */
class PrecompressPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'PrecompressPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!/\.(js|html|json|xml|css|svg|txt)$/.test(name)) continue;
            const buf = Buffer.from(compilation.getAsset(name).source.buffer());
            if (buf.length < 1024) continue;
            compilation.emitAsset(`${name}.gz`, new sources.RawSource(zlib.gzipSync(buf, { level: 9 })));
            const br = zlib.brotliCompressSync(buf, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
              },
            });
            compilation.emitAsset(`${name}.br`, new sources.RawSource(br));
          }
        },
      );
    });
  }
}

function devServerOptions() {
  // office-addin-dev-certs puts a trusted localhost certificate here; without it
  // (CI, or before `npx office-addin-dev-certs install`) the server falls back to http.
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const key = path.join(dir, 'localhost.key');
  const cert = path.join(dir, 'localhost.crt');
  const ca = path.join(dir, 'ca.crt');
  if (process.env.DEV_HTTP !== '1' && fs.existsSync(key) && fs.existsSync(cert)) {
    return {
      type: 'https',
      options: {
        key: fs.readFileSync(key),
        cert: fs.readFileSync(cert),
        ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}),
      },
    };
  }
  console.warn(
    '[dev-server] no dev certificate in ~/.office-addin-dev-certs: serving http. Run `npx office-addin-dev-certs install` for https (Office needs https to sideload).',
  );
  return { type: 'http' };
}

module.exports = (env, argv) => {
  const dev = argv.mode === 'development';
  const environment = dev ? 'development' : 'production';
  const { baseUrl, officeJsUrl, officeOrigin } = settingsFor(env, dev);
  const version = manifestVersion(pkg.version);
  return {
    devtool: dev ? 'source-map' : false,
    entry: { taskpane: './src/addin/entry.ts', index: './src/web/entry.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      alias: { 'cpd-web-worker$': path.join(WORKER_CACHE, argv.mode, 'worker.js'), ...SHEETJS_ALIAS },
    },
    module: {
      rules: [
        tsRule,
        // the web worker's script, as text (WorkerBundlePlugin)
        { test: /worker\.js$/, include: WORKER_CACHE, type: 'asset/source' },
        // the bundled samples inside the web page's chunks: a page that may fetch nothing still has them
        { test: /\.(xlsx|csv)$/, include: path.resolve(__dirname, 'assets/samples'), type: 'asset/inline' },
      ],
    },
    performance: { hints: false },
    optimization: {
      minimizer: minimizer(),
      splitChunks: {
        cacheGroups: {
          // webpack's own vendors group, but for the web worker's script (under node_modules/.cache): that
          // stays in the one chunk that imports it, rather than a vendors chunk beside a stub
          defaultVendors: {
            test: /[\\/]node_modules[\\/](?!\.cache[\\/])/,
            idHint: 'vendors',
            priority: -10,
            reuseExistingChunk: true,
          },
        },
      },
    },
    plugins: [
      new DefinePlugin({
        __CPD_BUILD__: JSON.stringify({ version, env: environment, namespace: VARIANTS[environment].namespace }),
      }),
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new MetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJsUrl, csp: contentSecurityPolicy(officeOrigin), pageStyle: PAGE_STYLE },
      }),
      new OfficeJsCheckPlugin(officeJsUrl),
      new WorkerBundlePlugin(argv.mode),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/web/index.html',
        chunks: ['index'],
        templateParameters: { csp: WEB_CSP, pageStyle: PAGE_STYLE },
      }),
      new RulesPagePlugin(),
      new ManifestPlugin({ env: environment, baseUrl, version }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'src/help.html', to: 'help.html' },
        ],
      }),
      ...(dev ? [] : [new PrecompressPlugin()]),
    ],
    devServer: {
      port: 3000,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      // only when serving: a plain build needs no certificate (and no warning about one)
      ...(process.env.WEBPACK_SERVE ? { server: devServerOptions() } : {}),
      static: { directory: path.resolve(__dirname, 'dist') },
    },
  };
};
