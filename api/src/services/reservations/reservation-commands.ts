import type { IsoDate } from '../../domain/index.js';

import type { InstanceReference, LicenseReference } from './reservation-records.js';

// What the edges ask the reservation service to do. Every change names the Smart Account it is
// made in, the day it takes effect and who makes it.

/** Who, when and why: every change names its actor and the day it takes effect. */
export interface ChangeContext {
  readonly smartAccountId: number;
  readonly asOf: IsoDate;
  readonly actor: string;
  readonly note?: string | null | undefined;
}

export interface ReserveCommand extends ChangeContext {
  readonly instance: InstanceReference;
  readonly license: LicenseReference;
  readonly reservationType: 'SLR' | 'PLR';
  readonly quantity: number;
  readonly authorizationCode?: string | null | undefined;
}

export interface UpdateReservationCommand extends ChangeContext {
  readonly reservationId: number;
  /** The new total the reservation holds. */
  readonly quantity: number;
}

export interface ReturnReservationCommand extends ChangeContext {
  readonly reservationId: number;
  /** How many to give back; all that is held when absent. */
  readonly quantity?: number | undefined;
}

export interface TransferReservationCommand extends ChangeContext {
  readonly reservationId: number;
  readonly toInstance: InstanceReference;
  /** How many to move; all that is held when absent. */
  readonly quantity?: number | undefined;
}
