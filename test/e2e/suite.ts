// One browser's end-to-end suite: a test server, the browser with the e2e build installed, and
// the specs of issues 3, 4, 5 and 6 run against it (one context for the whole file, closed at the end).
import { afterAll, beforeAll, describe } from 'vitest';
import { launch, type BrowserName } from './support/browsers';
import { loadFixtures, serveFixtures } from './support/fixtures';
import { requireBrowser } from './support/guard';
import type { Harness } from './support/harness';
import { writePerf } from './support/perf';
import { startServer } from './support/server';
import { describeBroken } from './specs/broken';
import { describeExtImages } from './specs/ext-images';
import { describeExtTargets } from './specs/ext-targets';
import { describeFixtures } from './specs/fixtures';
import { describeFrames } from './specs/frames';
import { describeHostile } from './specs/hostile';
import { describeLateInjection } from './specs/late-injection';
import { describeNonSina } from './specs/non-sina';
import { describeProtocols } from './specs/protocols';
import { describeReaderOptions } from './specs/reader-options';
import { describeReading } from './specs/reading';
import { describeSinaProperties } from './specs/sina-properties';
import { describeTimings } from './specs/timings';
import { describeUndo } from './specs/undo';

export function describeExtension(browser: BrowserName): void {
  if (!requireBrowser(browser)) return;
  // Filled in by beforeAll; the specs only read it inside their own hooks and tests.
  const h = { browser, fixtures: loadFixtures() } as Harness;

  describe(`extension in ${browser}`, () => {
    beforeAll(async () => {
      h.server = await startServer();
      serveFixtures(h.server, h.fixtures);
      h.session = await launch(browser, h.server);
    });

    afterAll(async () => {
      const perf = writePerf(browser);
      if (perf) console.log(`[e2e] ${browser} timings written to ${perf}`);
      await h.session?.close();
      await h.server?.close();
    });

    describeFixtures(h);
    describeSinaProperties(h);
    describeTimings(h);
    describeProtocols(h);
    describeLateInjection(h);
    describeUndo(h);
    describeFrames(h);
    describeHostile(h);
    describeBroken(h);
    describeNonSina(h);
    describeReaderOptions(h);
    describeExtImages(h);
    describeExtTargets(h);
    // Last: it leaves highlights on shared fixtures until its afterAll clears them.
    describeReading(h);
  });
}
