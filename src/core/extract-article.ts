/**
 * The pipeline with the generic reader always at hand: what the command line and the tests use.
 * (A module of its own: the popup imports ./pipeline without pulling Readability into its first bundle.)
 */
import { readGeneric } from './generic';
import { runPipeline, type PipelineOptions } from './pipeline';
import type { ExtractResult } from './types';

export type { PipelineOptions } from './pipeline';

export function extractArticle(doc: Document, url: string, opts: PipelineOptions = {}): ExtractResult {
  const result = runPipeline(doc, url, opts, readGeneric);
  // With a generic reader given, the pipeline never asks for one.
  return result.ok || result.error !== 'needs-generic' ? result : { ok: false, error: 'not-article' };
}
