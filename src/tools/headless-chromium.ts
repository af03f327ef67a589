import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium (or CHROMIUM_PATH), headless, driven by playwright-core: Playwright's own
 * browser download is not needed. Used by the end-to-end test and the README picture script.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Offline: the playground's fonts and animations come from a CDN; every non-local request is refused. */
export async function localOnly(page: Page): Promise<void> {
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
  });
}
