import { assert } from '../errors.js';

import type { PlannedMove, TransferRequest } from './types.js';

/** Cisco's transfer API: at most this many license entries per request. */
export const MAX_ENTRIES_PER_TRANSFER_REQUEST = 10;
/** Cisco's transfer API: at most this quantity per license entry. */
export const MAX_QUANTITY_PER_TRANSFER_ENTRY = 998;

type Entry = TransferRequest['licenses'][number];

/**
 * Splits moves into requests for Cisco's transfer API, one source Virtual Account per request
 * (sources in ascending id order). Moves with the same license, type and target are merged;
 * a quantity above 998 is chunked into entries of 998 and a remainder; each entry (chunks
 * included: the safe reading of the limit) counts toward the 10 entries of a request.
 * Σ quantities per source × license × type × target equal those of the moves.
 */
export function transferRequests(moves: readonly PlannedMove[]): TransferRequest[] {
  const bySource = new Map<number, Map<string, Entry>>();
  for (const move of moves) {
    assert(
      Number.isSafeInteger(move.quantity) && move.quantity > 0,
      'INVALID_QUANTITY',
      'a move quantity must be a positive integer',
      { move },
    );
    const entries = bySource.get(move.fromVirtualAccountId) ?? new Map<string, Entry>();
    bySource.set(move.fromVirtualAccountId, entries);
    const key = `${move.licenseId}:${move.licenseType}:${move.toVirtualAccountId}`;
    const quantity = (entries.get(key)?.quantity ?? 0) + move.quantity;
    entries.set(key, {
      licenseId: move.licenseId,
      licenseType: move.licenseType,
      quantity,
      targetVirtualAccountId: move.toVirtualAccountId,
    });
  }
  const requests: TransferRequest[] = [];
  for (const source of [...bySource.keys()].sort((a, b) => a - b)) {
    const chunks: Entry[] = [];
    for (const entry of (bySource.get(source) as Map<string, Entry>).values()) {
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
