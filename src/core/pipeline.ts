/** The whole pipeline, the generic reader included: what the command line and the tests use. */
import { extractWith, type PipelineOptions } from './article';
import { readGeneric } from './generic';
import type { ExtractResult } from './types';

export type { PipelineOptions } from './article';

export function extractArticle(doc: Document, url: string, opts: PipelineOptions = {}): ExtractResult {
  return extractWith(doc, url, opts, readGeneric)!;
}
