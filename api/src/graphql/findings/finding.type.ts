import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Connection } from '../connection.js';

export enum FindingCodeGql {
  INSUFFICIENT_LICENSES = 'INSUFFICIENT_LICENSES',
  LICENSES_EXPIRING = 'LICENSES_EXPIRING',
  LICENSES_EXPIRED = 'LICENSES_EXPIRED',
  STRANDED_RESERVATION = 'STRANDED_RESERVATION',
  OVER_RESERVATION = 'OVER_RESERVATION',
  RESERVATION_EXPIRED = 'RESERVATION_EXPIRED',
  ADDON_WITHOUT_BASE = 'ADDON_WITHOUT_BASE',
  STALE_REPORTING = 'STALE_REPORTING',
  GHOST_CONSUMPTION = 'GHOST_CONSUMPTION',
  UNCONVERTED_PAK = 'UNCONVERTED_PAK',
  LEDGER_DEVICE_MISMATCH = 'LEDGER_DEVICE_MISMATCH',
  ADDON_BASE_UNKNOWN = 'ADDON_BASE_UNKNOWN',
}
export enum FindingSeverityGql {
  CRITICAL = 'critical',
  HIGH = 'high',
  MEDIUM = 'medium',
  LOW = 'low',
  INFO = 'info',
}
registerEnumType(FindingCodeGql, { name: 'FindingCode' });
registerEnumType(FindingSeverityGql, { name: 'FindingSeverity' });

@ObjectType('Money', { description: 'An amount of money: decimal string plus ISO currency.' })
export class MoneyGql {
  @Field(() => String, { description: 'Decimal, e.g. "1234.50".' }) amount!: string;
  @Field(() => String, { description: 'Integer minor units as a string (no float rounding).' })
  amountMinor!: string;
  @Field(() => String) currency!: string;
}

@ObjectType('Finding', {
  description: 'Something to act on before a true-up, with the rows that prove it.',
})
export class FindingGql {
  @Field(() => String, { description: 'Stable identity of the finding (also the cursor).' })
  key!: string;
  @Field(() => FindingCodeGql) code!: FindingCodeGql;
  @Field(() => FindingSeverityGql) severity!: FindingSeverityGql;
  @Field(() => String, { nullable: true }) virtualAccountName!: string | null;
  @Field(() => String, { nullable: true }) licenseName!: string | null;
  @Field(() => Int, { description: 'Quantity at stake.' }) quantity!: number;
  @Field(() => MoneyGql, {
    nullable: true,
    description: 'Money at stake where the price book has a price.',
  })
  money!: MoneyGql | null;
  @Field(() => String) message!: string;
  @Field(() => GraphQLJSONObject, { description: 'Figures behind the finding, by code.' })
  facts!: Record<string, unknown>;
  @Field(() => [GraphQLJSONObject], {
    description: 'The lots, instances, reservations… that prove it.',
  })
  evidence!: Record<string, unknown>[];
  virtualAccountId!: number | null;
  licenseId!: number | null;
}

export const FindingConnection = Connection('Finding', FindingGql);
export type FindingConnection = InstanceType<typeof FindingConnection>;
