#!/usr/bin/env node
// Store packages from the release builds: dist/packages/sina-reader-firefox-<v>.zip (web-ext build)
// and dist/packages/sina-reader-chrome-<v>.zip. Runs `web-ext lint` on dist/firefox first and exits
// non-zero on any error or warning. Run `npm run build` first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'packages');
const webExt = path.join(root, 'node_modules', '.bin', 'web-ext');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

function run(args) {
  return execFileSync(webExt, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

function lint() {
  const report = JSON.parse(run(['lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-input']));
  const { errors, warnings, notices } = report.summary;
  for (const m of [...report.errors, ...report.warnings]) console.error(`  ${m._type}: ${m.code} ${m.message} (${m.file ?? ''})`);
  console.log(`web-ext lint dist/firefox: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  return errors === 0 && warnings === 0;
}

/* A small zip writer (deflate, no dependencies), for the Chrome Web Store package. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function filesIn(dir, base = dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesIn(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

function zipFolder(dir, file) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const name of filesIn(dir)) {
    const data = readFileSync(path.join(dir, name));
    const packed = deflateRawSync(data, { level: 9 });
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00, so the zip is reproducible
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + packed.length;
  }
  const dirBuf = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dirBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, dirBuf, end]));
}

function main() {
  for (const b of ['chrome', 'firefox']) {
    if (!existsSync(path.join(root, 'dist', b, 'manifest.json'))) throw new Error(`dist/${b} is missing: run npm run build first`);
  }
  // Packages are made either way (to look at); a lint error or warning still fails the command.
  if (!lint()) process.exitCode = 1;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  run(['build', '--source-dir', 'dist/firefox', '--artifacts-dir', out, '--overwrite-dest', '--no-input', '--filename', `sina-reader-firefox-${version}.zip`]);
  const chromeZip = path.join(out, `sina-reader-chrome-${version}.zip`);
  zipFolder(path.join(root, 'dist', 'chrome'), chromeZip + '.tmp');
  renameSync(chromeZip + '.tmp', chromeZip);
  for (const f of readdirSync(out)) console.log(`dist/packages/${f}  ${(statSync(path.join(out, f)).size / 1024).toFixed(1)} KB`);
}

try {
  main();
} catch (err) {
  console.error(`package: ${err.message ?? err}`);
  process.exitCode = 1;
}
