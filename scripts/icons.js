#!/usr/bin/env node
// Renders assets/icon.svg to the PNG sizes the add-in manifest references
// (assets/icon-16.png … icon-128.png) in headless Chromium via playwright-core.
//
//   node scripts/icons.js            # write the PNGs
//
// The PNGs are committed; the webpack build only copies them. Re-run this script
// after editing assets/icon.svg. Chromium comes from `apt-get install -y chromium`;
// set CHROMIUM_PATH to use another binary.
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SVG = path.join(ROOT, 'assets', 'icon.svg');
const SIZES = [16, 32, 64, 80, 128];
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
  }
  const { chromium } = require('playwright-core');
  const svg = fs.readFileSync(SVG);
  const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        '<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}' +
          'img{display:block}</style></head><body>' +
          `<img id="icon" width="${size}" height="${size}" src="${src}"></body></html>`,
      );
      await page.waitForFunction(() => {
        const img = document.getElementById('icon');
        return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
      });
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      const out = path.join(ROOT, 'assets', `icon-${size}.png`);
      fs.writeFileSync(out, png);
      console.log(`wrote ${path.relative(ROOT, out)} (${size}x${size}, ${png.length} bytes)`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(`icons: ${err.message}`);
  process.exit(1);
});
