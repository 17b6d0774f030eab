import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Connection } from '../connection.js';
import { NodeInterface, describeDatabaseId, describeGlobalId } from '../node/node.type.js';
import { BigIntScalar } from '../scalars/bigint.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

/** What an Event Log message says happened; the same strings as `account_events.kind`. */
export enum AccountEventKindGql {
  SLR_RESERVE = 'SLR_RESERVE',
  SLR_UPDATE = 'SLR_UPDATE',
  SLR_RETURN = 'SLR_RETURN',
  SLR_TRANSFER = 'SLR_TRANSFER',
  LICENSE_ADD = 'LICENSE_ADD',
  LICENSE_REMOVE = 'LICENSE_REMOVE',
  LICENSE_TRANSFER = 'LICENSE_TRANSFER',
  VIRTUAL_ACCOUNT_RENAME = 'VIRTUAL_ACCOUNT_RENAME',
  TOKEN_CREATE = 'TOKEN_CREATE',
  SATELLITE_SYNC_NETWORK = 'SATELLITE_SYNC_NETWORK',
  SATELLITE_SYNC_FILE = 'SATELLITE_SYNC_FILE',
  SATELLITE_SYNC_FAILED_REMOVED = 'SATELLITE_SYNC_FAILED_REMOVED',
  OTHER = 'OTHER',
}
registerEnumType(AccountEventKindGql, {
  name: 'AccountEventKind',
  description:
    'What a CSSM Event Log message says happened. Read from the message text by inferred ' +
    'patterns; OTHER when Trueup did not understand it (the message is kept as written).',
  valuesConfig: {
    SLR_RESERVE: { description: 'Licenses reserved on a device (Specific License Reservation).' },
    SLR_UPDATE: { description: 'A device’s reservation changed in quantity.' },
    SLR_RETURN: { description: 'A device’s reserved licenses returned to the Virtual Account.' },
    SLR_TRANSFER: { description: 'A device’s reservation moved to another Virtual Account.' },
    LICENSE_ADD: { description: 'Licenses added to a Virtual Account.' },
    LICENSE_REMOVE: { description: 'Licenses removed from a Virtual Account.' },
    LICENSE_TRANSFER: { description: 'Licenses moved between Virtual Accounts.' },
    VIRTUAL_ACCOUNT_RENAME: { description: 'A Virtual Account renamed.' },
    TOKEN_CREATE: { description: 'A product registration token created.' },
    SATELLITE_SYNC_NETWORK: { description: 'An SSM On-Prem satellite synced over the network.' },
    SATELLITE_SYNC_FILE: { description: 'An SSM On-Prem satellite synced by file (offline).' },
    SATELLITE_SYNC_FAILED_REMOVED: {
      description: 'An SSM On-Prem satellite removed for not syncing in time.',
    },
    OTHER: { description: 'A message Trueup does not understand; kept as written.' },
  },
});

@ObjectType('AccountEvent', {
  implements: NodeInterface,
  description:
    'One row of a CSSM Event Log export: Cisco’s own record of what happened, when, by whom. ' +
    'Append-only; the parsed fields are what the message names (null where it names nothing).',
})
export class AccountEventGql {
  @Field(() => ID, { description: describeGlobalId('Event Log row') })
  id!: string;
  @Field(() => BigIntScalar, { description: describeDatabaseId('Event Log row') })
  databaseId!: number;
  @Field(() => AccountEventKindGql, { description: 'What happened, read from the message.' })
  kind!: AccountEventKindGql;
  @Field(() => DateTimeScalar, {
    description: 'When it happened per the log, ISO 8601 timestamp (UTC).',
  })
  occurredAt!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The CSSM user who acted; null when the log names none.',
  })
  user!: string | null;
  @Field(() => String, { description: 'The message as Cisco wrote it.' }) message!: string;
  @Field(() => String, { nullable: true, description: 'The row’s Virtual Account, as named then.' })
  virtualAccount!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The license the message names, as written; null when it names none.',
  })
  license!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The quantity the message names; null when it names none.',
  })
  quantity!: number | null;
  @Field(() => String, { nullable: true, description: 'The device as the message names it.' })
  device!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The device’s UDI product id as the message names it; null when it names none.',
  })
  udiPid!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The device’s UDI serial as the message names it (matches ProductInstance.udiSerial); null when it names none.',
  })
  udiSerial!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Where licenses left (transfer, removal) or the old name (rename); null when not named.',
  })
  fromVirtualAccount!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Where licenses arrived (transfer, addition) or the new name (rename); null when not named.',
  })
  toVirtualAccount!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The SSM On-Prem satellite a sync message names; else null.',
  })
  satellite!: string | null;
}

export const AccountEventConnection = Connection('AccountEvent', AccountEventGql);
export type AccountEventConnection = InstanceType<typeof AccountEventConnection>;
