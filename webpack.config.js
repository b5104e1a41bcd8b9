/* eslint-disable no-console */
// Builds dist/: the shared-runtime page (task pane + custom functions + ribbon
// commands in one bundle), functions.json generated from the JSDoc of
// src/functions/functions.ts, its Chinese twin functions.zh-CN.json, the icons, and a
// manifest whose URLs point at ADDIN_BASE_URL (default https://localhost:3000/).
const path = require('path');
const fs = require('fs');
const os = require('os');
const { sources, Compilation, WebpackError } = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const DEV_URL = 'https://localhost:3000/';
const baseUrl = (process.env.ADDIN_BASE_URL || DEV_URL).replace(/\/?$/, '/');

/** Emits functions.zh-CN.json: functions.json with Chinese names and help; every entry must be translated. */
class ChineseMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ChineseMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ChineseMetadataPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset('functions.json');
        if (!asset) return;
        const help = JSON.parse(fs.readFileSync(path.resolve(__dirname, 'src/functions/help.zh-CN.json'), 'utf8'));
        const meta = JSON.parse(asset.source.source().toString());
        const missing = [];
        for (const f of meta.functions) {
          const zh = help[f.id];
          if (!zh) { missing.push(f.id); continue; }
          f.description = zh.description;
          if (f.result) f.result.description = zh.result;
          for (const p of f.parameters) {
            const tr = zh.parameters[p.name];
            if (!tr) { missing.push(`${f.id}.${p.name}`); continue; }
            [p.name, p.description] = tr;
          }
        }
        if (missing.length) compilation.errors.push(new WebpackError(`help.zh-CN.json lacks: ${missing.join(', ')}`));
        compilation.emitAsset('functions.zh-CN.json', new sources.RawSource(JSON.stringify(meta, null, 2)));
      });
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
    return { type: 'https', options: { key: fs.readFileSync(key), cert: fs.readFileSync(cert), ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}) } };
  }
  console.warn('[dev-server] no dev certificate in ~/.office-addin-dev-certs: serving http. Run `npx office-addin-dev-certs install` for https (Office needs https to sideload).');
  return { type: 'http' };
}

module.exports = (env, argv) => {
  const dev = argv.mode === 'development';
  return {
    devtool: dev ? 'source-map' : false,
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json' } } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new ChineseMetadataPlugin(),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'src/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (baseUrl === DEV_URL ? content : content.toString().split(DEV_URL).join(baseUrl)),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: devServerOptions(),
      static: { directory: path.resolve(__dirname, 'dist') },
    },
  };
};
