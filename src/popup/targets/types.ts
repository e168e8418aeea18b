/** An export target: one button in the reader, one file here, one entry in the registry (index.ts). */
import type { Article } from '../../core/types';
import type { Settings } from '../../platform/settings';

/** What the reader's status line says afterwards, in the user's language. */
export interface Outcome {
  text: string;
  kind: 'info' | 'error';
}

export interface ExportTarget {
  /** The id of its button in popup.html. */
  button: string;
  run(article: Article, settings: Settings): Promise<Outcome>;
}
