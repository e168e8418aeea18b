/** Every export target of the reader, by name: a new target is one file and one line here. */
import { copy } from './copy';
import { download } from './download';
import { obsidian } from './obsidian';
import type { ExportTarget } from './types';

export const TARGETS = { download, copy, obsidian } as const satisfies Record<string, ExportTarget>;

export type TargetId = keyof typeof TARGETS;
export type { ExportTarget, Outcome } from './types';
