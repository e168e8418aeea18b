/**
 * Runs the command line built from today's sources into test-output/cli (not dist/cli: `npm run
 * build` owns that file, and a test must not leave its own build there).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { INDEX_FILE } from '../../src/cli/outdir';

export const CLI = path.resolve('test-output/cli/sina-reader.mjs');

/** The same build as `npm run build` does for the command line, so the test sees today's sources. */
export async function buildCli(): Promise<void> {
  await build({
    entryPoints: ['src/cli/main.ts'],
    outfile: CLI,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: '"0.0.0-test"', __E2E__: 'false' },
    logLevel: 'error',
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Non-empty stderr lines. */
  lines: string[];
}

export function runCli(args: string[], cwd: string): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C', TZ: 'Asia/Shanghai' },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stderr.split('\n').filter((l) => l.trim()) };
}

/** A fresh scratch directory holding `files` (name → bytes or text). */
export function scratchDir(files: Record<string, Uint8Array | string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sina-broken-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

/** Every file under `dir`, recursively, relative to it. */
/** Files left in dir, save the batch's resume index (src/cli/outdir.ts): temp files count. */
export function listFiles(dir: string): string[] {
  return fs.existsSync(dir)
    ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => path.basename(f) !== INDEX_FILE && fs.statSync(path.join(dir, f)).isFile()).sort()
    : [];
}
