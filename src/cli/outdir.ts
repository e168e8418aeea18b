/**
 * The output folder of a batch, and what makes a batch resumable: every file is written to a
 * hidden temporary file in the same folder and renamed into place, so a name that exists is a
 * whole file. Before the rename, a line in .sina-reader-index.jsonl records which page (docId or
 * URL hash) and which input that file holds; a re-run with --skip-existing trusts a line only when
 * its file exists. A kill at any point therefore leaves each page either done once or not at all.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { numberedFileName } from '../core/filename';
import type { Article } from '../core/types';

export const INDEX_FILE = '.sina-reader-index.jsonl';
const TEMP = /^\..*\.(\d+)\.sina-reader\.tmp$/;

interface IndexLine {
  id: string;
  input: string;
  file: string;
}

/** docId when the page has one, else a hash of its canonical URL. */
export function pageKey(article: Pick<Article, 'docId' | 'url'>): string {
  return article.docId ?? `url-${crypto.createHash('sha256').update(article.url).digest('hex').slice(0, 16)}`;
}

export class OutDir {
  private names: Set<string>;
  private byId = new Map<string, string>();
  private byInput = new Map<string, string>();

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    sweepTemps(dir);
    this.names = new Set(fs.readdirSync(dir));
    this.readIndex();
  }

  /** The file already holding this page or input, if it exists. */
  doneAs(key: { id?: string | null; input?: string }): string | null {
    const file = (key.id && this.byId.get(key.id)) || (key.input && this.byInput.get(key.input)) || null;
    return file && this.names.has(file) ? file : null;
  }

  /** A name no file of this folder has, nor any file reserved by this run. */
  reserve(name: string, force: boolean): string {
    let chosen = name;
    for (let n = 2; !force && this.names.has(chosen); n++) chosen = numberedFileName(name, n);
    this.names.add(chosen);
    return chosen;
  }

  /** Writes a page's file and records it: temp file, index line, rename. */
  commit(name: string, content: string, record: { id: string; input: string }): string {
    const file = path.join(this.dir, name);
    writeAtomically(file, content, () => {
      fs.appendFileSync(path.join(this.dir, INDEX_FILE), `${JSON.stringify({ ...record, file: name })}\n`);
    });
    this.byId.set(record.id, name);
    this.byInput.set(record.input, name);
    return file;
  }

  private readIndex(): void {
    let text = '';
    try {
      text = fs.readFileSync(path.join(this.dir, INDEX_FILE), 'utf8');
    } catch {
      return;
    }
    for (const line of text.split('\n')) {
      try {
        const entry = JSON.parse(line) as IndexLine;
        if (typeof entry.file !== 'string' || !this.names.has(entry.file)) continue;
        this.byId.set(entry.id, entry.file);
        this.byInput.set(entry.input, entry.file);
      } catch {
        // A line cut by a kill: its file was never renamed into place.
      }
    }
  }
}

/** Temp, (before the rename: `beforeRename`), rename. The temp file is removed on any failure. */
export function writeAtomically(file: string, content: string | Uint8Array, beforeRename?: () => void): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.sina-reader.tmp`);
  try {
    fs.writeFileSync(tmp, content, { flag: 'wx' });
    beforeRename?.();
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Temp files of runs that were killed (their process is gone). */
export function sweepTemps(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const pid = TEMP.exec(name)?.[1];
    if (pid && !isAlive(Number(pid))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
