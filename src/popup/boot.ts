/**
 * The reader's first, tiny script (boot.js, the first thing in popup.html's head, not deferred):
 * asks the tab for its page and reads the settings at once, so the message round trip runs while
 * the page is parsed and the big script (DOMPurify, core) loads. A deferred boot.js ran 20 ms
 * later, after parsing and the style sheets. Issue 5: the article within 100 ms of opening.
 */
import { nativeApi } from '../platform/native';
import { startBoot } from './prefetch';

startBoot();
// The first words on screen in the user's language, as soon as they are parsed (before popup.js runs).
function loadingMessage(): void {
  const message = document.getElementById('state-message');
  if (message) message.textContent = nativeApi().i18n.getMessage('stateLoading') || message.textContent;
}
if (document.readyState === 'loading') document.addEventListener('readystatechange', loadingMessage, { once: true });
else loadingMessage();
