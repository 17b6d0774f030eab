import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { BigIntScalar } from '../scalars/bigint.scalar.js';
import { DateScalar } from '../scalars/date.scalar.js';

export enum BillingGql {
  PREPAID = 'PREPAID',
  USAGE = 'USAGE',
  SUBSCRIPTION = 'SUBSCRIPTION',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(BillingGql, {
  name: 'Billing',
  description:
    'How the vendor bills a line (from the ledger): USAGE lines are billed for what they use and are never short; UNKNOWN counts as PREPAID.',
  valuesConfig: {
    PREPAID: { description: 'Bought up front: consumption beyond what is owned is a shortfall.' },
    USAGE: {
      description:
        'Billed for what is used (consumption, pay as you use): balance, shortfall and surplus are 0.',
    },
    SUBSCRIPTION: {
      description: 'A subscription: consumption beyond what is owned is a shortfall.',
    },
    UNKNOWN: {
      description: 'No ledger line states a billing type: treated as PREPAID.',
    },
  },
});

// simpleResolvers: these fields are plain properties with no middleware, so they use graphql-js's
// default resolver instead of type-graphql's per-field wrapper (large BI pages have 5000 rows).
@ObjectType('PositionLine', {
  description: 'One license in one Virtual Account at an as-of date. balance = owned − consumed.',
  simpleResolvers: true,
})
export class PositionLineGql {
  @Field(() => BigIntScalar, {
    description: 'SMART entitlements active at the date, plus CLASSIC_PAK ones when included.',
  })
  owned!: number;
  @Field(() => BigIntScalar, {
    description: 'Units of SMART lots active at the date (what CSSM shows).',
  })
  ownedSmart!: number;
  @Field(() => BigIntScalar, {
    description:
      'Units of CLASSIC_PAK lots active at the date, not yet converted (counted in owned only when includeClassic).',
  })
  ownedClassic!: number;
  @Field(() => BigIntScalar, {
    description:
      'In use as reported, reserved quantities included: the newer of the account ledger’s in-use and the devices’ Σ max(reported, reserved).',
  })
  consumed!: number;
  @Field(() => BigIntScalar, { description: 'Part of consumed pinned by SLR/PLR reservations.' })
  reserved!: number;
  @Field(() => BigIntScalar, {
    description: 'owned − consumed, in license units; negative when short (0 for USAGE lines).',
  })
  balance!: number;
  @Field(() => BigIntScalar, {
    description: 'max(0, −balance): units consumed beyond what is owned, billed at true-up.',
  })
  shortfall!: number;
  @Field(() => BigIntScalar, { description: 'max(0, balance): units owned and not consumed.' })
  surplus!: number;
  @Field(() => BillingGql, {
    description: 'USAGE lines have balance, shortfall and surplus 0 (billed as used).',
  })
  billing!: BillingGql;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When consumption was last reported on or before the date; null: not reported (consumed is 0 for lack of a report, not a measured zero).',
  })
  usageReportedAt!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: "Cisco's own reserved figure from the ledger; null when the ledger states none.",
  })
  statedReserved!: number | null;
  @Field(() => String, { description: 'Flat copy of virtualAccount.name for tabular pulls.' })
  virtualAccountName!: string;
  @Field(() => String, { description: 'Flat copy of license.name for tabular pulls.' })
  licenseName!: string;
  virtualAccountId!: number;
  licenseId!: number;
  smartAccountId!: number;
  asOf!: string;
}

@ObjectType('LicensePosition', { description: 'One license across the whole Smart Account.' })
export class LicensePositionGql {
  @Field(() => BigIntScalar, {
    description:
      'Σ owned over the Virtual Accounts (classic PAK included unless includeClassic is false).',
  })
  owned!: number;
  @Field(() => BigIntScalar, { description: 'Σ consumed over the Virtual Accounts.' })
  consumed!: number;
  @Field(() => BigIntScalar, { description: 'Σ reserved (SLR/PLR) over the Virtual Accounts.' })
  reserved!: number;
  @Field(() => BigIntScalar, {
    description: 'Σ line balances: Σ owned − Σ consumed over lines not billed by usage.',
  })
  balance!: number;
  @Field(() => BigIntScalar, {
    description: 'Σ per-Virtual-Account shortfalls: billed if nothing moves.',
  })
  grossShortfall!: number;
  @Field(() => BigIntScalar, {
    description: 'max(0, Σ consumed − Σ owned): short even after reallocation and conversion.',
  })
  netShortfall!: number;
  @Field(() => BigIntScalar, {
    description: 'min(grossShortfall, movableSurplus): cured by moving Smart surplus.',
  })
  curableByReallocation!: number;
  @Field(() => BigIntScalar, {
    description:
      'grossShortfall − netShortfall − curableByReallocation: cured only by converting classic ' +
      'PAK units into the short Virtual Accounts.',
  })
  curableByConversion!: number;
  @Field(() => BigIntScalar, {
    description: 'max(0, balance): account-wide surplus once every shortfall is covered.',
  })
  surplus!: number;
  @Field(() => BigIntScalar, {
    description: 'Σ per-Virtual-Account surpluses, classic PAK included.',
  })
  grossSurplus!: number;
  @Field(() => BigIntScalar, {
    description: 'Σ per-Virtual-Account min(surplus, Smart owned): what reallocation can move.',
  })
  movableSurplus!: number;
  @Field(() => Int, {
    description: 'Virtual Accounts with a position line of this license at the date.',
  })
  virtualAccountCount!: number;
  licenseId!: number;
}

@InputType('PositionFilter', {
  description: 'All given conditions must hold; lists match any of their values.',
})
export class PositionFilterInput {
  @Field(() => [String], { nullable: true, description: 'Virtual Account names, exact.' })
  virtualAccountNames?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'License names, exact, as Cisco spells them.',
  })
  licenseNames?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'Product families (License.productFamily), exact.',
  })
  productFamilies?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'Region tags of the Virtual Account (VirtualAccount.region), exact.',
  })
  regions?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'Business unit tags of the Virtual Account (VirtualAccount.businessUnit), exact.',
  })
  businessUnits?: string[];
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only lines with shortfall > 0; false: only lines without.',
  })
  hasShortfall?: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only lines with surplus > 0; false: only lines without.',
  })
  hasSurplus?: boolean;
}
