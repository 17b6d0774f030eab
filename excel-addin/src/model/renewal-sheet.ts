import { breakEvenGrowthAddress, breakEvenSheets } from './break-even-sheet.js';
import { positionColumn } from './positions-sheet.js';
import {
  NUMBER_FORMATS,
  columnLetter,
  layoutOf,
  sheetRef,
  type Cell,
  type InputCell,
  type OutputCell,
  type SheetColumn,
  type SheetModel,
} from './sheet-model.js';

/** Years the sheets always lay out; years beyond the term input show zeros. */
export const RENEWAL_YEARS = 5;

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

/** The per-license yearly figures that move with growth (the rest do not). */
const GROWTH_KEYS = [
  'units',
  'held',
  'aLaCarte',
  'allowance',
  'trueForwardUnits',
  'baseline',
  'trueForward',
] as const;
const GROWTH_MILESTONE_KEYS = new Set<string>([
  'allowance',
  'trueForwardUnits',
  'baseline',
  'trueForward',
]);

/**
 * Sets a license's growth-dependent yearly figures (units, held, a-la-carte, the true-forward
 * milestones) as formulas. `growth` is the growth rate as a formula term; `local` addresses the
 * figures being set, `fixed` those that do not move with growth (type, baseline, prices) and
 * `ref` the Renewal inputs. The Renewal detail sheet calls it with its own row for both; the
 * Break-even detail sheet with a trial growth and the Renewal detail row for `fixed`.
 */
function growthFormulas(
  cells: Map<string, Cell>,
  o: {
    readonly growth: string;
    readonly term: string;
    readonly ref: (key: string) => string;
    readonly local: (key: string) => string;
    readonly fixed: (key: string) => string;
  },
): void {
  const { local, fixed, ref } = o;
  for (let y = 1; y <= RENEWAL_YEARS; y++) {
    const inTerm = (formula: string): Cell => ({ formula: `IF(${y}<=${o.term},${formula},0)` });
    const prevHeld = y === 1 ? fixed('owned') : local(`held${y - 1}`);
    const perpetual = `${fixed('type')}="PERPETUAL"`;
    cells.set(
      `units${y}`,
      inTerm(`ROUND(ROUND(${fixed('renewalBaseline')}*(1+${o.growth})^${y - 1},6),0)`),
    );
    cells.set(
      `held${y}`,
      inTerm(`IF(${perpetual},MAX(${prevHeld},${local(`units${y}`)}),${local(`units${y}`)})`),
    );
    const held = local(`held${y}`);
    cells.set(
      `aLaCarte${y}`,
      inTerm(
        `IF(${perpetual},ROUND((${held}-${prevHeld})*${fixed(`net${y}`)}+${held}*${fixed(`support${y}`)},2),ROUND(${held}*${fixed(`net${y}`)},2))`,
      ),
    );
    if (y >= 2) {
      const prevBaseline = y === 2 ? fixed('renewalBaseline') : local(`baseline${y - 1}`);
      const units = local(`units${y}`);
      const allowance = local(`allowance${y}`);
      cells.set(`allowance${y}`, inTerm(`INT(ROUND(${prevBaseline}*(1+${ref('allowance')}),6))`));
      cells.set(
        `trueForwardUnits${y}`,
        inTerm(
          `IF(${ref('trueForwardMode')}="A",MAX(0,${units}-${allowance}),IF(${units}>${allowance},${units}-${prevBaseline},0))`,
        ),
      );
      cells.set(`baseline${y}`, inTerm(`${prevBaseline}+${local(`trueForwardUnits${y}`)}`));
      cells.set(
        `trueForward${y}`,
        inTerm(
          `ROUND(${local(`trueForwardUnits${y}`)}*${fixed('eaPrice')}*(${o.term}-${y - 1}),2)`,
        ),
      );
    }
  }
}

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
  const outputs: OutputCell[] = [
    {
      key: 'eaValue',
      label: 'EA value (subscriptions over the term)',
      value: { formula: `${sc('eaSubscription')}${totalsRow}` },
      numberFormat: NUMBER_FORMATS.money,
    },
    {
      key: 'meetsMinimumEaValue',
      label: 'Meets the minimum EA value',
      value: {
        formula: `${sc('eaSubscription')}${totalsRow}>=${summaryLayout.inputAddress('minimumEaValue')}`,
      },
    },
    {
      key: 'cheaperOption',
      label: 'Cheaper by NPV',
      value: {
        formula: `IF(${sc('enterpriseAgreementPresentValue')}${totalsRow}<${sc('aLaCartePresentValue')}${totalsRow},"Enterprise Agreement","A-la-carte")`,
      },
    },
    {
      key: 'breakEvenGrowth',
      label: 'Break-even growth (the cheaper option by NPV changes; see Break-even)',
      value: { formula: breakEvenGrowthAddress(breakEven.breakEven) },
      numberFormat: NUMBER_FORMATS.percent,
    },
    {
      key: 'eaPriceNeeded',
      label: 'Left out: EA price needed (perpetual, no EA price in the price book)',
      value:
        input.eaPriceNeededLicenseNames.length === 0
          ? 'none'
          : input.eaPriceNeededLicenseNames.join(', '),
    },
    {
      key: 'outsideEa',
      label: 'Not in the EA (a-la-carte under both options, left out of the comparison)',
      value:
        (input.outsideEaLicenseNames ?? []).length === 0
          ? 'none'
          : (input.outsideEaLicenseNames ?? []).join(', '),
    },
    {
      key: 'baselineAdjustments',
      label: 'Baseline adjustments (reclaimable units out of both options; Reclaimed column)',
      value:
        (input.baselineAdjustments ?? []).length === 0
          ? 'none'
          : (input.baselineAdjustments ?? [])
              .map(
                (a) =>
                  `−${a.units} ${a.licenseName}: ${a.reason === 'STRANDED_RESERVATION' ? 'stranded reservation' : 'ghost consumption'} on ${a.deviceName} (${a.virtualAccountName})`,
              )
              .join('; '),
    },
  ];
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
