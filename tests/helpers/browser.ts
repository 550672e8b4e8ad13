// Headless Chromium (Debian's package, driven by playwright-core) for the page tests. Outside CI a
// machine without /usr/bin/chromium skips those tests with a message; in CI they must run.
import { mkdtempSync, rmSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);

/** Why the browser tests are skipped, or null when they run. Throws in CI: there they must run. */
export function browserSkipReason(): string | null {
  if (haveChromium) return null;
  if (process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM} for the browser tests (.ci/run installs Debian's chromium)`);
  return `browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
}

// Without the background-networking flags Chromium tries to reach Google's services at start-up.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile every time; CSP bypassed only so axe-core can be injected into the page. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'samrad-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, bypassCSP: true, viewport: { width: 1280, height: 800 }, timeout: 0 });
  // No clock in the tests: every wait (navigation, locator, waitForURL) lasts until its event comes,
  // however loaded the machine; only the test runner's own per-test limit ends a real hang.
  context.setDefaultTimeout(0);
  context.setDefaultNavigationTimeout(0);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
