/**
 * Every message between the extension's contexts, one union per direction.
 * Replies are values (`Result`), never exceptions: a handler that fails answers `{ ok: false, error }`.
 */
import type { Detection } from '../core/types';

export type Result<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };

/* ---------- popup / background → content script (tabs.sendMessage) ---------- */

export type ToContent =
  | { type: 'get-page' }
  | { type: 'set-cleaning'; on: boolean }
  | { type: 'get-selection' };

export type CleaningState = 'cleaned' | 'original' | 'off';

export interface ContentReplies {
  'get-page': Result<{ html: string; url: string; title: string; detection: Detection; removed: number; cleaning: CleaningState }>;
  'set-cleaning': Result<{ cleaning: CleaningState; removed: number }>;
  'get-selection': Result<{ html: string; url: string; title: string }>;
}

export type ContentReply<M extends ToContent> = ContentReplies[M['type']];

/* ---------- content script / pages → background (runtime.sendMessage) ---------- */

export type ToBackground =
  | { type: 'cleaned'; removed: number; state: CleaningState }
  /** Open the "save all Sina tabs" window (popup button). */
  | { type: 'open-batch' }
  /** Test builds only (`__E2E__`): open an extension page for the sender's tab in a new tab. */
  | { type: 'e2e-open'; page: 'popup' | 'options' | 'batch'; params: Record<string, string> };

export interface BackgroundReplies {
  cleaned: Result;
  'open-batch': Result;
  'e2e-open': Result<{ tabId: number }>;
}

export type BackgroundReply<M extends ToBackground> = BackgroundReplies[M['type']];

/** Turns anything thrown into the `error` string of a failed Result. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return typeof err === 'string' ? err : JSON.stringify(err) ?? 'unknown error';
}

export function failure(err: unknown): { ok: false; error: string } {
  return { ok: false, error: errorText(err) };
}
