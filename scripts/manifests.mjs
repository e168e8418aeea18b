// Derives the per-browser manifests from the one base manifest.json (base + patch, as Dark Reader does).

export const GECKO = {
  id: 'sina-reader@example.org',
  strict_min_version: '142.0',
  data_collection_permissions: { required: ['none'] },
};

/** Chrome runs background.service_worker; `scripts` would only earn a warning. */
export function chromeManifest(base) {
  const m = structuredClone(base);
  m.background = { service_worker: base.background.service_worker };
  return m;
}

/** Firefox runs background.scripts (an event page); a service_worker key makes web-ext lint warn. */
export function firefoxManifest(base) {
  const m = structuredClone(base);
  m.background = { scripts: base.background.scripts };
  m.browser_specific_settings = { gecko: GECKO };
  return m;
}
