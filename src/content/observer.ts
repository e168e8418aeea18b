/**
 * Watches for nodes the site injects after load (ads, QR promos, iframes) and hands them to `sweep`
 * once per frame. Only childList mutations are observed, so the cleaner's own attribute changes
 * never wake it; records made while sweeping are dropped, so it can never loop on itself.
 */
import { STYLE_ID } from '../core/inpage';

export interface SweepObserver {
  stop(): void;
}

export function observeInjections(root: Node, sweep: () => void): SweepObserver {
  let pending = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;

  const flush = (): void => {
    pending = false;
    frame = timer = undefined;
    sweep();
    observer.takeRecords();
  };

  const schedule = (): void => {
    if (pending) return;
    pending = true;
    // rAF does not fire in background tabs; sites still inject there.
    if (document.hidden) timer = setTimeout(flush, 100);
    else frame = requestAnimationFrame(flush);
  };

  const observer = new MutationObserver((records) => {
    if (records.some(addsForeignElement)) schedule();
  });
  observer.observe(root, { childList: true, subtree: true });

  return {
    stop() {
      observer.disconnect();
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
      pending = false;
    },
  };
}

function addsForeignElement(record: MutationRecord): boolean {
  for (const node of record.addedNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).id !== STYLE_ID) return true;
  }
  return false;
}
