import { Field, ID, Int, ObjectType } from 'type-graphql';

import { EntitlementGql } from '../account/account.type.js';
import { LicenseType } from '../account/enums.js';
import { Connection } from '../connection.js';
import { DESCRIBE } from '../descriptions.js';
import { NodeInterface, describeDatabaseId, describeGlobalId } from '../node/node.type.js';
import { BigIntScalar } from '../scalars/bigint.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { DateScalar } from '../scalars/date.scalar.js';

import { ReservationEventTypeGql, ReservationTypeGql } from './enums.js';

@ObjectType('Reservation', {
  implements: NodeInterface,
  description:
    'An SLR/PLR reservation of one license on one device. Its quantity is the sum of its ' +
    'append-only event trail; fields taking asOf default to the date it was read at.',
})
export class ReservationGql {
  @Field(() => ID, { description: describeGlobalId('reservation') })
  id!: string;
  @Field(() => BigIntScalar, { description: describeDatabaseId('reservation') })
  databaseId!: number;
  @Field(() => ReservationTypeGql, { description: 'SLR or PLR.' })
  reservationType!: ReservationTypeGql;
  @Field(() => String, {
    nullable: true,
    description: 'The Cisco authorization code installed on the device; null when not recorded.',
  })
  authorizationCode!: string | null;
  @Field(() => LicenseType, {
    nullable: true,
    description: 'The reserved entitlement’s type, as its latest authorization code states it.',
  })
  licenseType!: LicenseType | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day of a TERM reservation; null when none is stated.',
  })
  startDate!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of a TERM reservation; after it, the position no longer counts it.',
  })
  endDate!: string | null;
  @Field(() => DateScalar, { description: 'The date this reservation was read at.' })
  asOf!: string;
  reservationId!: number;
  productInstanceId!: number;
  licenseId!: number;
  virtualAccountId!: number;
}

@ObjectType('ReservationEvent', {
  implements: NodeInterface,
  description:
    'One entry of a reservation trail. Never edited or deleted: a correction is a new event.',
})
export class ReservationEventGql {
  @Field(() => ID, { description: describeGlobalId('reservation event') })
  id!: string;
  @Field(() => BigIntScalar, { description: describeDatabaseId('reservation event') })
  databaseId!: number;
  @Field(() => ReservationEventTypeGql, { description: 'What the event did.' })
  eventType!: ReservationEventTypeGql;
  @Field(() => Int, { description: 'Signed change of the reserved quantity.' })
  quantityDelta!: number;
  @Field(() => Int, { description: 'The reservation’s quantity once this event applied.' })
  quantityAfter!: number;
  @Field(() => DateScalar, { description: 'The day the change took effect.' })
  occurredOn!: string;
  @Field(() => String, { nullable: true, description: 'Who made the change.' })
  actor!: string | null;
  @Field(() => String, { nullable: true, description: DESCRIBE.note }) note!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was recorded, ISO 8601 timestamp (UTC).' })
  recordedAt!: string;
  reservationId!: number;
  fromInstanceId!: number | null;
  toInstanceId!: number | null;
}

export const ReservationEventConnection = Connection('ReservationEvent', ReservationEventGql);
export type ReservationEventConnection = InstanceType<typeof ReservationEventConnection>;

@ObjectType('ReservationChange', { description: 'A reservation and the one event a change wrote.' })
export class ReservationChangeGql {
  @Field(() => ReservationGql, { description: 'The reservation after the change.' })
  reservation!: ReservationGql;
  @Field(() => ReservationEventGql, { description: 'The event the change wrote.' })
  event!: ReservationEventGql;
}

@ObjectType('ClassicConversion', {
  implements: NodeInterface,
  description:
    'Classic PAK units converted into Smart entitlement: the source lot is superseded on ' +
    'occurredOn and replaced by a SMART lot (and a CLASSIC_PAK rest), its children by lineage.',
})
export class ClassicConversionGql {
  @Field(() => ID, { description: describeGlobalId('classic conversion') })
  id!: string;
  @Field(() => BigIntScalar, { description: describeDatabaseId('classic conversion') })
  databaseId!: number;
  @Field(() => Int, { description: 'License units converted.' }) quantity!: number;
  @Field(() => DateScalar, { description: 'The day it took effect.' }) occurredOn!: string;
  @Field(() => String, { description: 'Who made it.' }) actor!: string;
  @Field(() => String, { nullable: true, description: DESCRIBE.note }) note!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was recorded, ISO 8601 timestamp (UTC).' })
  recordedAt!: string;
  @Field(() => ID, { description: 'The CLASSIC_PAK lot converted (Entitlement.id, a global id).' })
  sourceLotId!: string;
  @Field(() => ID, { description: 'The SMART lot created (Entitlement.id, a global id).' })
  smartLotId!: string;
  @Field(() => ID, {
    nullable: true,
    description:
      'The CLASSIC_PAK lot holding what was not converted (Entitlement.id, a global id); null when all was.',
  })
  remainderLotId!: string | null;
  virtualAccountId!: number;
  licenseId!: number;
}

@ObjectType('ClassicConversionResult', {
  description: 'One lot converted: the record and the lots it touched.',
})
export class ClassicConversionResultGql {
  @Field(() => ClassicConversionGql, { description: 'The conversion recorded.' })
  conversion!: ClassicConversionGql;
  @Field(() => EntitlementGql, { description: 'The classic lot, now superseded.' })
  sourceLot!: EntitlementGql;
  @Field(() => EntitlementGql, { description: 'The SMART lot created.' }) smartLot!: EntitlementGql;
  @Field(() => EntitlementGql, {
    nullable: true,
    description: 'The CLASSIC_PAK rest when part of the lot was converted; else null.',
  })
  remainderLot!: EntitlementGql | null;
}
