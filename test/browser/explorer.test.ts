import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium } from '../support/chromium.js';
import { startDemoApi, type DemoApi } from '../support/demo-api.js';

const TODAY = '2026-05-01';

describe('GraphQL explorer first run in Chromium', () => {
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

  it('asks for the token first, then has docs and autocomplete, and keeps it across a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const graphqlResponses: { status: number; body: string }[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname !== '/graphql') return;
      void response.text().then(
        (body) => graphqlResponses.push({ status: response.status(), body }),
        () => undefined,
      );
    });

    await page.goto(`${api.url}/`);
    // First screen: the token form and where to get one; no GraphQL request, so no error.
    await expect.poll(() => page.locator('#token-form').isVisible()).toBe(true);
    expect(await page.locator('#token-form').innerText()).toMatch(/trueup token create/);
    await page.waitForTimeout(500); // anything the page would fetch on its own has been sent
    expect(graphqlResponses).toEqual([]);
    expect(await page.locator('body').innerText()).not.toMatch(/not valid|Error fetching schema/i);

    await page.fill('#token-input', api.adminToken);
    await page.click('#token-form button[type=submit]');

    // The schema arrives with the token: the Docs explorer lists the root types.
    await page
      .locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]')
      .click();
    await expect
      .poll(() => page.locator('.graphiql-doc-explorer').innerText(), { timeout: 20_000 })
      .toMatch(/Query/);
    expect(graphqlResponses.every((r) => r.status === 200 && !r.body.includes('"errors"'))).toBe(
      true,
    );

    // Autocomplete knows the schema's fields.
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('{ smartAcc');
    await expect
      .poll(() => page.locator('.CodeMirror-hints').innerText(), { timeout: 10_000 })
      .toMatch(/smartAccount/);

    // After a reload the token is still there: GraphiQL opens directly, with its schema.
    graphqlResponses.length = 0;
    await page.reload();
    await expect.poll(() => page.locator('#token-status').innerText()).toMatch(/^Token trueup_/);
    expect(await page.locator('#token-form').isVisible()).toBe(false);
    await expect.poll(() => graphqlResponses.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(graphqlResponses[0]).toMatchObject({ status: 200 });
    expect(graphqlResponses[0]!.body).toContain('__schema');
    await context.close();
  });

  it('answers curl at / with where everything is', async () => {
    const res = await fetch(`${api.url}/`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(`POST ${api.url}/graphql`);
    expect(text).toMatch(/trueup token create/);
  });
});
