// Renders the PWA icons (frontend/public/icons/*.png) from the app's check mark, offline, with sharp.
// Run after changing the artwork: node frontend/scripts/generate-icons.mjs (the PNGs are committed).
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "public", "icons");
mkdirSync(out, { recursive: true });

const mark = `<path d="M9 16.5l4.5 4.5L23 11.5" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>`;
// "any": the rounded tile of icon.svg. "maskable": full-bleed background, the mark inside the 80% safe zone.
const any = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#171717"/>${mark}</svg>`;
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#171717"/><g transform="translate(3.2 3.2) scale(0.8)">${mark}</g></svg>`;

const jobs = [
  ["icon-192.png", any, 192],
  ["icon-512.png", any, 512],
  ["maskable-512.png", maskable, 512],
  ["apple-touch-icon.png", maskable, 180],
  ["badge-96.png", any, 96],
];
for (const [name, svg, size] of jobs) {
  await sharp(Buffer.from(svg), { density: 72 * (size / 32) })
    .resize(size, size)
    .png()
    .toFile(join(out, name));
  console.log(`${name} ${size}x${size}`);
}
