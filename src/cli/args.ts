/** Command-line arguments, checked. */
import type { Preset, StockLinkMode } from '../core/types';

export interface Args {
  command: 'export' | 'help' | 'version';
  inputs: string[];
  url: string | null;
  format: 'md' | 'json';
  preset: Preset;
  stockLinks: StockLinkMode;
  out: string | null;
  force: boolean;
}

const choices = {
  '--format': ['md', 'json'],
  '--preset': ['hexo', 'obsidian', 'plain'],
  '--stock-links': ['words', 'links', 'ticker'],
} as const;

export function parseArgs(argv: string[]): Args | null {
  const args: Args = { command: 'export', inputs: [], url: null, format: 'md', preset: 'hexo', stockLinks: 'words', out: null, force: false };
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { ...args, command: 'help' };
  if (command === '--version' || command === '-v') return { ...args, command: 'version' };
  if (command !== 'export') return null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--force') args.force = true;
    else if (a === '--help' || a === '-h') return { ...args, command: 'help' };
    else if (a === '--url' || a === '--out' || a in choices) {
      const v = rest[++i];
      if (v === undefined) return null;
      if (a === '--url') args.url = v;
      else if (a === '--out') args.out = v;
      else if (!(choices[a as keyof typeof choices] as readonly string[]).includes(v)) return null;
      else if (a === '--format') args.format = v as Args['format'];
      else if (a === '--preset') args.preset = v as Preset;
      else args.stockLinks = v as StockLinkMode;
    } else if (a.startsWith('--')) return null;
    else args.inputs.push(a);
  }
  return args.inputs.length ? args : null;
}
