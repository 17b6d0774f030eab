import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { POSITION_ROW_SORT_KEYS, type PositionRowSortKey } from '../../services/index.js';
import { Environment, LicenseKind, LicenseUnit } from '../account/enums.js';
import { Connection } from '../connection.js';
import { BigIntScalar } from '../scalars/bigint.scalar.js';
import { DateScalar } from '../scalars/date.scalar.js';

import { BillingGql } from './position.type.js';

// simpleResolvers: plain properties read by graphql-js's default resolver (BI pages are 5,000 rows).
@ObjectType('PositionRow', {
  description:
    'One license in one Virtual Account at an as-of date, flat: every column a report groups or filters by is a scalar on the row (tags, product family, unit, kind, the smart/classic split, unit price, exposure and currency). /export/positions.csv and /export/positions.jsonl carry exactly these columns under these names. balance = owned − consumed.',
  simpleResolvers: true,
})
export class PositionRowGql {
  @Field(() => DateScalar, { description: 'The date the row is computed at.' })
  asOf!: string;
  @Field(() => String, { description: 'Virtual Account name, as in CSSM.' })
  virtualAccountName!: string;
  @Field(() => String, { nullable: true, description: 'Region tag of the Virtual Account.' })
  region!: string | null;
  @Field(() => String, { nullable: true, description: 'Business unit tag of the Virtual Account.' })
  businessUnit!: string | null;
  @Field(() => Environment, { description: 'Environment tag of the Virtual Account.' })
  environment!: Environment;
  @Field(() => String, { description: 'License name, as Cisco spells it in CSSM.' })
  licenseName!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Product family of the license (from the catalog); null when not known.',
  })
  productFamily!: string | null;
  @Field(() => LicenseUnit, { description: 'What one unit of the license counts.' })
  unit!: LicenseUnit;
  @Field(() => LicenseKind, { description: 'BASE or ADD_ON (an add-on needs a base license).' })
  kind!: LicenseKind;
  @Field(() => BillingGql, {
    description: 'USAGE lines have balance, shortfall and surplus 0 (billed as used).',
  })
  billing!: BillingGql;
  @Field(() => BigIntScalar, {
    description: 'SMART entitlements active at the date, plus CLASSIC_PAK ones when included.',
  })
  owned!: number;
  @Field(() => BigIntScalar, { description: 'Units of SMART lots active at the date.' })
  ownedSmart!: number;
  @Field(() => BigIntScalar, {
    description:
      'Units of CLASSIC_PAK lots active at the date, not yet converted (in owned only when includeClassic).',
  })
  ownedClassic!: number;
  @Field(() => BigIntScalar, {
    description: 'In use as reported, reserved quantities included (see PositionLine.consumed).',
  })
  consumed!: number;
  @Field(() => BigIntScalar, { description: 'Part of consumed pinned by SLR/PLR reservations.' })
  reserved!: number;
  @Field(() => Int, {
    nullable: true,
    description: "Cisco's own reserved figure from the ledger; null when the ledger states none.",
  })
  statedReserved!: number | null;
  @Field(() => BigIntScalar, { description: 'owned − consumed; negative when short.' })
  balance!: number;
  @Field(() => BigIntScalar, { description: 'max(0, −balance): units billed at true-up.' })
  shortfall!: number;
  @Field(() => BigIntScalar, { description: 'max(0, balance): units owned and not consumed.' })
  surplus!: number;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When consumption was last reported on or before the date; null: not reported (consumed is 0 for lack of a report).',
  })
  usageReportedAt!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Net unit true-up price, a decimal (e.g. "1234.50") in currency; null when unpriced.',
  })
  unitPrice!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'shortfall × unitPrice, a decimal in currency; null when unpriced.',
  })
  exposure!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'ISO 4217 code of unitPrice and exposure; null when unpriced.',
  })
  currency!: string | null;
  smartAccountId!: number;
  virtualAccountId!: number;
  licenseId!: number;
}

/** The sort keys as a GraphQL enum, derived from the service's one list. */
export const PositionRowSortKeyGql = Object.fromEntries(
  POSITION_ROW_SORT_KEYS.map((key) => [key, key]),
) as { readonly [K in PositionRowSortKey]: K };
const SORT_KEY_DESCRIPTIONS: Record<PositionRowSortKey, string> = {
  VIRTUAL_ACCOUNT_NAME: 'Virtual Account name, then license name (byte order): the default.',
  LICENSE_NAME: 'License name (byte order).',
  PRODUCT_FAMILY: 'Product family (byte order; rows without one last when ascending).',
  REGION: 'Region tag (byte order; rows without one last when ascending).',
  BUSINESS_UNIT: 'Business unit tag (byte order; rows without one last when ascending).',
  OWNED: 'Units owned.',
  CONSUMED: 'Units consumed.',
  BALANCE: 'Balance (owned − consumed).',
  SHORTFALL: 'Shortfall: DESC puts the largest first.',
  SURPLUS: 'Surplus: DESC puts the largest first.',
};
registerEnumType(PositionRowSortKeyGql, {
  name: 'PositionRowSortKey',
  description:
    'What position rows are sorted by; ties are always broken by Virtual Account then license name (a row’s identity), so the order is total and cursors stay valid.',
  valuesConfig: Object.fromEntries(
    POSITION_ROW_SORT_KEYS.map((key) => [key, { description: SORT_KEY_DESCRIPTIONS[key] }]),
  ),
});

export enum SortDirectionGql {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirectionGql, {
  name: 'SortDirection',
  description: 'Ascending or descending.',
  valuesConfig: {
    ASC: { description: 'Smallest first (text in byte order; empty values last).' },
    DESC: { description: 'Largest first (the exact reverse of ASC, tiebreak included).' },
  },
});

@InputType('PositionRowOrder', {
  description:
    'The order of position rows. A cursor is valid only for the order it was issued in: change the order, start again without after.',
})
export class PositionRowOrderInput {
  @Field(() => PositionRowSortKeyGql, { description: 'The column to sort by.' })
  field!: PositionRowSortKey;
  @Field(() => SortDirectionGql, {
    defaultValue: SortDirectionGql.ASC,
    description: 'ASC (default) or DESC.',
  })
  direction!: SortDirectionGql;
}

export const PositionRowConnection = Connection('PositionRow', PositionRowGql);
export type PositionRowConnection = InstanceType<typeof PositionRowConnection>;
