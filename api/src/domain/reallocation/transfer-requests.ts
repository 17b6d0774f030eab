import { DomainError } from '../errors.js';
import type { LicenseType } from '../position/lot.js';

import type { PlannedMove, TransferRequest } from './types.js';

/** Cisco's transfer API: at most this many license entries per request. */
export const MAX_ENTRIES_PER_TRANSFER_REQUEST = 10;
/** Cisco's transfer API: at most this quantity per license entry. */
export const MAX_QUANTITY_PER_TRANSFER_ENTRY = 998;

type Entry = TransferRequest['licenses'][number];

/** Order of lot types in moves and requests: PERPETUAL, TERM, then UNKNOWN. */
export function licenseTypeRank(type: LicenseType): number {
  return type === 'PERPETUAL' ? 0 : type === 'TERM' ? 1 : 2;
}

/** Said on every entry of UNKNOWN type: Cisco's API needs TERM or PERPETUAL, and Trueup will not guess. */
export const UNKNOWN_TYPE_NOTE =
  'license type unknown (the source stated no type): check in CSSM whether these are TERM or ' +
  'PERPETUAL and set licenseType before sending this request';

/**
 * Splits moves into requests for Cisco's transfer API, one source Virtual Account per request
 * (sources in ascending id order; entries by license, target, perpetual first, unknown type
 * last with a note that the type must be checked in CSSM). Moves with the
 * same license, type and target are merged;
 * a quantity above 998 is chunked into entries of 998 and a remainder; each entry (chunks
 * included: the safe reading of the limit) counts toward the 10 entries of a request.
 * Σ quantities per source × license × type × target equal those of the moves.
 */
export function transferRequests(moves: readonly PlannedMove[]): TransferRequest[] {
  const bySource = new Map<number, PlannedMove[]>();
  for (const move of moves) {
    if (!Number.isSafeInteger(move.quantity) || move.quantity <= 0) {
      throw new DomainError('INVALID_QUANTITY', 'a move quantity must be a positive integer', {
        move,
      });
    }
    const list = bySource.get(move.fromVirtualAccountId);
    if (list) list.push(move);
    else bySource.set(move.fromVirtualAccountId, [move]);
  }
  const requests: TransferRequest[] = [];
  for (const source of [...bySource.keys()].sort((a, b) => a - b)) {
    const chunks: Entry[] = [];
    for (const entry of mergedEntries(bySource.get(source) as PlannedMove[])) {
      if (entry.quantity <= MAX_QUANTITY_PER_TRANSFER_ENTRY) {
        chunks.push(entry);
        continue;
      }
      for (let left = entry.quantity; left > 0; left -= MAX_QUANTITY_PER_TRANSFER_ENTRY) {
        chunks.push({ ...entry, quantity: Math.min(left, MAX_QUANTITY_PER_TRANSFER_ENTRY) });
      }
    }
    for (let i = 0; i < chunks.length; i += MAX_ENTRIES_PER_TRANSFER_REQUEST) {
      requests.push({
        sourceVirtualAccountId: source,
        licenses: chunks.slice(i, i + MAX_ENTRIES_PER_TRANSFER_REQUEST),
      });
    }
  }
  return requests;
}

/** One entry per license × target × type (in that order), quantities summed. */
function mergedEntries(moves: PlannedMove[]): Entry[] {
  const rank = licenseTypeRank;
  const order = (a: PlannedMove, b: PlannedMove): number =>
    a.licenseId - b.licenseId ||
    a.toVirtualAccountId - b.toVirtualAccountId ||
    rank(a.licenseType) - rank(b.licenseType);
  // The optimizer's moves arrive in this order already: check before sorting.
  if (moves.some((move, i) => i > 0 && order(moves[i - 1] as PlannedMove, move) > 0)) {
    moves.sort(order);
  }
  const entries: Entry[] = [];
  let last: Entry | undefined;
  for (const move of moves) {
    if (
      last &&
      last.licenseId === move.licenseId &&
      last.licenseType === move.licenseType &&
      last.targetVirtualAccountId === move.toVirtualAccountId
    ) {
      last = { ...last, quantity: last.quantity + move.quantity };
      entries[entries.length - 1] = last;
      continue;
    }
    last = {
      licenseId: move.licenseId,
      licenseType: move.licenseType,
      quantity: move.quantity,
      targetVirtualAccountId: move.toVirtualAccountId,
      note: move.licenseType === 'UNKNOWN' ? UNKNOWN_TYPE_NOTE : null,
    };
    entries.push(last);
  }
  return entries;
}
