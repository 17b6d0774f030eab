import { and, eq, inArray } from 'drizzle-orm';

import { licenses, virtualAccounts, type Db } from '@trueup/db';

import { DomainError, type LicenseType, type ReallocationMove } from '../../domain/index.js';

/** A move as people and programs name it: license and Virtual Accounts by name. */
export interface NamedMove {
  readonly license: string;
  readonly quantity: number;
  readonly from: string;
  readonly to: string;
  readonly licenseType?: LicenseType | null | undefined;
}

/** Names of the licenses and Virtual Accounts of one Smart Account, both ways. */
export interface NameBook {
  readonly licenseId: ReadonlyMap<string, number>;
  readonly licenseName: ReadonlyMap<number, string>;
  readonly virtualAccountId: ReadonlyMap<string, number>;
  readonly virtualAccountName: ReadonlyMap<number, string>;
}

/**
 * Reads the names a list of moves uses (or, with no names, every name of the account). Only
 * this Smart Account's rows are read: another account's Virtual Account is unknown here.
 */
export async function loadNameBook(
  db: Db,
  smartAccountId: number,
  names?: { licenses: readonly string[]; virtualAccounts: readonly string[] },
): Promise<NameBook> {
  const [licenseRows, vaRows] = await Promise.all([
    db
      .select({ id: licenses.id, name: licenses.name })
      .from(licenses)
      .where(
        and(
          eq(licenses.smartAccountId, smartAccountId),
          names ? inArray(licenses.name, [...names.licenses, '']) : undefined,
        ),
      ),
    db
      .select({ id: virtualAccounts.id, name: virtualAccounts.name })
      .from(virtualAccounts)
      .where(
        and(
          eq(virtualAccounts.smartAccountId, smartAccountId),
          names ? inArray(virtualAccounts.name, [...names.virtualAccounts, '']) : undefined,
        ),
      ),
  ]);
  return {
    licenseId: new Map(licenseRows.map((r) => [r.name, r.id])),
    licenseName: new Map(licenseRows.map((r) => [r.id, r.name])),
    virtualAccountId: new Map(vaRows.map((r) => [r.name, r.id])),
    virtualAccountName: new Map(vaRows.map((r) => [r.id, r.name])),
  };
}

function idOf(
  book: ReadonlyMap<string, number>,
  name: string,
  code: 'UNKNOWN_LICENSE' | 'UNKNOWN_VIRTUAL_ACCOUNT',
  index: number,
): number {
  const id = book.get(name);
  if (id === undefined) {
    const what = code === 'UNKNOWN_LICENSE' ? 'license' : 'Virtual Account';
    throw new DomainError(code, `move ${index + 1}: no ${what} named "${name}"`, {
      move: index + 1,
      name,
    });
  }
  return id;
}

/** Named moves → id moves, or a DomainError naming the move and the unknown name. */
export async function resolveMoves(
  db: Db,
  smartAccountId: number,
  moves: readonly NamedMove[],
): Promise<{ moves: ReallocationMove[]; book: NameBook }> {
  const book = await loadNameBook(db, smartAccountId, {
    licenses: moves.map((m) => m.license),
    virtualAccounts: moves.flatMap((m) => [m.from, m.to]),
  });
  const resolved = moves.map((move, index): ReallocationMove => ({
    licenseId: idOf(book.licenseId, move.license, 'UNKNOWN_LICENSE', index),
    quantity: move.quantity,
    fromVirtualAccountId: idOf(book.virtualAccountId, move.from, 'UNKNOWN_VIRTUAL_ACCOUNT', index),
    toVirtualAccountId: idOf(book.virtualAccountId, move.to, 'UNKNOWN_VIRTUAL_ACCOUNT', index),
    ...(move.licenseType ? { licenseType: move.licenseType } : {}),
  }));
  return { moves: resolved, book };
}

/** Id moves → named moves (for the CLI's JSON and for people). */
export function nameMoves(book: NameBook, moves: readonly ReallocationMove[]): NamedMove[] {
  return moves.map((move) => ({
    license: book.licenseName.get(move.licenseId) ?? String(move.licenseId),
    quantity: move.quantity,
    from:
      book.virtualAccountName.get(move.fromVirtualAccountId) ?? String(move.fromVirtualAccountId),
    to: book.virtualAccountName.get(move.toVirtualAccountId) ?? String(move.toVirtualAccountId),
    licenseType: move.licenseType ?? null,
  }));
}
