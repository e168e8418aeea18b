// Issue 16: a browser older than the tests can drive stops them with one line naming it.
import { describe, expect, it } from 'vitest';
import { browserProblem, majorVersion, MIN_VERSIONS } from './e2e/support/guard';

describe('test/e2e/support/guard.ts', () => {
  it('reads the version lines Debian browsers print', () => {
    expect(majorVersion('Chromium 156.0.8078.129 built on Debian GNU/Linux 12 (bookworm)')).toEqual({ major: 156, full: '156.0.8078.129' });
    expect(majorVersion('Mozilla Firefox 153.8.0esr')).toEqual({ major: 153, full: '153.8.0esr' });
    expect(majorVersion('garbage')).toBeNull();
  });

  it('names the browser, its version and the minimum in one line', () => {
    const line = browserProblem('firefox', 'Mozilla Firefox 140.5.0esr');
    expect(line).toMatch(/^firefox 140\.5\.0esr is older than the 153 the browser tests need \(/);
    expect(line).not.toContain('\n');
    expect(browserProblem('chromium', 'Chromium 119.0.6045.0')).toMatch(/^chromium 119\.0\.6045\.0 is older than the 120 /);
    expect(browserProblem('firefox', `Mozilla Firefox ${MIN_VERSIONS.firefox}.0esr`)).toBeNull();
    expect(browserProblem('chromium', 'Chromium 156.0.8078.129 built on Debian')).toBeNull();
  });
});
