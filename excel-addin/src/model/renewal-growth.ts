import type { Cell } from './sheet-model.js';

/** Years the sheets always lay out; years beyond the term input show zeros. */
export const RENEWAL_YEARS = 5;

/** The per-license yearly figures that move with growth (the rest do not). */
export const GROWTH_KEYS = [
  'units',
  'held',
  'aLaCarte',
  'allowance',
  'trueForwardUnits',
  'baseline',
  'trueForward',
] as const;
export const GROWTH_MILESTONE_KEYS = new Set<string>([
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
export function growthFormulas(
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
