import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Connection } from '../connection.js';
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
  @Field(() => BigIntScalar) ownedSmart!: number;
  @Field(() => BigIntScalar) ownedClassic!: number;
  @Field(() => BigIntScalar, { description: 'In use as reported, reserved quantities included.' })
  consumed!: number;
  @Field(() => BigIntScalar, { description: 'Part of consumed pinned by SLR/PLR reservations.' })
  reserved!: number;
  @Field(() => BigIntScalar) balance!: number;
  @Field(() => BigIntScalar) shortfall!: number;
  @Field(() => BigIntScalar) surplus!: number;
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
  @Field(() => BigIntScalar) owned!: number;
  @Field(() => BigIntScalar) consumed!: number;
  @Field(() => BigIntScalar) reserved!: number;
  @Field(() => BigIntScalar) balance!: number;
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
  @Field(() => BigIntScalar, { description: 'max(0, balance).' })
  surplus!: number;
  @Field(() => BigIntScalar, {
    description: 'Σ per-Virtual-Account surpluses, classic PAK included.',
  })
  grossSurplus!: number;
  @Field(() => BigIntScalar, {
    description: 'Σ per-Virtual-Account min(surplus, Smart owned): what reallocation can move.',
  })
  movableSurplus!: number;
  @Field(() => Int) virtualAccountCount!: number;
  licenseId!: number;
}

@InputType('PositionFilter', {
  description: 'All given conditions must hold; lists match any of their values.',
})
export class PositionFilterInput {
  @Field(() => [String], { nullable: true }) virtualAccountNames?: string[];
  @Field(() => [String], { nullable: true }) licenseNames?: string[];
  @Field(() => [String], { nullable: true }) productFamilies?: string[];
  @Field(() => [String], { nullable: true }) regions?: string[];
  @Field(() => [String], { nullable: true }) businessUnits?: string[];
  @Field(() => Boolean, { nullable: true }) hasShortfall?: boolean;
  @Field(() => Boolean, { nullable: true }) hasSurplus?: boolean;
}

export const PositionLineConnection = Connection('PositionLine', PositionLineGql);
export type PositionLineConnection = InstanceType<typeof PositionLineConnection>;
