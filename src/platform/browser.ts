/** The only import of webextension-polyfill in the code base (popup, options, background). */
import browser from 'webextension-polyfill';

export type { Browser, Runtime, Tabs, Menus, Downloads, Storage } from 'webextension-polyfill';
export { browser };
