/** Keyboard shortcuts (changeable in the browser's shortcut settings). `_execute_action` needs no code. */
import { browser } from '../platform/browser';
import { openReader } from './reader-window';

export function listenToCommands(): void {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'save-markdown') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await openReader(tab.id, 'save-md').catch((err) => console.warn('[sina-reader] command', err));
  });
}
