/** The "save all Sina tabs" window: starts at once, shows a progress line, then what was saved and what not. */
import { applyI18n, i18n } from '../platform/i18n';
import { loadSettings } from '../platform/storage';
import { applyLook } from '../ui/theme';
import { saveAllTabs, type BatchReport } from './save-all';

const $ = (id: string): HTMLElement => document.getElementById(id)!;

function list(id: string, lines: string[]): void {
  const ul = $(id);
  ul.replaceChildren(...lines.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  (ul.closest('section') as HTMLElement).hidden = lines.length === 0;
}

function showReport(report: BatchReport): void {
  const total = report.saved.length + report.failed.length;
  $('progress').textContent = total ? i18n('batchDone', [String(report.saved.length), String(total)]) : i18n('batchNone');
  list('saved', report.saved.map((s) => (s.imagesFailed ? i18n('batchSavedWithImageFailures', [s.filename, String(s.imagesFailed)]) : s.filename)));
  list('failed', report.failed.map((f) => i18n('batchFailure', [f.title, f.problem])));
  const others = $('others');
  others.hidden = report.others === 0;
  others.textContent = i18n('batchOthers', String(report.others));
  $('app').dataset.state = 'done';
  $('app').setAttribute('aria-busy', 'false');
}

async function main(): Promise<void> {
  applyI18n();
  const settings = await loadSettings();
  applyLook(settings);
  const report = await saveAllTabs(settings, (done, total, title) => {
    $('progress').textContent = i18n('batchProgress', [String(done), String(total), title]);
  });
  showReport(report);
}

main().catch((err: unknown) => {
  $('progress').textContent = i18n('stateError', err instanceof Error ? err.message : String(err));
  $('app').dataset.state = 'error';
});
