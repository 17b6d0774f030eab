import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { FindingGql } from '../findings/finding.type.js';
import { LicensePositionGql } from '../position/position.type.js';
import { BigIntScalar } from '../scalars/bigint.scalar.js';
import { DateScalar } from '../scalars/date.scalar.js';

export enum RollupDimensionGql {
  BUSINESS_UNIT = 'BUSINESS_UNIT',
  REGION = 'REGION',
  ENVIRONMENT = 'ENVIRONMENT',
}
registerEnumType(RollupDimensionGql, {
  name: 'RollupDimension',
  description: 'A Virtual Account tag to group by.',
});

@ObjectType('Snapshot', { description: 'The position frozen at a date (a reconciliation run).' })
export class SnapshotGql {
  @Field(() => ID) id!: string;
  @Field(() => String) label!: string;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => Boolean) includeClassic!: boolean;
  @Field(() => String, { description: 'ISO 8601 timestamp (UTC).' }) takenAt!: string;
}

@ObjectType('DriftLine', {
  description: 'How one Virtual Account × license moved; *Change = after − before.',
})
export class DriftLineGql {
  @Field(() => String) virtualAccountName!: string;
  @Field(() => String) licenseName!: string;
  @Field(() => BigIntScalar) ownedBefore!: number;
  @Field(() => BigIntScalar) ownedAfter!: number;
  @Field(() => BigIntScalar) ownedChange!: number;
  @Field(() => BigIntScalar) consumedBefore!: number;
  @Field(() => BigIntScalar) consumedAfter!: number;
  @Field(() => BigIntScalar) consumedChange!: number;
  @Field(() => BigIntScalar) balanceBefore!: number;
  @Field(() => BigIntScalar) balanceAfter!: number;
  @Field(() => BigIntScalar) balanceChange!: number;
  virtualAccountId!: number;
  licenseId!: number;
}

@ObjectType('Drift')
export class DriftGql {
  @Field(() => DateScalar) fromAsOf!: string;
  @Field(() => DateScalar) toAsOf!: string;
  @Field(() => [DriftLineGql], { description: 'Only lines that moved.' }) lines!: DriftLineGql[];
  @Field(() => [FindingGql]) openedFindings!: FindingGql[];
  @Field(() => [FindingGql]) resolvedFindings!: FindingGql[];
}

@ObjectType('RollupGroup', {
  description: 'Virtual Accounts sharing a tag value, and their position.',
})
export class RollupGroupGql {
  @Field(() => String, { nullable: true, description: 'The tag value; null for untagged.' })
  group!: string | null;
  @Field(() => Int) virtualAccountCount!: number;
  @Field(() => [LicensePositionGql]) positions!: LicensePositionGql[];
}
