/**
 * What extension pages (popup, options) get for `webextension-polyfill` (scripts/build.mjs aliases
 * it here for them): the browser's own API. Every call those pages make returns a promise natively
 * in Firefox (`browser`) and in Chrome MV3 (`chrome`), so the polyfill's 9.5 KB bought them nothing.
 * The background keeps the polyfill (promise-returning onMessage listeners).
 */
const g = globalThis as { browser?: unknown; chrome?: unknown };
export default g.browser ?? g.chrome;
