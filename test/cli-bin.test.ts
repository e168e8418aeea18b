/** The built command line (npm run build → dist/cli) runs by itself, with the node flags it names. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'dist/cli/sina-reader.mjs');

describe('dist/cli/sina-reader.mjs', () => {
  it('is built (run npm run build first) and executable', () => {
    expect(fs.existsSync(bin), bin).toBe(true);
    expect(fs.statSync(bin).mode & 0o111).not.toBe(0);
  });

  it('runs from its shebang with the flags of scripts/node-flags.mjs', () => {
    const flags = /CLI_NODE_FLAGS = \[([^\]]*)\]/.exec(fs.readFileSync(path.join(root, 'scripts/node-flags.mjs'), 'utf8'))![1];
    const want = flags.split(',').map((f) => f.trim().replace(/^'|'$/g, '')).filter(Boolean);
    expect(want.length).toBeGreaterThan(0);
    expect(fs.readFileSync(bin, 'utf8').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${want.join(' ')}`);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
