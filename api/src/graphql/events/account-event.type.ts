import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Connection } from '../connection.js';

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
});

@ObjectType('AccountEvent', {
  description:
    'One row of a CSSM Event Log export: Cisco’s own record of what happened, when, by whom. ' +
    'Append-only; the parsed fields are what the message names (null where it names nothing).',
})
export class AccountEventGql {
  @Field(() => ID) id!: string;
  @Field(() => AccountEventKindGql) kind!: AccountEventKindGql;
  @Field(() => String, { description: 'When it happened per the log, ISO 8601 timestamp (UTC).' })
  occurredAt!: string;
  @Field(() => String, { nullable: true }) user!: string | null;
  @Field(() => String, { description: 'The message as Cisco wrote it.' }) message!: string;
  @Field(() => String, { nullable: true, description: 'The row’s Virtual Account, as named then.' })
  virtualAccount!: string | null;
  @Field(() => String, { nullable: true }) license!: string | null;
  @Field(() => Int, { nullable: true }) quantity!: number | null;
  @Field(() => String, { nullable: true, description: 'The device as the message names it.' })
  device!: string | null;
  @Field(() => String, { nullable: true }) udiPid!: string | null;
  @Field(() => String, { nullable: true }) udiSerial!: string | null;
  @Field(() => String, { nullable: true }) fromVirtualAccount!: string | null;
  @Field(() => String, { nullable: true }) toVirtualAccount!: string | null;
  @Field(() => String, { nullable: true }) satellite!: string | null;
}

export const AccountEventConnection = Connection('AccountEvent', AccountEventGql);
export type AccountEventConnection = InstanceType<typeof AccountEventConnection>;
