/**
 * The reader's first, tiny script (boot.js, before popup.js): asks the tab for its page and reads
 * the settings at once, so the message round trip runs while the big script (Readability,
 * DOMPurify, turndown) is still being parsed. Issue 5: the article within 100 ms of opening.
 */
import { startBoot } from './prefetch';

startBoot();
