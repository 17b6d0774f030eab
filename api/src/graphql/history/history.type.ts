import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { DESCRIBE } from '../descriptions.js';
import { FindingGql } from '../findings/finding.type.js';
import { NodeInterface, describeDatabaseId, describeGlobalId } from '../node/node.type.js';
import { LicensePositionGql } from '../position/position.type.js';
import { BigIntScalar } from '../scalars/bigint.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { DateScalar } from '../scalars/date.scalar.js';

export enum RollupDimensionGql {
  BUSINESS_UNIT = 'BUSINESS_UNIT',
  REGION = 'REGION',
  ENVIRONMENT = 'ENVIRONMENT',
}
registerEnumType(RollupDimensionGql, {
  name: 'RollupDimension',
  description: 'A Virtual Account tag to group by.',
  valuesConfig: {
    BUSINESS_UNIT: { description: 'VirtualAccount.businessUnit.' },
    REGION: { description: 'VirtualAccount.region.' },
    ENVIRONMENT: { description: 'VirtualAccount.environment.' },
  },
});

@ObjectType('Snapshot', {
  implements: NodeInterface,
  description: 'The position frozen at a date (a reconciliation run).',
})
export class SnapshotGql {
  @Field(() => ID, { description: describeGlobalId('snapshot') })
  id!: string;
  @Field(() => BigIntScalar, { description: describeDatabaseId('snapshot') })
  databaseId!: number;
  @Field(() => String, {
    description: 'Its name, unique in the Smart Account (drift from/to take it).',
  })
  label!: string;
  @Field(() => DateScalar, { description: 'The date the position was frozen at.' })
  asOf!: string;
  @Field(() => Boolean, {
    description: 'Whether classic PAK lots were counted as owned (the unified view).',
  })
  includeClassic!: boolean;
  @Field(() => DateTimeScalar, {
    description: 'When the snapshot was taken, ISO 8601 timestamp (UTC).',
  })
  takenAt!: string;
}

@ObjectType('DriftLine', {
  description: 'How one Virtual Account × license moved; *Change = after − before.',
})
export class DriftLineGql {
  @Field(() => String, { description: DESCRIBE.virtualAccountName }) virtualAccountName!: string;
  @Field(() => String, { description: DESCRIBE.licenseName }) licenseName!: string;
  @Field(() => BigIntScalar, { description: 'Owned at from (0 when the line did not exist).' })
  ownedBefore!: number;
  @Field(() => BigIntScalar, { description: 'Owned at to (0 when the line no longer exists).' })
  ownedAfter!: number;
  @Field(() => BigIntScalar, { description: 'ownedAfter − ownedBefore.' }) ownedChange!: number;
  @Field(() => BigIntScalar, { description: 'Consumed at from.' }) consumedBefore!: number;
  @Field(() => BigIntScalar, { description: 'Consumed at to.' }) consumedAfter!: number;
  @Field(() => BigIntScalar, { description: 'consumedAfter − consumedBefore.' })
  consumedChange!: number;
  @Field(() => BigIntScalar, { description: 'Balance (owned − consumed) at from.' })
  balanceBefore!: number;
  @Field(() => BigIntScalar, { description: 'Balance (owned − consumed) at to.' })
  balanceAfter!: number;
  @Field(() => BigIntScalar, { description: 'balanceAfter − balanceBefore.' })
  balanceChange!: number;
  virtualAccountId!: number;
  licenseId!: number;
}

@ObjectType('Drift', {
  description:
    'What changed between two sides, each a snapshot (its frozen position) or a date (the live data as of then); findings are judged from the data at each side’s date.',
})
export class DriftGql {
  @Field(() => DateScalar, { description: 'The date of the from side.' }) fromAsOf!: string;
  @Field(() => DateScalar, { description: 'The date of the to side.' }) toAsOf!: string;
  @Field(() => [DriftLineGql], { description: 'Only lines that moved.' }) lines!: DriftLineGql[];
  @Field(() => [FindingGql], {
    description: 'Findings at the to side whose key was not at the from side.',
  })
  openedFindings!: FindingGql[];
  @Field(() => [FindingGql], {
    description: 'Findings at the from side whose key is gone at the to side.',
  })
  resolvedFindings!: FindingGql[];
}

@ObjectType('RollupGroup', {
  description: 'Virtual Accounts sharing a tag value, and their position.',
})
export class RollupGroupGql {
  @Field(() => String, { nullable: true, description: 'The tag value; null for untagged.' })
  group!: string | null;
  @Field(() => Int, { description: 'Virtual Accounts with this tag value.' })
  virtualAccountCount!: number;
  @Field(() => [LicensePositionGql], {
    description: 'One position per license over those Virtual Accounts.',
  })
  positions!: LicensePositionGql[];
}
