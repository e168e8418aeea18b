/** Command-line arguments, checked. */
import type { Preset, StockLinkMode } from '../core/types';

export interface Args {
  command: 'export' | 'help' | 'version';
  /** Paths and URLs as given on the command line, then the lines of --from files. */
  inputs: string[];
  from: string[];
  url: string | null;
  format: 'md' | 'json';
  preset: Preset;
  stockLinks: StockLinkMode;
  out: string | null;
  force: boolean;
  /** Where images go; null: nowhere (the links stay remote). */
  images: ImagePlace | null;
  jobs: number;
  skipExisting: boolean;
  /** Requests per second to one host. */
  rate: number;
  timeoutSeconds: number;
  retries: number;
  /** host → address, like curl --resolve: read a mirror or a local copy under the page's own URL. */
  resolve: Map<string, string>;
}

/** One folder for the whole batch, or a folder beside each file named after it (as the extension saves). */
export type ImagePlace = { kind: 'folder'; dir: string } | { kind: 'beside' };

const choices = {
  '--format': ['md', 'json'],
  '--preset': ['hexo', 'obsidian', 'plain'],
  '--stock-links': ['words', 'links', 'ticker'],
} as const;

/** Numeric options and the range each may take. */
const numbers = {
  '--jobs': { key: 'jobs', min: 1, max: 64, integer: true },
  '--rate': { key: 'rate', min: 0.01, max: 100, integer: false },
  '--timeout': { key: 'timeoutSeconds', min: 0.1, max: 600, integer: false },
  '--retries': { key: 'retries', min: 0, max: 10, integer: true },
} as const;

const valued = new Set(['--url', '--out', '--from', '--images', '--resolve']);

export function parseArgs(argv: string[]): Args | null {
  const args: Args = {
    command: 'export', inputs: [], from: [], url: null, format: 'md', preset: 'hexo', stockLinks: 'words', out: null,
    force: false, images: null, jobs: 1, skipExisting: false, rate: 2, timeoutSeconds: 30, retries: 2, resolve: new Map(),
  };
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { ...args, command: 'help' };
  if (command === '--version' || command === '-v') return { ...args, command: 'version' };
  if (command !== 'export') return null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--force') args.force = true;
    else if (a === '--skip-existing') args.skipExisting = true;
    else if (a === '--images-beside') args.images = { kind: 'beside' };
    else if (a === '--help' || a === '-h') return { ...args, command: 'help' };
    else if (valued.has(a) || a in choices || a in numbers) {
      const v = rest[++i];
      if (v === undefined || !setValue(args, a, v)) return null;
    } else if (a.startsWith('--')) return null;
    else args.inputs.push(a);
  }
  return args.inputs.length || args.from.length ? args : null;
}

function setValue(args: Args, option: string, v: string): boolean {
  if (option === '--url') args.url = v;
  else if (option === '--out') args.out = v;
  else if (option === '--from') args.from.push(v);
  else if (option === '--images') args.images = { kind: 'folder', dir: v };
  else if (option === '--resolve') {
    const m = /^([^:\s]+):(\S+)$/.exec(v);
    if (!m) return false;
    args.resolve.set(m[1].toLowerCase(), m[2]);
  } else if (option in numbers) {
    const spec = numbers[option as keyof typeof numbers];
    const n = Number(v);
    if (!Number.isFinite(n) || n < spec.min || n > spec.max || (spec.integer && !Number.isInteger(n))) return false;
    (args[spec.key] as number) = n;
  } else {
    const allowed = choices[option as keyof typeof choices] as readonly string[];
    if (!allowed.includes(v)) return false;
    if (option === '--format') args.format = v as Args['format'];
    else if (option === '--preset') args.preset = v as Preset;
    else args.stockLinks = v as StockLinkMode;
  }
  return true;
}
