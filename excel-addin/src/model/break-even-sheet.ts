import {
  NUMBER_FORMATS,
  columnLetter,
  layoutOf,
  sheetRef,
  type Cell,
  type OutputCell,
  type SheetColumn,
  type SheetModel,
} from './sheet-model.js';

export const BREAK_EVEN_SHEET = 'Break-even';
export const BREAK_EVEN_DETAIL_SHEET = 'Break-even detail';

/** Growth tried by the scan, in basis points: 0 %, 10 %, …, 100 % (steps 1 … 11). */
const SCAN_STEP_BASIS_POINTS = 1_000;
const SCAN_STEPS = 11;
/** Bisection steps: ⌈log2 1000⌉ narrow one 10 % scan step to the basis point. */
const BISECTION_STEPS = 10;
export const BREAK_EVEN_STEPS = SCAN_STEPS + BISECTION_STEPS;

/** What the break-even sheets read from the Renewal sheets (all absolute, sheet-qualified). */
export interface BreakEvenContext {
  readonly licenseCount: number;
  readonly renewalYears: number;
  /** Term input, e.g. `Renewal!$B$2`. */
  readonly term: string;
  /** An input of the Renewal sheet by key. */
  readonly ref: (key: string) => string;
  /** Renewal detail cell of license `index` (0-based) for a column key. */
  readonly detail: (index: number, key: string) => string;
  /** Renewal sheet cell of a yearly column (`eaSubscription`, `credits`) in year `y`. */
  readonly renewalYear: (key: 'eaSubscription' | 'credits', year: number) => string;
  /** Writes the growth-dependent figures of one license at a trial growth (see renewal-sheet). */
  readonly growthFormulas: (
    cells: Map<string, Cell>,
    growth: string,
    local: (key: string) => string,
    fixed: (key: string) => string,
  ) => void;
  /** Growth-dependent column keys per year, in sheet order. */
  readonly growthKeys: (year: number) => readonly string[];
}

/**
 * Break-even growth as formulas, the same search as the API's `breakEvenGrowth`: the model is
 * evaluated at 0 %, 10 %, …, 100 % (steps 1–11), then ten bisection steps narrow the first 10 %
 * step where the cheaper option by NPV changes to the basis point. Break-even detail holds the
 * growth-dependent figures of every license at each step's growth (the others are read from
 * Renewal detail); Break-even sums them per step like the Renewal sheet does. Every cell is a
 * formula over the Renewal inputs, so the break-even recalculates when an input changes.
 */
export function breakEvenSheets(c: BreakEvenContext): {
  breakEven: SheetModel;
  detail: SheetModel;
} {
  const at = (column: number, row: number | string) => `${columnLetter(column + 1)}${row}`;
  const stepRow = (k: number) => k + 1; // step k (1-based) on row k + 1, under the header
  const growthCell = (k: number) => `${sheetRef(BREAK_EVEN_SHEET)}!$B$${stepRow(k)}`;

  // Break-even detail: a row per step × license.
  const keys = ['step', 'license'];
  for (let y = 1; y <= c.renewalYears; y++) keys.push(...c.growthKeys(y).map((k) => `${k}${y}`));
  const col = (key: string) => columnLetter(keys.indexOf(key) + 1);
  const detailRows: Cell[][] = [];
  for (let k = 1; k <= BREAK_EVEN_STEPS; k++)
    for (let i = 0; i < c.licenseCount; i++) {
      const r = detailRows.length + 2;
      const cells = new Map<string, Cell>([
        ['step', k],
        ['license', { formula: c.detail(i, 'license') }],
      ]);
      c.growthFormulas(
        cells,
        `(${growthCell(k)}/10000)`,
        (key) => `${col(key)}${r}`,
        (key) => c.detail(i, key),
      );
      detailRows.push(keys.map((key) => cells.get(key) ?? null));
    }
  // Step k's block of license rows (summed by range, not SUMIF over every step: a step may
  // depend only on earlier steps, or the spreadsheet sees a circular reference).
  const blockSum = (k: number, key: string) => {
    if (c.licenseCount === 0) return '0';
    const top = 2 + (k - 1) * c.licenseCount;
    const bottom = top + c.licenseCount - 1;
    return `SUM(${sheetRef(BREAK_EVEN_DETAIL_SHEET)}!$${col(key)}$${top}:$${col(key)}$${bottom})`;
  };
  const units = NUMBER_FORMATS.integer;
  const money = NUMBER_FORMATS.money;
  const detail: SheetModel = {
    name: BREAK_EVEN_DETAIL_SHEET,
    tableName: 'BreakEvenDetail',
    inputs: [],
    columns: keys.map((key): SheetColumn => {
      if (key === 'step') return { header: 'Step' };
      if (key === 'license') return { header: 'License', width: 40 };
      const [, name = '', year = ''] = /^([a-zA-Z]+)(\d+)$/.exec(key) ?? [];
      const isMoney = name === 'aLaCarte' || name === 'trueForward';
      return { header: `Y${year} ${name}`, numberFormat: isMoney ? money : units };
    }),
    rows: detailRows,
  };

  // Break-even: a row per step.
  const columns: { key: string; column: SheetColumn }[] = [
    { key: 'step', column: { header: 'Step' } },
    { key: 'growth', column: { header: 'Growth (basis points)', numberFormat: units } },
  ];
  for (let y = 1; y <= c.renewalYears; y++)
    columns.push({
      key: `aLaCarte${y}`,
      column: { header: `Y${y} a-la-carte`, numberFormat: money },
    });
  for (let y = 2; y <= c.renewalYears; y++)
    columns.push({
      key: `trueForward${y}`,
      column: { header: `Y${y} true-forward`, numberFormat: money },
    });
  columns.push(
    { key: 'aLaCartePv', column: { header: 'A-la-carte PV', numberFormat: money } },
    { key: 'eaPv', column: { header: 'Enterprise Agreement PV', numberFormat: money } },
    { key: 'eaDearer', column: { header: 'EA dearer (1 = yes)', numberFormat: units } },
    { key: 'differs', column: { header: 'Differs from step 1', numberFormat: units } },
    { key: 'low', column: { header: 'Low (basis points)', numberFormat: units } },
    { key: 'high', column: { header: 'High (basis points)', numberFormat: units } },
  );
  const sc = (key: string) => columns.findIndex((x) => x.key === key);
  const discount = c.ref('discountRate');
  const pv = (year: number, amount: string) =>
    `IF(${year}<=${c.term},ROUND(ROUND((${amount})*100/(1+${discount})^${year - 1},6),0)/100,0)`;
  const scanFirst = stepRow(2);
  const scanLast = stepRow(SCAN_STEPS);
  const start = `$${at(sc('eaDearer'), '')}$${stepRow(1)}`;
  const rows: Cell[][] = [];
  for (let k = 1; k <= BREAK_EVEN_STEPS; k++) {
    const r = stepRow(k);
    const here = (key: string) => at(sc(key), r);
    const above = (key: string) => at(sc(key), r - 1);
    const cells = new Map<string, Cell>([['step', k]]);
    cells.set(
      'growth',
      k <= SCAN_STEPS
        ? (k - 1) * SCAN_STEP_BASIS_POINTS
        : { formula: `INT((${above('low')}+${above('high')})/2)` },
    );
    const alc: string[] = [];
    const ea: string[] = [];
    for (let y = 1; y <= c.renewalYears; y++) {
      cells.set(`aLaCarte${y}`, {
        formula: blockSum(k, `aLaCarte${y}`),
      });
      if (y >= 2)
        cells.set(`trueForward${y}`, {
          formula: blockSum(k, `trueForward${y}`),
        });
      alc.push(pv(y, here(`aLaCarte${y}`)));
      const trueForward = y >= 2 ? `+${here(`trueForward${y}`)}` : '';
      ea.push(
        pv(y, `${c.renewalYear('eaSubscription', y)}${trueForward}-${c.renewalYear('credits', y)}`),
      );
    }
    cells.set('aLaCartePv', { formula: alc.join('+') });
    cells.set('eaPv', { formula: ea.join('+') });
    cells.set('eaDearer', { formula: `IF(${here('eaPv')}>${here('aLaCartePv')},1,0)` });
    cells.set('differs', { formula: `IF(${here('eaDearer')}<>${start},1,0)` });
    if (k === SCAN_STEPS) {
      // The first scanned step that differs from step 1, and the step before it.
      const growths = `$B$${scanFirst}:$B$${scanLast}`;
      const differs = `$${at(sc('differs'), '')}$${scanFirst}:$${at(sc('differs'), '')}$${scanLast}`;
      cells.set('high', {
        formula: `IFERROR(INDEX(${growths},MATCH(1,${differs},0)),${(SCAN_STEPS - 1) * SCAN_STEP_BASIS_POINTS})`,
      });
      cells.set('low', { formula: `${here('high')}-${SCAN_STEP_BASIS_POINTS}` });
    } else if (k > SCAN_STEPS) {
      cells.set('low', {
        formula: `IF(${here('eaDearer')}=${start},${here('growth')},${above('low')})`,
      });
      cells.set('high', {
        formula: `IF(${here('eaDearer')}=${start},${above('high')},${here('growth')})`,
      });
    }
    rows.push(columns.map((x) => cells.get(x.key) ?? null));
  }
  const model = { inputs: [], rows };
  const outputs: OutputCell[] = [
    {
      key: 'crossing',
      label: 'The cheaper option changes between 0 % and 100 % growth',
      value: {
        formula: `SUM($${at(sc('differs'), '')}$${scanFirst}:$${at(sc('differs'), '')}$${scanLast})>0`,
      },
    },
  ];
  const crossing = layoutOf({ ...model, outputs }).outputAddress('crossing');
  const lastHigh = `${at(sc('high'), stepRow(BREAK_EVEN_STEPS))}`;
  outputs.push(
    {
      key: 'breakEvenGrowth',
      label: 'Break-even growth (lowest growth at which the other option is cheaper)',
      value: { formula: `IF(${crossing},${lastHigh}/10000,"none")` },
      numberFormat: NUMBER_FORMATS.percent,
    },
    {
      key: 'cheaperBelow',
      label: 'Cheaper by NPV below the break-even',
      value: {
        formula: `IF(${crossing},IF(${start}=1,"A-la-carte","Enterprise Agreement"),"none")`,
      },
    },
  );
  const breakEven: SheetModel = {
    name: BREAK_EVEN_SHEET,
    tableName: 'BreakEven',
    inputs: [],
    columns: columns.map((x) => x.column),
    rows,
    outputs,
  };
  return { breakEven, detail };
}

/** Address of the break-even growth on the Break-even sheet, for the Renewal sheet's output. */
export function breakEvenGrowthAddress(breakEven: SheetModel): string {
  return `${sheetRef(BREAK_EVEN_SHEET)}!${layoutOf(breakEven).outputAddress('breakEvenGrowth')}`;
}
