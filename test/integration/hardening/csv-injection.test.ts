import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '../../../db/src/index.js';
import { insertEstate } from '../../support/estate.js';
import { csvToXlsxWithLibreOffice, findSoffice } from '../../support/libreoffice.js';
import { createTestDb } from '../../support/test-db.js';
import { startTestApi, type TestApi } from '../../support/test-server.js';
import { readCells } from '../../support/xlsx-cells.js';

// Issue 19 item 6: a name that holds a formula after a `;` (or tab) must stay inert in
// positions.csv for readers that split on `;` (continental European Excel) or tab.
const DOMAIN = 'csv.example';
const NAMES = ['x;=HYPERLINK(B5);y', 'tab\t=1+1', 'plain, -3 units'];

describe('positions.csv against formula injection', () => {
  let handle: DbHandle;
  let api: TestApi;
  let csv: string;

  beforeAll(async () => {
    handle = await createTestDb();
    await insertEstate(handle.db, {
      domain: DOMAIN,
      virtualAccounts: [{ name: 'VA;@SUM(1)' }],
      licenses: NAMES.map((name) => ({ name })),
      lots: NAMES.map((_n, license) => ({
        va: 0,
        license,
        quantity: 1,
        licenseType: 'PERPETUAL' as const,
        startDate: null,
        endDate: null,
        source: 'SMART' as const,
      })),
      instances: [],
      usage: [],
      reservations: [],
    });
    api = await startTestApi(handle, '2026-03-01');
    const res = await fetch(`${api.url}/export/positions.csv?smartAccount=${DOMAIN}`, {
      headers: { authorization: `Bearer ${api.adminToken}` },
    });
    csv = await res.text();
  });
  afterAll(async () => {
    await api.close();
    await handle.close();
  });

  it('quotes every text field and neutralises a formula after a separator', () => {
    expect(csv).toContain(`"x;'=HYPERLINK(B5);y"`);
    expect(csv).toContain(`"tab\t'=1+1"`);
    expect(csv).toContain(`"VA;'@SUM(1)"`);
    // A dash after a comma is neutralised too: inert, and still readable.
    expect(csv).toContain(`"plain, '-3 units"`);
  });

  it.skipIf(!findSoffice())(
    'LibreOffice splitting on ";" sees no formula, each formula part made inert',
    async () => {
      const cells = await readCells(await csvToXlsxWithLibreOffice(csv, ';'));
      const sheet = [...cells.values()][0]!;
      const all = [...sheet.values()];
      expect(all.filter((c) => c.formula !== null)).toEqual([]);
      const texts = all.map((c) => String(c.value));
      // Read with the wrong separator a name may be split (the flat layout starts each line with
      // the unquoted asOf, so a quoted name no longer opens the line): what matters is that no
      // cell is or starts a formula, and each formula part arrives with its inert `'`.
      expect(texts.filter((t) => /^[=+\-@]/.test(t))).toEqual([]);
      expect(texts.some((t) => t.includes("'=HYPERLINK(B5)"))).toBe(true);
      expect(texts.some((t) => t.includes("'@SUM(1)"))).toBe(true);
    },
    60_000,
  );
});
