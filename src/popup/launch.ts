/**
 * Hands a URI to the app that registered its scheme, and tells whether one answered. A browser
 * gives no result for an external protocol: when the app opens, the browser window loses focus
 * (blur) or the page is hidden; when none is installed, nothing happens. No answer within
 * `waitMs` is taken as "not installed".
 */
export async function launchUri(uri: string, waitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (answered: boolean) => {
      clearTimeout(timer);
      window.removeEventListener('blur', onBlur);
      document.removeEventListener('visibilitychange', onHidden);
      resolve(answered);
    };
    const onBlur = () => done(true);
    const onHidden = () => {
      if (document.visibilityState === 'hidden') done(true);
    };
    window.addEventListener('blur', onBlur);
    document.addEventListener('visibilitychange', onHidden);
    timer = setTimeout(() => done(false), waitMs);
    // A link aimed at a hidden frame: Firefox shows its "unknown protocol" page in place of the
    // page that followed the link, and that must not be the reader.
    const link = Object.assign(document.createElement('a'), { href: uri, rel: 'noopener noreferrer', target: launchFrame() });
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  });
}

const FRAME = 'sina-reader-launch';

function launchFrame(): string {
  if (!document.querySelector(`iframe[name="${FRAME}"]`)) {
    const frame = Object.assign(document.createElement('iframe'), { name: FRAME, hidden: true, tabIndex: -1 });
    frame.setAttribute('aria-hidden', 'true');
    document.body.append(frame);
  }
  return FRAME;
}
