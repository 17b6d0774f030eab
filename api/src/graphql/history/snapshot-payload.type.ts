import { Field, InputType } from 'type-graphql';

import { DESCRIBE } from '../descriptions.js';
import { MutationInput } from '../mutation/mutation-input.js';
import { Payload } from '../mutation/payload.js';
import { DateScalar } from '../scalars/date.scalar.js';

import { SnapshotGql } from './history.type.js';

@InputType('TakeSnapshotInput', { description: 'The Smart Account, a label and the date.' })
export class TakeSnapshotInput extends MutationInput {
  @Field(() => String, { description: DESCRIBE.smartAccountDomain }) smartAccount!: string;
  @Field(() => String, {
    description: 'A name for it, unique in the Smart Account (e.g. 2026-Q3).',
  })
  label!: string;
  @Field(() => DateScalar, { nullable: true, description: DESCRIBE.asOf })
  asOf?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: DESCRIBE.includeClassic,
  })
  includeClassic?: boolean | null;
}

export const TakeSnapshotPayload = Payload(
  'TakeSnapshotPayload',
  'What takeSnapshot answers: the snapshot, or the input’s mistakes (a label already used is SNAPSHOT_EXISTS).',
  {
    snapshot: {
      type: () => SnapshotGql,
      description: 'The snapshot taken; null when userErrors is not empty.',
    },
  },
);
