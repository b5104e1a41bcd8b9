// What every page measurement shares: the production build in a folder, a static server for it (as the README's
// hosting section describes: files only, precompressed .gz where the browser takes gzip), and Debian's Chromium
// with the flags this machine needs. The browser tests use the same pieces (test/e2e/harness.ts).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser } from 'playwright-core';

const ROOT = path.join(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.css': 'text/css',
};

/** The production add-in and web page built into `dir` (for a base URL that is never fetched). */
export function buildProduction(dir: string): void {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  execFileSync(
    process.execPath,
    [cli, '--mode', 'production', '--env', 'addinBaseUrl=https://example.test/cpd/', '--output-path', dir],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

export interface Served {
  url: string;
  close: () => Promise<void>;
}

/** `dir` as a static server serves it: the page's own files, nothing else; `/` is `index`. */
export async function serveDir(dir: string, o: { index?: string; gzip?: boolean } = {}): Promise<Served> {
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const file = path.join(dir, p === '/' ? (o.index ?? 'index.html') : p);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
    const gz = `${file}.gz`;
    if (o.gzip) headers['cache-control'] = 'no-store';
    if (o.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && fs.existsSync(gz)) {
      headers['content-encoding'] = 'gzip';
      res.writeHead(200, headers);
      fs.createReadStream(gz).pipe(res);
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Headless Chromium with no background traffic of its own (so that every request seen is the page's). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
