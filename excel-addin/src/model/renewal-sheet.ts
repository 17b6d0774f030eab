import { breakEvenGrowthAddress, breakEvenSheets } from './break-even-sheet.js';
import { positionColumn } from './positions-sheet.js';
import {
  GROWTH_KEYS,
  GROWTH_MILESTONE_KEYS,
  RENEWAL_YEARS,
  growthFormulas,
} from './renewal-growth.js';
import { renewalOutputs } from './renewal-outputs.js';
import {
  NUMBER_FORMATS,
  columnLetter,
  layoutOf,
  sheetRef,
  type Cell,
  type InputCell,
  type SheetColumn,
  type SheetModel,
} from './sheet-model.js';

export { RENEWAL_YEARS } from './renewal-growth.js';

/** The renewal inputs and licenses, as numbers a sheet holds (rates as fractions, 0.2 = 20 %). */
export interface RenewalSheetInput {
  readonly currency: string;
  readonly termYears: number;
  readonly growthRate: number;
  readonly allowance: number;
  readonly trueForwardMode: 'A' | 'B';
  readonly discountRate: number;
  readonly listEscalator: number;
  readonly minimumEaValue: number;
  readonly perpetualCreditRate: number;
  readonly supportCredit: number;
  /** Perpetual licenses left out because their EA price is unknown (to be entered). */
  readonly eaPriceNeededLicenseNames: readonly string[];
  /** Licenses not in the EA: a-la-carte under both options, left out of the comparison. */
  readonly outsideEaLicenseNames?: readonly string[];
  /** Reclaimable units taken out of both options' baseline, one per device × license. */
  readonly baselineAdjustments?: readonly {
    readonly licenseName: string;
    readonly units: number;
    readonly reason: 'STRANDED_RESERVATION' | 'GHOST_CONSUMPTION';
    readonly deviceName: string;
    readonly virtualAccountName: string;
  }[];
  readonly licenses: readonly {
    readonly licenseName: string;
    readonly licenseType: 'TERM' | 'PERPETUAL';
    readonly listPrice: number;
    readonly discount: number;
    readonly supportRate: number;
    readonly eaUnitPrice: number;
    /** Reclaimable units (stranded reservations, ghost use) taken out of the baseline. */
    readonly reclaimed: number;
  }[];
  /** Rows of the Positions table the quantities are summed from. */
  readonly positionRowCount: number;
}

export const RENEWAL_SHEET = 'Renewal';
export const RENEWAL_DETAIL_SHEET = 'Renewal detail';

const INPUTS = (input: RenewalSheetInput): InputCell[] => [
  { key: 'currency', label: 'Currency', value: input.currency },
  { key: 'termYears', label: 'Term (years, 3 or 5)', value: input.termYears },
  {
    key: 'growthRate',
    label: 'Growth per year',
    value: input.growthRate,
    numberFormat: NUMBER_FORMATS.percent,
  },
  {
    key: 'allowance',
    label: 'EA growth allowance (g)',
    value: input.allowance,
    numberFormat: NUMBER_FORMATS.percent,
  },
  {
    key: 'trueForwardMode',
    label: 'True-forward mode (A: above allowance, B: all growth)',
    value: input.trueForwardMode,
  },
  {
    key: 'discountRate',
    label: 'Discount rate (NPV)',
    value: input.discountRate,
    numberFormat: NUMBER_FORMATS.percent,
  },
  {
    key: 'listEscalator',
    label: 'List price escalator per year',
    value: input.listEscalator,
    numberFormat: NUMBER_FORMATS.percent,
  },
  {
    key: 'minimumEaValue',
    label: 'Minimum EA value',
    value: input.minimumEaValue,
    numberFormat: NUMBER_FORMATS.money,
  },
  {
    key: 'perpetualCreditRate',
    label: 'Migration credit on owned perpetual',
    value: input.perpetualCreditRate,
    numberFormat: NUMBER_FORMATS.percent,
  },
  {
    key: 'supportCredit',
    label: 'Residual SWSS credit',
    value: input.supportCredit,
    numberFormat: NUMBER_FORMATS.money,
  },
];

/** Column keys of the Renewal detail table, in order. */
export function renewalDetailColumns(): { key: string; column: SheetColumn }[] {
  const money = NUMBER_FORMATS.money;
  const units = NUMBER_FORMATS.integer;
  const columns: { key: string; column: SheetColumn }[] = [
    { key: 'license', column: { header: 'License', width: 40 } },
    { key: 'type', column: { header: 'Type', width: 11 } },
    { key: 'consumed', column: { header: 'Consumed', numberFormat: units } },
    { key: 'reclaimed', column: { header: 'Reclaimed', numberFormat: units } },
    {
      key: 'renewalBaseline',
      column: { header: 'Baseline (consumed − reclaimed)', numberFormat: units },
    },
    { key: 'owned', column: { header: 'Owned', numberFormat: units } },
    { key: 'listPrice', column: { header: 'List price', numberFormat: money } },
    { key: 'discount', column: { header: 'Discount', numberFormat: NUMBER_FORMATS.percent } },
    { key: 'supportRate', column: { header: 'SWSS rate', numberFormat: NUMBER_FORMATS.percent } },
    { key: 'eaPrice', column: { header: 'EA price per year', numberFormat: money } },
    { key: 'eaSubscription', column: { header: 'EA subscription per year', numberFormat: money } },
    { key: 'credit', column: { header: 'Migration credit', numberFormat: money } },
  ];
  for (let y = 1; y <= RENEWAL_YEARS; y++) {
    columns.push(
      { key: `units${y}`, column: { header: `Y${y} units`, numberFormat: units } },
      { key: `held${y}`, column: { header: `Y${y} held`, numberFormat: units } },
      { key: `list${y}`, column: { header: `Y${y} list`, numberFormat: money } },
      { key: `net${y}`, column: { header: `Y${y} net price`, numberFormat: money } },
      { key: `support${y}`, column: { header: `Y${y} SWSS`, numberFormat: money } },
      { key: `aLaCarte${y}`, column: { header: `Y${y} a-la-carte`, numberFormat: money } },
    );
    if (y >= 2)
      columns.push(
        { key: `allowance${y}`, column: { header: `Y${y} allowance`, numberFormat: units } },
        {
          key: `trueForwardUnits${y}`,
          column: { header: `Y${y} true-forward units`, numberFormat: units },
        },
        { key: `baseline${y}`, column: { header: `Y${y} baseline`, numberFormat: units } },
        { key: `trueForward${y}`, column: { header: `Y${y} true-forward`, numberFormat: money } },
      );
  }
  return columns;
}

export const RENEWAL_COLUMNS = [
  'year',
  'aLaCarte',
  'eaSubscription',
  'trueForward',
  'credits',
  'enterpriseAgreement',
  'aLaCartePresentValue',
  'enterpriseAgreementPresentValue',
] as const;

/**
 * The Renewal sheet (inputs, the yearly table, checks) and the Renewal detail sheet (a row per
 * license, every figure a formula over the Positions table and the inputs). The formulas round
 * at the same steps as the API's renewal model (api/src/domain/renewal), so the recalculated
 * sheet matches `renewalModel` to the cent; change an input and Excel recalculates.
 */
export function renewalSheets(input: RenewalSheetInput): {
  renewal: SheetModel;
  detail: SheetModel;
  breakEven: SheetModel;
  breakEvenDetail: SheetModel;
  /** Every sheet above, in reading order (Renewal first). */
  all: readonly SheetModel[];
} {
  const inputs = INPUTS(input);
  const summaryLayout = layoutOf({ inputs, rows: new Array(RENEWAL_YEARS + 1) });
  const ref = (key: string) => `${sheetRef(RENEWAL_SHEET)}!${summaryLayout.inputAddress(key)}`;
  const T = ref('termYears');

  // Detail sheet.
  const detailColumns = renewalDetailColumns();
  const index = new Map(detailColumns.map((c, i) => [c.key, i]));
  const col = (key: string) => columnLetter((index.get(key) ?? -1) + 1);
  const last = 1 + Math.max(input.positionRowCount, 1);
  const positions = (header: Parameters<typeof positionColumn>[0]) => {
    const letter = columnLetter(positionColumn(header) + 1);
    return `${sheetRef('Positions')}!$${letter}$2:$${letter}$${last}`;
  };
  const detailRows = input.licenses.map((license, i): Cell[] => {
    const r = i + 2;
    const at = (key: string) => `${col(key)}${r}`;
    const cells = new Map<string, Cell>();
    cells.set('license', license.licenseName);
    cells.set('type', license.licenseType);
    cells.set('consumed', {
      formula: `SUMPRODUCT((${positions('License')}=$A${r})*${positions('Consumed')})`,
    });
    cells.set('reclaimed', license.reclaimed);
    cells.set('renewalBaseline', {
      formula: `MAX(0,${at('consumed')}-${at('reclaimed')})`,
    });
    cells.set('owned', {
      formula: `SUMPRODUCT((${positions('License')}=$A${r})*${positions('Owned')})`,
    });
    cells.set('listPrice', license.listPrice);
    cells.set('discount', license.discount);
    cells.set('supportRate', license.supportRate);
    cells.set('eaPrice', license.eaUnitPrice);
    cells.set('eaSubscription', { formula: `ROUND(${at('renewalBaseline')}*${at('eaPrice')},2)` });
    cells.set('credit', {
      formula: `IF(${at('type')}="PERPETUAL",ROUND(ROUND(${at('owned')}*${at('net1')}*${ref('perpetualCreditRate')}*100,6),0)/100,0)`,
    });
    for (let y = 1; y <= RENEWAL_YEARS; y++) {
      const inTerm = (formula: string): Cell => ({ formula: `IF(${y}<=${T},${formula},0)` });
      cells.set(
        `list${y}`,
        inTerm(`ROUND(ROUND(${at('listPrice')}*(1+${ref('listEscalator')})^${y - 1}*100,6),0)/100`),
      );
      cells.set(`net${y}`, inTerm(`INT(ROUND(${at(`list${y}`)}*(1-${at('discount')})*100,6))/100`));
      cells.set(
        `support${y}`,
        inTerm(
          `IF(${at('type')}="PERPETUAL",INT(ROUND(${at(`list${y}`)}*${at('supportRate')}*100,6))/100,0)`,
        ),
      );
    }
    growthFormulas(cells, { growth: ref('growthRate'), term: T, ref, local: at, fixed: at });
    return detailColumns.map((c) => cells.get(c.key) ?? null);
  });
  const detail: SheetModel = {
    name: RENEWAL_DETAIL_SHEET,
    tableName: 'RenewalDetail',
    inputs: [],
    columns: detailColumns.map((c) => c.column),
    rows: detailRows,
  };

  // Summary sheet.
  const lastDetail = 1 + Math.max(input.licenses.length, 1);
  const detailSum = (key: string) =>
    `SUM(${sheetRef(RENEWAL_DETAIL_SHEET)}!$${col(key)}$2:$${col(key)}$${lastDetail})`;
  const first = summaryLayout.firstDataRow;
  const sc = (key: (typeof RENEWAL_COLUMNS)[number]) =>
    columnLetter(RENEWAL_COLUMNS.indexOf(key) + 1);
  const yearRows: Cell[][] = [];
  for (let y = 1; y <= RENEWAL_YEARS; y++) {
    const r = first + y - 1;
    const pv = (key: 'aLaCarte' | 'enterpriseAgreement'): Cell => ({
      formula: `IF(${y}<=${summaryLayout.inputAddress('termYears')},ROUND(ROUND(${sc(key)}${r}*100/(1+${summaryLayout.inputAddress('discountRate')})^${y - 1},6),0)/100,0)`,
    });
    yearRows.push([
      y,
      { formula: detailSum(`aLaCarte${y}`) },
      {
        formula: `IF(${y}<=${summaryLayout.inputAddress('termYears')},${detailSum('eaSubscription')},0)`,
      },
      y === 1 ? 0 : { formula: detailSum(`trueForward${y}`) },
      y === 1
        ? { formula: `${detailSum('credit')}+${summaryLayout.inputAddress('supportCredit')}` }
        : 0,
      { formula: `${sc('eaSubscription')}${r}+${sc('trueForward')}${r}-${sc('credits')}${r}` },
      pv('aLaCarte'),
      pv('enterpriseAgreement'),
    ]);
  }
  const lastYear = first + RENEWAL_YEARS - 1;
  const total = (key: (typeof RENEWAL_COLUMNS)[number]): Cell => ({
    formula: `SUM(${sc(key)}${first}:${sc(key)}${lastYear})`,
  });
  const totalRow: Cell[] = [
    'Total',
    total('aLaCarte'),
    total('eaSubscription'),
    total('trueForward'),
    total('credits'),
    total('enterpriseAgreement'),
    total('aLaCartePresentValue'),
    total('enterpriseAgreementPresentValue'),
  ];
  const totalsRow = lastYear + 1;
  const breakEven = breakEvenSheets({
    licenseCount: input.licenses.length,
    renewalYears: RENEWAL_YEARS,
    term: T,
    ref,
    detail: (i, key) => `${sheetRef(RENEWAL_DETAIL_SHEET)}!$${col(key)}$${i + 2}`,
    renewalYear: (key, y) => `${sheetRef(RENEWAL_SHEET)}!$${sc(key)}$${first + y - 1}`,
    growthFormulas: (cells, growth, local, fixed) =>
      growthFormulas(cells, { growth, term: T, ref, local, fixed }),
    growthKeys: (y) => GROWTH_KEYS.filter((key) => y >= 2 || !GROWTH_MILESTONE_KEYS.has(key)),
  });
  const outputs = renewalOutputs(input, (key) => `${sc(key)}${totalsRow}`, {
    minimumEaValue: summaryLayout.inputAddress('minimumEaValue'),
    breakEvenGrowth: breakEvenGrowthAddress(breakEven.breakEven),
  });
  const money = NUMBER_FORMATS.money;
  const renewal: SheetModel = {
    name: RENEWAL_SHEET,
    tableName: 'Renewal',
    inputs,
    columns: [
      { header: 'Year' },
      { header: 'A-la-carte', numberFormat: money },
      { header: 'EA subscription', numberFormat: money },
      { header: 'True-forward', numberFormat: money },
      { header: 'Credits', numberFormat: money },
      { header: 'Enterprise Agreement', numberFormat: money },
      { header: 'A-la-carte PV', numberFormat: money },
      { header: 'Enterprise Agreement PV', numberFormat: money },
    ],
    rows: [...yearRows, totalRow],
    outputs,
  };
  return {
    renewal,
    detail,
    breakEven: breakEven.breakEven,
    breakEvenDetail: breakEven.detail,
    all: [renewal, detail, breakEven.breakEven, breakEven.detail],
  };
}

/** The Renewal sheet alone (see `renewalSheets` for the detail sheet its formulas read). */
export const renewalSheet = (input: RenewalSheetInput): SheetModel => renewalSheets(input).renewal;
