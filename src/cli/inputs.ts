/** What to read: the paths and URLs on the command line, then each line of the --from lists. */
import fs from 'node:fs';
import type { MessageKey } from './messages';

export type Input =
  | { kind: 'file'; label: string; path: string }
  | { kind: 'url'; label: string; url: string }
  /** A line that cannot be read at all: reported, and the batch goes on. */
  | { kind: 'bad'; label: string; reason: MessageKey };

/** Hosts whose pages the command line fetches: Sina's article sites and nothing else. */
export function isSinaPageHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return ['sina.com.cn', 'sina.cn'].some((d) => h === d || h.endsWith(`.${d}`));
}

/** Sina's own image hosts and article hosts: images elsewhere keep their remote links. */
export function isSinaImageHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'sinaimg.cn' || h.endsWith('.sinaimg.cn') || isSinaPageHost(h);
}

export function classify(text: string, label = text): Input {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text) || /^[a-z]:[\\/]/i.test(text)) return { kind: 'file', label, path: text };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: 'bad', label, reason: 'badUrl' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'bad', label, reason: 'badScheme' };
  if (!isSinaPageHost(url.hostname)) return { kind: 'bad', label, reason: 'notSina' };
  url.hash = '';
  return { kind: 'url', label, url: url.href };
}

/** Blank lines and # comments are skipped; a list that cannot be read is one bad input. */
export function* readInputs(args: string[], lists: string[]): Generator<Input> {
  for (const a of args) yield classify(a);
  for (const list of lists) {
    let text: string;
    try {
      text = fs.readFileSync(list, 'utf8');
    } catch (e) {
      yield { kind: 'bad', label: list, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' };
      continue;
    }
    const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
    for (const [i, raw] of lines.entries()) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      yield classify(line, `${list}:${i + 1}: ${line}`);
    }
  }
}
