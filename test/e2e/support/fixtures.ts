// The fixture pages with their hand-checked truth: the repo's copies under test/fixtures win,
// ../shared/fixtures/pages fills in what the repo has not copied yet.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestServer } from './server';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const repoFixtures = path.join(repoRoot, 'test/fixtures');
const sharedFixtures = path.resolve(repoRoot, '../shared/fixtures/pages');

export interface Truth {
  url: string;
  encoding: string;
  template: string;
  title: string;
  original_title: string | null;
  published: string | null;
  source: string | null;
  author: string | null;
  editor: string | null;
  tags: string[];
  paragraphs: string[];
  images: string[];
  noise: string[];
}

export interface Fixture {
  slug: string;
  dir: string;
  truth: Truth;
  page: Buffer;
  /** Golden Markdown beside the page (test/fixtures/<slug>/expected.md), if the core has made it. */
  expectedMd: string | null;
}

function isFixture(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'page.html')) && fs.existsSync(path.join(dir, 'truth.json'));
}

function slugsIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((s) => isFixture(path.join(dir, s)));
}

export function loadFixtures(): Fixture[] {
  const slugs = [...new Set([...slugsIn(repoFixtures), ...slugsIn(sharedFixtures)])].sort();
  return slugs.map((slug) => {
    const local = path.join(repoFixtures, slug);
    const dir = isFixture(local) ? local : path.join(sharedFixtures, slug);
    const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth;
    const golden = path.join(repoFixtures, slug, 'expected.md');
    return {
      slug,
      dir,
      truth,
      page: fs.readFileSync(path.join(dir, 'page.html')),
      expectedMd: fs.existsSync(golden) ? fs.readFileSync(golden, 'utf8') : null,
    };
  });
}

/** Serve every fixture at its real URL, over http and https, with its true charset. */
export function serveFixtures(server: TestServer, fixtures: Fixture[]): void {
  for (const f of fixtures) {
    const charset = f.truth.encoding.toLowerCase() === 'gbk' ? 'gbk' : 'utf-8';
    server.html(f.truth.url, f.page, charset);
  }
}
