// @vitest-environment jsdom
/** The content script's MutationObserver: one sweep per batch, blind to its own changes, stoppable. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeInjections } from '../src/content/observer';

const settle = () => new Promise((r) => setTimeout(r, 150)); // jsdom pages are hidden: the observer uses a 100 ms timer

describe('observeInjections', () => {
  afterEach(() => {
    document.body.replaceChildren();
    document.head.replaceChildren();
  });

  it('sweeps once for a burst of injected nodes', async () => {
    const sweep = vi.fn();
    const watcher = observeInjections(document.documentElement, sweep);
    for (let i = 0; i < 100; i++) document.body.append(document.createElement('ins'));
    await settle();
    expect(sweep).toHaveBeenCalledTimes(1);
    watcher.stop();
  });

  it('never wakes up for its own changes', async () => {
    let calls = 0;
    const sweep = () => {
      calls++;
      // What the cleaner does: mark nodes, add its <style>, even move a node.
      for (const el of document.querySelectorAll('ins')) el.setAttribute('data-sina-reader-hidden', '');
      if (!document.getElementById('sina-reader-style')) {
        document.head.append(Object.assign(document.createElement('style'), { id: 'sina-reader-style' }));
      }
      document.body.append(document.createElement('div'));
    };
    const watcher = observeInjections(document.documentElement, sweep);
    document.body.append(document.createElement('ins'));
    await settle();
    await settle();
    expect(calls).toBe(1);
    watcher.stop();
  });

  it('ignores text-only changes and its own style element', async () => {
    const sweep = vi.fn();
    const watcher = observeInjections(document.documentElement, sweep);
    document.body.append('text');
    document.head.append(Object.assign(document.createElement('style'), { id: 'sina-reader-style' }));
    await settle();
    expect(sweep).not.toHaveBeenCalled();
    watcher.stop();
  });

  it('does nothing after stop()', async () => {
    const sweep = vi.fn();
    const watcher = observeInjections(document.documentElement, sweep);
    document.body.append(document.createElement('iframe'));
    watcher.stop();
    document.body.append(document.createElement('iframe'));
    await settle();
    expect(sweep).not.toHaveBeenCalled();
  });
});
