// Says loudly, before and after the run, which browsers are missing (their suites are skipped on a
// workstation and fail under CI=true; see support/guard.ts).
import { browserProblem } from './support/guard';

function banner(missing: string[]): void {
  const bar = '!'.repeat(78);
  const lines = missing.map((m) => `!! BROWSER TESTS SKIPPED: ${m}`);
  console.warn(`\n${bar}\n${lines.join('\n')}\n!! Install: apt-get install -y chromium firefox-esr fonts-wqy-microhei zip\n${bar}\n`);
}

export default function setup(): (() => void) | void {
  const missing = (['chromium', 'firefox'] as const).map((b) => browserProblem(b)).filter((m): m is string => m !== null);
  if (missing.length === 0 || process.env.CI === 'true') return;
  banner(missing);
  return () => banner(missing);
}
