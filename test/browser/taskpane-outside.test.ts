import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium } from '../support/chromium.js';
import { startDemoApi, type DemoApi } from '../support/demo-api.js';

const TODAY = '2026-05-01';
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

describe('task pane opened in a browser, office.js unreachable', () => {
  let api: DemoApi;
  let browser: Browser;

  beforeAll(async () => {
    api = await startDemoApi(TODAY);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows the "Open this page from Excel" hint, asks for a token and still connects', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Offline or blocked: office.js never loads, so `Office` is undefined.
    await page.route(`${CDN}**`, (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`${api.url}/addin/taskpane.html`);

    await page.waitForSelector('#outside-office:not([hidden])', { timeout: 30_000 });
    expect(await page.textContent('#outside-office')).toMatch(/Open this page from Excel/);
    const placeholder = await page.getAttribute('#token', 'placeholder');
    expect(placeholder).toMatch(/required/);
    expect(placeholder).not.toMatch(/optional/);
    expect(await page.textContent('main')).toMatch(/trueup token create/);

    // Connect without a token says what is missing instead of doing nothing.
    await page.click('#connect');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error')).toMatch(/Paste a token first/);

    // With the token it connects; the sheet buttons stay off outside Excel.
    await page.fill('#token', api.adminToken);
    await page.click('#connect');
    await expect.poll(() => page.textContent('#status')).toMatch(/^Connected: \d+ Smart Account/);
    expect(await page.isDisabled('#pull-positions')).toBe(true);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
