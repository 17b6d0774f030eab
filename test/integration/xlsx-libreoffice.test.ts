import { eq } from 'drizzle-orm';
import exceljs from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createServices, fixedClock } from '../../api/src/services/index.js';
import {
  licenses,
  priceBookEntries,
  productInstances,
  usageReports,
  virtualAccounts,
  type DbHandle,
} from '../../db/src/index.js';
import {
  RENEWAL_COLUMNS,
  columnLetter,
  renewalDetailColumns,
} from '../../excel-addin/src/model/index.js';
import { graphql } from '../support/graphql-client.js';
import { findSoffice, recalculateWithLibreOffice } from '../support/libreoffice.js';
import { MONEY_DOMAIN, MONEY_TODAY, insertMoneyEstate } from '../support/money-estate.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';
import { readCells, type RawCell } from '../support/xlsx-cells.js';

// Names a spreadsheet would run as formulas if they were written as such.
const INJECTIONS = ['=1+2', '\t=3+4', '+1+1', '-2+3', '@SUM(9,9)'];

interface MoneyOut {
  amountMinor: string;
}
interface ApiModel {
  parameters: { termYears: number };
  years: Record<(typeof RENEWAL_COLUMNS)[number], MoneyOut | number>[];
  totals: Record<string, MoneyOut>;
  eaValue: MoneyOut;
  meetsMinimumEaValue: boolean;
  cheaperOption: string;
  breakEvenGrowthBasisPoints: number | null;
  licenses: {
    licenseName: string;
    consumed: number;
    reclaimed: number;
    owned: number;
    eaSubscription: MoneyOut;
    credit: MoneyOut;
    years: {
      units: number;
      held: number;
      listPrice: MoneyOut;
      netPrice: MoneyOut;
      supportPrice: MoneyOut;
      aLaCarte: MoneyOut;
      allowance: number | null;
      trueForwardUnits: number | null;
      baseline: number | null;
      trueForward: MoneyOut | null;
    }[];
  }[];
}

const M = '{ amountMinor }';
const MODEL_FIELDS = `parameters { termYears }
  years { year aLaCarte ${M} eaSubscription ${M} trueForward ${M} credits ${M} enterpriseAgreement ${M}
    aLaCartePresentValue ${M} enterpriseAgreementPresentValue ${M} }
  totals { aLaCarte ${M} enterpriseAgreement ${M} aLaCartePresentValue ${M} enterpriseAgreementPresentValue ${M} }
  eaValue ${M} meetsMinimumEaValue cheaperOption breakEvenGrowthBasisPoints
  licenses { licenseName consumed reclaimed owned eaSubscription ${M} credit ${M}
    years { units held listPrice ${M} netPrice ${M} supportPrice ${M} aLaCarte ${M}
      allowance trueForwardUnits baseline trueForward ${M} } }`;

/** A money figure in cents, or a unit count. */
const minor = (m: MoneyOut | null | undefined) => (m ? Number(m.amountMinor) : 0);
const cents = (value: unknown) => Math.round(Number(value) * 100);

const letter = (index: number) => columnLetter(index + 1);

/**
 * Compares every formula cell of the Renewal sheets with the API's figure; returns how many
 * formula cells were checked, so the caller can insist none was skipped.
 */
function compareRenewal(cells: Map<string, Map<string, RawCell>>, api: ApiModel): number {
  const term = api.parameters.termYears;
  const checked = new Set<string>();
  const check = (
    sheet: string,
    address: string,
    expected: number | boolean | string,
    money: boolean,
  ) => {
    const cell = cells.get(sheet)?.get(address);
    const label = `${sheet}!${address} ${cell?.formula ?? '(value)'}`;
    expect(cell, label).toBeDefined();
    if (typeof expected === 'number')
      expect(money ? cents(cell?.value) : cell?.value, label).toBe(expected);
    else expect(cell?.value, label).toBe(expected);
    if (cell?.formula) checked.add(`${sheet}!${address}`);
  };

  // Renewal: a row per year (5 laid out), the total row, then the outputs.
  const renewal = cells.get('Renewal');
  const yearRow = (y: number) =>
    [...(renewal ?? new Map<string, RawCell>())]
      .find(([a, c]) => /^A\d+$/.test(a) && c.value === y)?.[0]
      .slice(1);
  const keys = RENEWAL_COLUMNS.slice(1);
  for (let y = 1; y <= 5; y++) {
    const row = Number(yearRow(y));
    expect(row, `year ${y} row`).toBeGreaterThan(0);
    keys.forEach((key, i) => {
      const figure = y <= term ? minor(api.years[y - 1]?.[key] as MoneyOut) : 0;
      check('Renewal', `${letter(i + 1)}${row}`, figure, true);
    });
  }
  const totalRow = Number(yearRow(5)) + 1;
  const sumYears = (key: (typeof keys)[number]) =>
    api.years.reduce((a, y) => a + minor(y[key] as MoneyOut), 0);
  const totals = [
    minor(api.totals.aLaCarte),
    sumYears('eaSubscription'),
    sumYears('trueForward'),
    sumYears('credits'),
    minor(api.totals.enterpriseAgreement),
    minor(api.totals.aLaCartePresentValue),
    minor(api.totals.enterpriseAgreementPresentValue),
  ];
  totals.forEach((t, i) => check('Renewal', `${letter(i + 1)}${totalRow}`, t, true));
  check('Renewal', `B${totalRow + 2}`, minor(api.eaValue), true);
  check('Renewal', `B${totalRow + 3}`, api.meetsMinimumEaValue, false);
  check(
    'Renewal',
    `B${totalRow + 4}`,
    api.cheaperOption === 'ENTERPRISE_AGREEMENT' ? 'Enterprise Agreement' : 'A-la-carte',
    false,
  );
  // The break-even search in formulas (Break-even sheets) lands on the API's basis point.
  const breakEven = cells.get('Renewal')?.get(`B${totalRow + 5}`);
  expect(breakEven?.formula).toBe("'Break-even'!$B$25");
  if (api.breakEvenGrowthBasisPoints === null) check('Renewal', `B${totalRow + 5}`, 'none', false);
  else {
    expect(Math.round(Number(breakEven?.value) * 10_000)).toBe(api.breakEvenGrowthBasisPoints);
    checked.add(`Renewal!B${totalRow + 5}`);
  }

  // Renewal detail: a row per license, in the API's order.
  const columns = renewalDetailColumns().map((c) => c.key);
  api.licenses.forEach((license, i) => {
    const row = i + 2;
    expect(cells.get('Renewal detail')?.get(`A${row}`)?.value).toBe(license.licenseName);
    const figures: Record<string, [number, boolean]> = {
      // The sheet sums raw consumption from Positions and subtracts the reclaimed units; the
      // API's `consumed` is the cleaned baseline.
      consumed: [license.consumed + license.reclaimed, false],
      renewalBaseline: [license.consumed, false],
      owned: [license.owned, false],
      eaSubscription: [minor(license.eaSubscription), true],
      credit: [minor(license.credit), true],
    };
    for (let y = 1; y <= 5; y++) {
      const year = y <= term ? license.years[y - 1] : undefined;
      Object.assign(figures, {
        [`units${y}`]: [year?.units ?? 0, false],
        [`held${y}`]: [year?.held ?? 0, false],
        [`list${y}`]: [minor(year?.listPrice), true],
        [`net${y}`]: [minor(year?.netPrice), true],
        [`support${y}`]: [minor(year?.supportPrice), true],
        [`aLaCarte${y}`]: [minor(year?.aLaCarte), true],
        [`allowance${y}`]: [year?.allowance ?? 0, false],
        [`trueForwardUnits${y}`]: [year?.trueForwardUnits ?? 0, false],
        [`baseline${y}`]: [year?.baseline ?? 0, false],
        [`trueForward${y}`]: [minor(year?.trueForward), true],
      });
    }
    columns.forEach((key, c) => {
      const figure = figures[key];
      if (figure) check('Renewal detail', `${letter(c)}${row}`, figure[0], figure[1]);
    });
  });
  return checked.size;
}

const formulaCount = (cells: Map<string, Map<string, RawCell>>, sheet: string) =>
  [...(cells.get(sheet)?.values() ?? [])].filter((c) => c.formula !== null).length;

// Needs Debian libreoffice-calc (.ci/run installs it): skipped only outside CI when missing.
describe.skipIf(findSoffice() === null && !process.env.CI)(
  'the exported workbook recalculated by LibreOffice',
  () => {
    let handle: DbHandle;
    let base: string;
    let graphqlUrl: string;
    let close: () => Promise<void>;
    let adminToken: string;
    /** Exports need a bearer token like every API call. */
    const exportFetch = (url: string) =>
      fetch(url, { headers: { authorization: `Bearer ${adminToken}` } });

    beforeAll(async () => {
      handle = await createTestDb();
      const { smartAccountId } = await insertMoneyEstate(
        handle,
        createServices(handle, fixedClock(MONEY_TODAY)),
      );
      // An EA quote for the perpetual license (without one it is left out of the renewal), so
      // the perpetual formulas are recalculated too.
      const [perpetual] = await handle.db
        .select({ id: licenses.id })
        .from(licenses)
        .where(eq(licenses.name, 'Network Advantage'));
      await handle.db
        .update(priceBookEntries)
        .set({ eaUnitPriceMinor: 450_00n })
        .where(eq(priceBookEntries.licenseId, perpetual!.id));
      const [branch] = await handle.db
        .select({ id: virtualAccounts.id })
        .from(virtualAccounts)
        .where(eq(virtualAccounts.name, 'Branch'));
      // Ghost consumption: a decommissioned switch in Branch still reports 3 Network Advantage
      // (no ledger line there): reclaimable, so out of both options' baseline.
      const [ghost] = await handle.db
        .insert(productInstances)
        .values({
          smartAccountId,
          virtualAccountId: branch!.id,
          name: 'UDI_PID:C9300-24P; UDI_SN:GHOST1; ',
          udiPid: 'C9300-24P',
          udiSerial: 'GHOST1',
          hostname: 'old-branch-sw',
          connectionMode: 'DIRECT_CLOUD',
          status: 'DECOMMISSIONED',
        })
        .returning({ id: productInstances.id });
      await handle.db.insert(usageReports).values({
        smartAccountId,
        virtualAccountId: branch!.id,
        licenseId: perpetual!.id,
        productInstanceId: ghost!.id,
        quantity: 3,
        source: 'DEMO' as const,
        asOf: '2026-11-01',
      });
      // Data that looks like formulas: Virtual Account and license names.
      const [va1, va2] = await handle.db
        .insert(virtualAccounts)
        .values([
          { smartAccountId, name: INJECTIONS[0]! },
          { smartAccountId, name: INJECTIONS[1]! },
        ])
        .returning({ id: virtualAccounts.id });
      const lics = await handle.db
        .insert(licenses)
        .values(INJECTIONS.slice(2).map((name) => ({ smartAccountId, name })))
        .returning({ id: licenses.id });
      await handle.db.insert(usageReports).values(
        lics.map((l, i) => ({
          smartAccountId,
          virtualAccountId: (i % 2 ? va2 : va1)!.id,
          licenseId: l.id,
          quantity: 1,
          source: 'DEMO' as const,
          asOf: '2026-11-01',
        })),
      );
      ({ url: base, graphqlUrl, close, adminToken } = await startTestApi(handle, MONEY_TODAY));
    });
    afterAll(async () => {
      await close();
      await handle.close();
    });

    const apiModel = async (input: string): Promise<ApiModel> => {
      const res = await graphql<{ smartAccount: { renewalModel: ApiModel } }>(
        graphqlUrl,
        `{ smartAccount(domain: "${MONEY_DOMAIN}") { renewalModel(input: { asOf: "${MONEY_TODAY}", currency: USD, ${input} }) { ${MODEL_FIELDS} } } }`,
      );
      expect(res.errors).toBeUndefined();
      // Unit sums are GraphQL BigInt (strings of digits); the sheet's cells are numbers.
      const model = res.data!.smartAccount.renewalModel;
      const n = (v: unknown) => (v === null ? null : Number(v));
      return {
        ...model,
        licenses: model.licenses.map((l) => ({
          ...l,
          consumed: Number(l.consumed),
          reclaimed: Number(l.reclaimed),
          owned: Number(l.owned),
          years: l.years.map((y) => ({
            ...y,
            units: Number(y.units),
            held: Number(y.held),
            allowance: n(y.allowance),
            trueForwardUnits: n(y.trueForwardUnits),
            baseline: n(y.baseline),
          })),
        })),
      };
    };

    it('matches renewalModel to the cent, before and after the growth input changes', async () => {
      const response = await exportFetch(
        `${base}/export/workbook.xlsx?smartAccount=${MONEY_DOMAIN}&asOf=${MONEY_TODAY}&currency=USD&termYears=5&growthBasisPoints=1000&trueForwardMode=A`,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
      const exported = Buffer.from(await response.arrayBuffer());

      const before = await readCells(await recalculateWithLibreOffice(exported));
      // Every formula in the file carries a result, and it is LibreOffice's.
      const cached = await readCells(exported);
      let formulas = 0;
      for (const [sheet, cells] of cached)
        for (const [address, cell] of cells) {
          if (cell.formula === null) continue;
          formulas++;
          const label = `${sheet}!${address} ${cell.formula}`;
          const recalculated = before.get(sheet)?.get(address)?.value;
          expect(cell.value, label).not.toBeNull();
          if (typeof recalculated === 'number')
            expect(Math.abs(Number(cell.value) - recalculated), label).toBeLessThan(1e-9);
          else expect(cell.value, label).toBe(recalculated);
        }
      expect(formulas).toBeGreaterThan(1000);
      const apiBefore = await apiModel('termYears: 5, growthBasisPoints: 1000, trueForwardMode: A');
      const checked = compareRenewal(before, apiBefore);
      expect(checked).toBe(
        formulaCount(before, 'Renewal') + formulaCount(before, 'Renewal detail'),
      );
      expect(checked).toBeGreaterThan(100);
      expect(formulaCount(before, 'Positions') + formulaCount(before, 'Findings')).toBe(0);
      // Network Advantage: 22 (ledger, Campus) + 3 (the ghost switch, Branch) = 25 consumed,
      // 3 reclaimed: the baseline is 22.
      const na = apiBefore.licenses.find((l) => l.licenseName === 'Network Advantage');
      expect([na?.consumed, na?.reclaimed]).toEqual([22, 3]);
      // The case is not trivial: growth is trued forward.
      expect(apiBefore.years.some((y) => minor(y.trueForward as MoneyOut) > 0)).toBe(true);

      // Change the inputs in the file: growth 30 %, true-forward mode B, allowance 100 % (with
      // it the EA turns cheaper as growth rises: the break-even is a real crossing).
      const workbook = new exceljs.Workbook();
      await workbook.xlsx.load(exported as unknown as ArrayBuffer);
      const inputs = workbook.getWorksheet('Renewal')!;
      const rowOf = (label: RegExp) => {
        let found = 0;
        inputs.getColumn(1).eachCell((cell, row) => {
          if (found === 0 && label.test(String(cell.value))) found = row;
        });
        return found;
      };
      inputs.getCell(rowOf(/^Growth per year/), 2).value = 0.3;
      inputs.getCell(rowOf(/^True-forward mode/), 2).value = 'B';
      inputs.getCell(rowOf(/^EA growth allowance/), 2).value = 1;
      const edited = Buffer.from(await workbook.xlsx.writeBuffer());
      const after = await readCells(await recalculateWithLibreOffice(edited));
      const apiAfter = await apiModel(
        'termYears: 5, growthBasisPoints: 3000, trueForwardMode: B, allowanceBasisPoints: 10000',
      );
      expect(apiBefore.breakEvenGrowthBasisPoints).toBeNull();
      expect(apiAfter.breakEvenGrowthBasisPoints).not.toBeNull();
      expect(minor(apiAfter.totals.aLaCarte)).not.toBe(minor(apiBefore.totals.aLaCarte));
      expect(compareRenewal(after, apiAfter)).toBe(checked);
    });

    it('keeps data that looks like formulas as text in the recalculated file and the CSV', async () => {
      const response = await exportFetch(
        `${base}/export/workbook.xlsx?smartAccount=${MONEY_DOMAIN}&asOf=${MONEY_TODAY}&currency=USD`,
      );
      const cells = await readCells(
        await recalculateWithLibreOffice(Buffer.from(await response.arrayBuffer())),
      );
      for (const sheet of ['Positions', 'Findings']) {
        const texts = [...(cells.get(sheet)?.values() ?? [])];
        for (const cell of texts) expect(cell.formula).toBeNull();
      }
      const positions = [...(cells.get('Positions')?.values() ?? [])];
      for (const text of INJECTIONS) {
        const found = positions.filter((c) => c.value === text);
        expect(found.length, text).toBeGreaterThan(0);
        for (const cell of found) expect(['s', 'inlineStr']).toContain(cell.type);
      }
      const csv = await (
        await exportFetch(
          `${base}/export/positions.csv?smartAccount=${MONEY_DOMAIN}&asOf=${MONEY_TODAY}`,
        )
      ).text();
      expect(csv.split('\n')[0]).toBe(
        'asOf,virtualAccountName,region,businessUnit,environment,licenseName,productFamily,unit,kind,billing,owned,ownedSmart,ownedClassic,consumed,reserved,statedReserved,balance,shortfall,surplus,usageReportedAt,unitPrice,exposure,currency',
      );
      // PositionRow's columns: the Virtual Account, its (empty) region and business unit, its
      // environment, then the license.
      expect(csv).toContain(`"'=1+2",,,"PRODUCTION","'+1+1"`);
      expect(csv).toMatch(
        /^2026-11-28,"Campus",,,"PRODUCTION","DNA Advantage","Switching","DEVICE","BASE","\w+",10,10,0,14,0,\d*,-4,4,0,[\d-]*,800\.00,3200\.00,"USD"$/m,
      );
      expect(csv).not.toMatch(/^=|,=/m);
    });

    it('answers 404 for an unknown Smart Account', async () => {
      const response = await exportFetch(
        `${base}/export/workbook.xlsx?smartAccount=nobody.example`,
      );
      expect(response.status).toBe(404);
    });
  },
);
