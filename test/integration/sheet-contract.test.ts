// One sheet contract, two writers: every sheet model is rendered by the `.xlsx` export
// (exceljs) and by the add-in's writer (against the fake Excel), and both must put the same
// values, formulas and number formats in the same cells, and highlight the same range.
import exceljs from 'exceljs';
import { describe, expect, it } from 'vitest';

import { writeXlsx } from '../../api/src/export/xlsx.js';
import {
  columnLetter,
  findingsSheet,
  positionsSheet,
  renewalSheets,
  type PositionSheetRow,
  type SheetModel,
} from '../../excel-addin/src/model/index.js';
import { listsSheet, movesSheet } from '../../excel-addin/src/model/moves-sheet.js';
import { shortfallByVirtualAccountSheet } from '../../excel-addin/src/model/shortfall-by-va-sheet.js';
import { whatIfSheet } from '../../excel-addin/src/model/what-if-sheet.js';
import { FakeWorkbook } from '../../excel-addin/src/office/testing/fake-workbook.js';
import { writeSheets } from '../../excel-addin/src/office/write-sheet.js';

type Rendered = Map<
  string,
  { formula?: string; value?: unknown; numberFormat?: string | undefined }
>;

const position = (va: string, license: string, shortfall: number): PositionSheetRow => ({
  virtualAccountName: va,
  licenseName: license,
  productFamily: null,
  owned: 4,
  consumed: 4 + shortfall,
  reserved: 0,
  balance: shortfall === 0 ? 0 : -shortfall, // not -0: Office JSON sends 0
  shortfall,
  surplus: 0,
  unitPrice: { amount: '1200.50', currency: 'USD' },
  exposure: { amount: (shortfall * 1200.5).toFixed(2), currency: 'USD' },
  billing: 'PREPAID',
  usageReportedAt: null,
});

// Data that a spreadsheet would parse: formulas, numbers, a leading apostrophe.
const positions = [
  position('=HYPERLINK("x")', 'DNA Advantage', 2),
  position('007', "'quoted", 0),
  position('Campus', '+1', 1),
];

const sheets: Record<string, SheetModel[]> = {
  Positions: [positionsSheet(positions)],
  Findings: [
    findingsSheet([
      {
        severity: 'HIGH',
        code: 'INSUFFICIENT_LICENSES',
        virtualAccountName: '@evil',
        licenseName: 'DNA Advantage',
        quantity: 2,
        money: { amount: '2401.00', currency: 'USD' },
        message: '-2 short',
      },
    ]),
  ],
  Renewal: renewalSheets({
    currency: 'USD',
    termYears: 3,
    growthRate: 0.1,
    allowance: 0.2,
    trueForwardMode: 'B',
    discountRate: 0.08,
    listEscalator: 0.03,
    minimumEaValue: 1000,
    perpetualCreditRate: 0.1,
    supportCredit: 50,
    eaPriceNeededLicenseNames: ['=unknown'],
    licenses: [
      {
        licenseName: 'DNA Advantage',
        licenseType: 'TERM',
        listPrice: 1000,
        discount: 0.2,
        supportRate: 0,
        eaUnitPrice: 700,
        reclaimed: 1,
      },
      {
        licenseName: "'quoted",
        licenseType: 'PERPETUAL',
        listPrice: 2800,
        discount: 0.38,
        supportRate: 0.18,
        eaUnitPrice: 450,
        reclaimed: 0,
      },
    ],
    positionRowCount: positions.length,
  }).all as SheetModel[],
  'Shortfall by VA': [shortfallByVirtualAccountSheet(['Campus', '007'])],
  Moves: [
    movesSheet([{ license: '=x', quantity: 3, from: 'Lab', to: 'Prod' }]),
    listsSheet(['Lab', 'Prod'], ['=x']),
  ],
  'What-if': [
    whatIfSheet({
      asOf: '2026-05-01',
      feasible: true,
      shortfallChange: -2,
      surplusChange: -2,
      exposureBefore: [{ amount: '200.00', currency: 'USD' }],
      exposureAfter: [],
      exposureChange: [{ amount: '-200.00', currency: 'USD' }],
      lines: [
        {
          virtualAccountName: 'Prod',
          licenseName: '-L',
          before: { owned: 2, consumed: 4, balance: -2, shortfall: 2, surplus: 0 },
          after: { owned: 4, consumed: 4, balance: 0, shortfall: 0, surplus: 0 },
        },
      ],
    }),
  ],
};

const format = (f: unknown) => (f === undefined || f === 'General' ? undefined : String(f));

/** The `.xlsx` export, read back with exceljs. */
async function viaXlsx(models: readonly SheetModel[]) {
  const workbook = new exceljs.Workbook();
  await workbook.xlsx.load((await writeXlsx(models)) as unknown as ArrayBuffer);
  const out = new Map<string, { cells: Rendered; highlight: string[] }>();
  for (const sheet of workbook.worksheets) {
    const cells: Rendered = new Map();
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === null || cell.value === undefined) return;
        cells.set(
          cell.address,
          cell.formula
            ? { formula: cell.formula, numberFormat: format(cell.numFmt) }
            : { value: cell.value, numberFormat: format(cell.numFmt) },
        );
      }),
    );
    const highlight = (
      (sheet as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings ??
      []
    ).map((c) => c.ref);
    out.set(sheet.name, { cells, highlight });
  }
  return out;
}

/** The add-in's writer, against the fake Excel. */
async function viaAddin(models: readonly SheetModel[]) {
  const book = new FakeWorkbook();
  await book.run((context) => writeSheets(context, models));
  const out = new Map<string, { cells: Rendered; highlight: string[] }>();
  for (const [name, sheet] of book.sheets) {
    const cells: Rendered = new Map();
    for (const [key, cell] of sheet.cells) {
      if (cell.value === null && cell.formula === undefined) continue;
      const [r, c] = key.split(',').map(Number) as [number, number];
      const address = `${columnLetter(c + 1)}${r + 1}`;
      cells.set(
        address,
        cell.formula !== undefined
          ? { formula: cell.formula.slice(1), numberFormat: format(cell.numberFormat) }
          : { value: cell.value, numberFormat: format(cell.numberFormat) },
      );
    }
    const highlight = sheet.conditionalFormats.filter((f) => f.fill).map((f) => f.address);
    out.set(name, { cells, highlight });
  }
  return out;
}

const sorted = (cells: Rendered) =>
  [...cells.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));

describe('one sheet contract, rendered by the .xlsx export and by the add-in', () => {
  for (const [name, models] of Object.entries(sheets)) {
    it(`${name}: the same values, formulas and formats in the same cells`, async () => {
      const [file, addin] = await Promise.all([viaXlsx(models), viaAddin(models)]);
      for (const model of models) {
        const a = file.get(model.name);
        const b = addin.get(model.name);
        expect(a, model.name).toBeDefined();
        expect(b, model.name).toBeDefined();
        expect(sorted(b!.cells), model.name).toEqual(sorted(a!.cells));
        expect(b!.highlight, model.name).toEqual(a!.highlight);
        // Every output is there on both (the Renewal result cells).
        for (const output of model.outputs ?? [])
          expect(
            [...a!.cells.values()].some((c) => c.value === output.label),
            output.label,
          ).toBe(true);
      }
    });
  }

  it('keeps data text as text in both (nothing a spreadsheet would parse)', async () => {
    const [file, addin] = await Promise.all([
      viaXlsx(sheets.Positions!),
      viaAddin(sheets.Positions!),
    ]);
    for (const rendered of [file, addin]) {
      const cells = rendered.get('Positions')!.cells;
      expect(cells.get('A2')).toEqual({ value: '=HYPERLINK("x")' });
      expect(cells.get('A3')).toEqual({ value: '007' });
      expect(cells.get('B3')).toEqual({ value: "'quoted" });
      expect(cells.get('B4')).toEqual({ value: '+1' });
      expect(rendered.get('Positions')!.highlight).toEqual(['H2:H4']);
    }
  });
});
