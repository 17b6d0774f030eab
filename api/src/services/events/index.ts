export {
  ACCOUNT_EVENT_KINDS,
  accountEventService,
  type AccountEventKindName,
  type AccountEventService,
  type AccountEventView,
  type ReservationLogEvent,
} from './account-events.js';
