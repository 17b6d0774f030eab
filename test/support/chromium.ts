import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`), driven by playwright-core. */
const CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium for the browser tests: no sandbox (containers), no GPU, and nothing that
 * reaches the network on its own (first-run pages, component updates, sync, QUIC), so a test
 * sees only the requests it makes. Close it in `afterAll`.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
