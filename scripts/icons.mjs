#!/usr/bin/env node
// Draws the extension icon from ONE vector description (below) into icons/icon.svg and
// icons/icon-{16,32,48,128}.png, with a tiny supersampling rasteriser and a PNG encoder on
// node:zlib: no image library needed. Run after changing the drawing: node scripts/icons.mjs
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const RED = '#d0202e';
const GREY = '#c3c9d2';
const WHITE = '#ffffff';

/** The drawing, on a 128 × 128 canvas, painted in order. */
export const DRAWING = [
  { kind: 'rect', x: 4, y: 4, w: 120, h: 120, r: 26, fill: RED },        // tile
  { kind: 'rect', x: 26, y: 18, w: 76, h: 92, r: 9, fill: WHITE },       // the page
  { kind: 'rect', x: 37, y: 32, w: 44, h: 8, r: 4, fill: GREY },         // headline
  { kind: 'rect', x: 37, y: 47, w: 54, h: 7, r: 3.5, fill: GREY },       // text
  { kind: 'rect', x: 37, y: 60, w: 34, h: 7, r: 3.5, fill: GREY },
  { kind: 'line', points: [[38, 94], [54, 80], [66, 88], [88, 70]], width: 9, stroke: RED }, // the market
  { kind: 'circle', cx: 88, cy: 70, r: 7.5, fill: RED },
];
const SIZES = [16, 32, 48, 128];

/* ---------- geometry: is a point of the 128-unit canvas inside a shape? ---------- */

function insideRect({ x, y, w, h, r }, px, py) {
  if (px < x || py < y || px > x + w || py > y + h) return false;
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inside(shape, px, py) {
  switch (shape.kind) {
    case 'rect': return insideRect(shape, px, py);
    case 'circle': return (px - shape.cx) ** 2 + (py - shape.cy) ** 2 <= shape.r ** 2;
    case 'line': {
      for (let i = 1; i < shape.points.length; i++) {
        if (distanceToSegment(px, py, shape.points[i - 1], shape.points[i]) <= shape.width / 2) return true;
      }
      return false;
    }
    default: throw new Error(`unknown shape ${shape.kind}`);
  }
}

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** RGBA pixels; each pixel averages SS × SS samples (premultiplied, so edges blend cleanly). */
export function rasterise(drawing, size, ss = 8) {
  const scale = 128 / size;
  const colours = drawing.map((s) => rgb(s.fill ?? s.stroke));
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const px = (x + (sx + 0.5) / ss) * scale;
          const py = (y + (sy + 0.5) / ss) * scale;
          for (let i = drawing.length - 1; i >= 0; i--) {
            if (inside(drawing[i], px, py)) {
              const [cr, cg, cb] = colours[i];
              r += cr; g += cg; b += cb; a += 1;
              break;
            }
          }
        }
      }
      const o = (y * size + x) * 4;
      if (a) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
        out[o + 3] = Math.round((a / (ss * ss)) * 255);
      }
    }
  }
  return out;
}

/* ---------- PNG: signature, IHDR, one IDAT, IEND ---------- */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng(rgba, width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/* ---------- the same drawing as SVG ---------- */

export function toSvg(drawing) {
  const body = drawing.map((s) => {
    if (s.kind === 'rect') return `<rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r}" fill="${s.fill}"/>`;
    if (s.kind === 'circle') return `<circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${s.fill}"/>`;
    const pts = s.points.map((p) => p.join(',')).join(' ');
    return `<polyline points="${pts}" fill="none" stroke="${s.stroke}" stroke-width="${s.width}" stroke-linecap="round" stroke-linejoin="round"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">\n  ${body.join('\n  ')}\n</svg>\n`;
}

async function main() {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'icons');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'icon.svg'), toSvg(DRAWING));
  for (const size of SIZES) {
    const png = encodePng(rasterise(DRAWING, size), size, size);
    await writeFile(path.join(dir, `icon-${size}.png`), png);
    console.log(`icons/icon-${size}.png  ${png.length} bytes`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
