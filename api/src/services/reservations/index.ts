export { reservationService, type ReservationService } from './reservation-service.js';
export type * from './reservation-records.js';
export type * from './reservation-commands.js';
