/** Site knowledge is data: every selector parses, and every template's main rules meet a fixture. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { inPageKeep, noiseSelectors, templates } from '../src/sites/sina';
import { extraPagesDir, fixtures, parse } from './support/pages';

const doc = new JSDOM('<!doctype html><p>x</p>').window.document;
const parses = (sel: string) => {
  try {
    doc.querySelector(sel);
    return true;
  } catch {
    return false;
  }
};

describe('src/sites/sina.ts', () => {
  const all = [...noiseSelectors, ...inPageKeep, ...templates.flatMap((t) => [...t.marker, ...t.title, ...t.date, ...t.source, ...t.author, ...t.body, ...t.editor, ...t.keywords, ...t.breadcrumb])];
  it.each(all)('selector parses: %s', (sel) => expect(parses(sel)).toBe(true));

  const pages = [...fixtures(), ...fixtures(extraPagesDir)].map((f) => ({ ...f, doc: parse(f.html, f.truth.url).window.document }));
  it.each(templates.map((t) => [t.id, t] as const))('template %s: a fixture exercises its title and body', (id, t) => {
    const page = pages.find((p) => p.truth.template === id);
    expect(page, `no fixture for template ${id}`).toBeTruthy();
    expect(t.title.some((s) => page!.doc.querySelector(s))).toBe(true);
    expect(t.body.some((s) => page!.doc.querySelector(s))).toBe(true);
  });
});
