/** Typed senders for the popup and background. Failures come back as values. */
import { browser } from './browser';
import { failure, type BackgroundReply, type ContentReply, type ToBackground, type ToContent } from './messages';

export async function sendToTab<M extends ToContent>(tabId: number, msg: M): Promise<ContentReply<M>> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, msg)) as ContentReply<M> | undefined;
    return reply ?? (failure('no reply from the page') as ContentReply<M>);
  } catch (err) {
    return failure(err) as ContentReply<M>;
  }
}

export async function sendToBackground<M extends ToBackground>(msg: M): Promise<BackgroundReply<M>> {
  try {
    const reply = (await browser.runtime.sendMessage(msg)) as BackgroundReply<M> | undefined;
    return reply ?? (failure('no reply from the background') as BackgroundReply<M>);
  } catch (err) {
    return failure(err) as BackgroundReply<M>;
  }
}
