/**
 * The reader's first, tiny script (boot.js, before popup.js): asks the tab for its page and reads
 * the settings at once, so the message round trip runs while the big script (Readability,
 * DOMPurify, turndown) is still being parsed. Issue 5: the article within 100 ms of opening.
 */
import { nativeApi } from '../platform/native';
import { startBoot } from './prefetch';

startBoot();
// The first words on screen in the user's language, before popup.js has loaded.
const message = document.getElementById('state-message');
if (message) message.textContent = nativeApi().i18n.getMessage('stateLoading') || message.textContent;
