import { Field, ID, InputType, Int } from 'type-graphql';

import { MutationInput } from '../mutation/mutation-input.js';
import { DateScalar } from '../scalars/date.scalar.js';

import { ReservationTypeGql } from './enums.js';

/**
 * Who, when and why: the fields every change input inherits. Decorated so type-graphql sees the
 * fields; never used as an argument, so it is not emitted in the schema on its own.
 */
@InputType('ChangeInput')
abstract class ChangeInput extends MutationInput {
  @Field(() => ID, { description: 'The Smart Account the change is made in.' })
  smartAccountId!: string;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day the change takes effect (default today); never before the trail’s latest.',
  })
  asOf?: string | null;
  @Field(() => String, { description: 'Who makes the change (recorded on the event).' })
  actor!: string;
  @Field(() => String, { nullable: true, description: 'Free text recorded with the change.' })
  note?: string | null;
}

@InputType('ReserveLicensesInput', {
  description:
    'Reserve by hand (productInstanceId, licenseId) or from an authorization code record ' +
    '(udiPid + udiSerial, license name or entitlementTag).',
})
export class ReserveLicensesInput extends ChangeInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The device (ProductInstance.id); or give udiPid + udiSerial.',
  })
  productInstanceId?: string | null;
  @Field(() => String, { nullable: true, description: 'The device’s UDI product id.' })
  udiPid?: string | null;
  @Field(() => String, { nullable: true, description: 'The device’s UDI serial number.' })
  udiSerial?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The license (License.id); or give license or entitlementTag.',
  })
  licenseId?: string | null;
  @Field(() => String, { nullable: true, description: 'License name, as Cisco spells it.' })
  license?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The license by Cisco entitlement tag, as an authorization code names it.',
  })
  entitlementTag?: string | null;
  @Field(() => ReservationTypeGql, { description: 'SLR or PLR.' })
  reservationType!: ReservationTypeGql;
  @Field(() => Int, { description: 'Units to reserve (positive).' }) quantity!: number;
  @Field(() => String, {
    nullable: true,
    description: 'The Cisco authorization code, kept with the reservation.',
  })
  authorizationCode?: string | null;
}

@InputType('UpdateReservationInput', {
  description: 'Sets a reservation to a new quantity (an UPDATE event of the difference).',
})
export class UpdateReservationInput extends ChangeInput {
  @Field(() => ID, { description: 'The reservation (Reservation.id).' }) reservationId!: string;
  @Field(() => Int, { description: 'The new quantity the reservation holds (positive).' })
  quantity!: number;
}

@InputType('TransferReservationInput', {
  description: 'Moves reserved licenses from their device to another.',
})
export class TransferReservationInput extends ChangeInput {
  @Field(() => ID, { description: 'The reservation (Reservation.id).' }) reservationId!: string;
  @Field(() => ID, { description: 'The device that receives the licenses.' })
  toProductInstanceId!: string;
  @Field(() => Int, { nullable: true, description: 'How many to move (default: all held).' })
  quantity?: number | null;
}

@InputType('ReturnReservationInput', {
  description: 'Returns reserved licenses to the Virtual Account (a RETURN event).',
})
export class ReturnReservationInput extends ChangeInput {
  @Field(() => ID, { description: 'The reservation (Reservation.id).' }) reservationId!: string;
  @Field(() => Int, { nullable: true, description: 'How many to return (default: all held).' })
  quantity?: number | null;
}

@InputType('ConvertClassicLotsInput', {
  description: 'Converts one CLASSIC_PAK lot, whole or part, into Smart entitlement.',
})
export class ConvertClassicLotsInput extends ChangeInput {
  @Field(() => ID, { description: 'The CLASSIC_PAK lot (Entitlement id) to convert.' })
  lotId!: string;
  @Field(() => Int, { nullable: true, description: 'How many units (default: the whole lot).' })
  quantity?: number | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The Virtual Account to convert into (same Smart Account; default the lot’s).',
  })
  intoVirtualAccountId?: string | null;
}

@InputType('ConvertPakInput', {
  description: 'N units of a license from a classic PAK into a chosen Virtual Account.',
})
export class ConvertPakInput extends ChangeInput {
  @Field(() => String, { description: 'The Product Activation Key (Entitlement.pakNumber).' })
  pakNumber!: string;
  @Field(() => String, { description: 'License name.' }) license!: string;
  @Field(() => Int, { nullable: true, description: 'How many units (default: all that remain).' })
  quantity?: number | null;
  @Field(() => String, { description: 'Name of the Virtual Account to convert into.' })
  intoVirtualAccount!: string;
}

@InputType('ConvertDeviceLicensesInput', {
  description:
    'Device-led conversion: the classic PAK licenses fulfilled for a device serial, into the ' +
    'device’s Virtual Account (or the one named).',
})
export class ConvertDeviceLicensesInput extends ChangeInput {
  @Field(() => String, {
    description:
      'Serial of the device the PAK licenses were fulfilled for (Entitlement.deviceSerial).',
  })
  deviceSerial!: string;
  @Field(() => String, { nullable: true, description: 'Overrides the device’s Virtual Account.' })
  intoVirtualAccount?: string | null;
}
