import type { IssueCollector } from '../issues.js';
import type { BillingType, LedgerRecord, LotRecord, SourceLocation } from '../records.js';

import type { PendingLot } from './lots.js';

/** The figures one licenses-export row states for its Virtual Account × license. */
export interface LedgerFigures {
  readonly owned: number | null;
  readonly consumed: number | null;
  readonly reserved: number | null;
}

type FigureName = keyof LedgerFigures;
const LABELS: Readonly<Record<FigureName, string>> = {
  owned: 'Purchased',
  consumed: 'In Use',
  reserved: 'Reserved',
};

/**
 * One Virtual Account × license of a licenses export, built from its row (summary level) or
 * rows (transaction-detail level: one lot per row, the license figures repeated or left blank).
 */
export class LedgerGroup {
  private readonly figures: { -readonly [F in FigureName]: number | null } = {
    owned: null,
    consumed: null,
    reserved: null,
  };
  private readonly lots: PendingLot[] = [];
  private tag: string | null = null;
  private billing: BillingType | null = null;
  private failed = false;
  /** True once a `Balance` cell of this group has been compared. */
  balanceChecked = false;

  constructor(
    readonly at: SourceLocation,
    readonly virtualAccount: string,
    readonly license: string,
  ) {}

  get owned(): number | null {
    return this.figures.owned;
  }

  get consumed(): number | null {
    return this.figures.consumed;
  }

  /** Marks the group as holding a bad row: it is not turned into a record. */
  fail(): void {
    this.failed = true;
  }

  /**
   * Takes a row's figures, tag and lot. A figure that differs from the one an earlier row stated
   * is reported as `CONFLICTING_VALUE` at `at(figure)`.
   */
  add(
    row: {
      figures: LedgerFigures;
      tag: string | null;
      lot: PendingLot | null;
      billing?: BillingType | null;
    },
    at: (figure: FigureName) => SourceLocation,
    issues: IssueCollector,
  ): void {
    for (const name of Object.keys(LABELS) as FigureName[]) {
      const value = row.figures[name];
      const known = this.figures[name];
      if (value === null) continue;
      if (known === null) this.figures[name] = value;
      else if (known !== value) {
        this.failed = true;
        issues.error(
          'CONFLICTING_VALUE',
          at(name),
          `${LABELS[name]} ${value} differs from ${known} stated on line ${this.at.line} for ` +
            `"${this.license}" in "${this.virtualAccount}"`,
        );
      }
    }
    this.tag ??= row.tag;
    this.billing ??= row.billing ?? null;
    if (row.lot) this.lots.push(row.lot);
  }

  /**
   * The ledger record, or null when a row was bad or a lot's size is unknown. A single lot
   * without a stated quantity holds the whole `owned`; several such lots cannot be sized
   * (`MISSING_VALUE` at the first such row). Lots that do not add up to `owned` get a
   * `LOT_SUM_MISMATCH` warning.
   */
  finish(issues: IssueCollector): LedgerRecord | null {
    const { owned, consumed, reserved } = this.figures;
    if (this.failed || owned === null || consumed === null) return null;
    const lots: LotRecord[] = [];
    for (const { at: _at, quantity, ...lot } of this.lots) {
      if (quantity !== null) lots.push({ ...lot, quantity });
      else if (this.lots.length === 1) lots.push({ ...lot, quantity: owned });
    }
    if (lots.length < this.lots.length) {
      const unsized = this.lots.find((lot) => lot.quantity === null);
      if (unsized) {
        issues.error(
          'MISSING_VALUE',
          unsized.at,
          `"${this.license}" in "${this.virtualAccount}" has ${this.lots.length} lots but this ` +
            'one states no Quantity Purchased',
        );
      }
      return null;
    }
    const sum = lots.reduce((total, lot) => total + lot.quantity, 0);
    if (lots.length > 0 && sum !== owned) {
      issues.warning(
        'LOT_SUM_MISMATCH',
        this.lots[0]?.at ?? this.at,
        `the lots of "${this.license}" in "${this.virtualAccount}" add up to ${sum}, ` +
          `but Purchased is ${owned}`,
      );
    }
    return {
      kind: 'ledger',
      at: this.at,
      virtualAccount: this.virtualAccount,
      license: this.license,
      entitlementTag: this.tag,
      owned,
      consumed,
      reserved,
      billingType: this.billing,
      lots,
    };
  }
}
