import type { AccountEventView } from '../../services/index.js';
import { toGlobalId } from '../node/global-id.js';

import type { AccountEventGql, AccountEventKindGql } from './account-event.type.js';

// Event Log rows ↔ GraphQL: the one mapper of this edge.

export const toAccountEventGql = (event: AccountEventView): AccountEventGql => ({
  id: toGlobalId('AccountEvent', event.id),
  databaseId: event.id,
  kind: event.kind as AccountEventKindGql,
  occurredAt: event.occurredAt,
  user: event.user,
  message: event.message,
  virtualAccount: event.virtualAccount,
  license: event.license,
  quantity: event.quantity,
  device: event.device,
  udiPid: event.udiPid,
  udiSerial: event.udiSerial,
  fromVirtualAccount: event.fromVirtualAccount,
  toVirtualAccount: event.toVirtualAccount,
  satellite: event.satellite,
});
