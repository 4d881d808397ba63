// Renders Mend's icons from the two SVG sources with Debian's Chromium (no image tools needed):
// app/icon.svg → favicon.ico (16, 32, 48), public/icons/icon-192.png and icon-512.png; public/icons/maskable.svg
// (full-bleed, safe zone respected) → maskable-512.png and app/apple-icon.png (180, iOS fills the corners itself).
// Run after changing either SVG: `node scripts/make-icons.mjs`.
import fs from 'node:fs';
import { chromium } from '@playwright/test';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage();

async function render(svgPath, size) {
  const svg = fs.readFileSync(svgPath, 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

/** An .ico holding PNG images (supported by every current browser). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

fs.mkdirSync('public/icons', { recursive: true });
fs.writeFileSync('public/icons/icon-192.png', await render('app/icon.svg', 192));
fs.writeFileSync('public/icons/icon-512.png', await render('app/icon.svg', 512));
fs.writeFileSync('public/icons/maskable-512.png', await render('public/icons/maskable.svg', 512));
fs.writeFileSync('app/apple-icon.png', await render('public/icons/maskable.svg', 180));
const small = [];
for (const size of [16, 32, 48]) small.push({ size, png: await render('app/icon.svg', size) });
fs.writeFileSync('app/favicon.ico', ico(small));
await browser.close();
console.log('Icons written.');
