import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

import {
  FINDING_CODE_DESCRIPTION,
  FINDING_CODE_LIST,
  FINDING_CODES,
  type FindingCode,
} from '../../domain/index.js';
import { Connection } from '../connection.js';
import { enumDescriptions, enumFromList } from '../enum-from-list.js';
import { MoneyGql } from '../money/money-value.type.js';
import { BigIntScalar } from '../scalars/bigint.scalar.js';

/** The finding codes as a GraphQL enum, built from the domain's one list (`FINDING_CODE_LIST`). */
export const FindingCodeGql = enumFromList(FINDING_CODES);
export type FindingCodeGql = FindingCode;
export enum FindingSeverityGql {
  CRITICAL = 'critical',
  HIGH = 'high',
  MEDIUM = 'medium',
  LOW = 'low',
  INFO = 'info',
}
registerEnumType(FindingCodeGql, {
  name: 'FindingCode',
  description: FINDING_CODE_DESCRIPTION,
  valuesConfig: enumDescriptions(
    FINDING_CODE_LIST.map(({ code, description }) => ({ value: code, description })),
  ),
});
registerEnumType(FindingSeverityGql, {
  name: 'FindingSeverity',
  description: 'How urgent a finding is; findings come most urgent first.',
  valuesConfig: {
    CRITICAL: {
      description:
        'Act now: a shortfall that needs a purchase, or a satellite past its sync deadline.',
    },
    HIGH: { description: 'Act before the true-up.' },
    MEDIUM: { description: 'Worth fixing; no immediate loss.' },
    LOW: { description: 'Tidying up.' },
    INFO: { description: 'A note: nothing judged.' },
  },
});

@ObjectType('Finding', {
  description: 'Something to act on before a true-up, with the rows that prove it.',
})
export class FindingGql {
  @Field(() => String, { description: 'Stable identity of the finding (also the cursor).' })
  key!: string;
  @Field(() => FindingCodeGql, { description: 'What it is about (see FindingCode values).' })
  code!: FindingCodeGql;
  @Field(() => FindingSeverityGql, { description: 'How urgent, set by the code’s rule.' })
  severity!: FindingSeverityGql;
  @Field(() => String, {
    nullable: true,
    description: 'The Virtual Account it is about; null for account-level ones (satellites).',
  })
  virtualAccountName!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The license it is about; null when it spans licenses (stale devices, satellites, a ghost device reporting several).',
  })
  licenseName!: string | null;
  @Field(() => BigIntScalar, {
    description: 'License units at stake (what they count depends on the code).',
  })
  quantity!: number;
  @Field(() => MoneyGql, {
    nullable: true,
    description:
      'Money at stake, set on INSUFFICIENT_LICENSES only: shortfall × unit true-up price, so each short unit is priced once and the findings’ money sums to the gross exposure (SmartAccount.exposure), per currency. Null on every other code (related findings name the priced one in facts.relatedKey) and when the license has no price.',
  })
  money!: MoneyGql | null;
  @Field(() => String, {
    description:
      'One sentence a person can act on, naming the Virtual Account, license and device.',
  })
  message!: string;
  @Field(() => GraphQLJSONObject, {
    description:
      'Figures behind the finding; the keys depend on the code (e.g. shortfall, curableByReallocation, needsPurchase for INSUFFICIENT_LICENSES).',
  })
  facts!: Record<string, unknown>;
  @Field(() => [GraphQLJSONObject], {
    description:
      'The rows that prove it, each with kind (lot, instance, reservation, positionLine, satellite, usage, logEvent) and id.',
  })
  evidence!: Record<string, unknown>[];
  virtualAccountId!: number | null;
  licenseId!: number | null;
}

export const FindingConnection = Connection('Finding', FindingGql);
export type FindingConnection = InstanceType<typeof FindingConnection>;
