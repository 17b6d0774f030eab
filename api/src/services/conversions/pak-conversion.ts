import { and, asc, eq } from 'drizzle-orm';

import {
  entitlementLots,
  licenses,
  productInstances,
  virtualAccounts,
  type Db,
  type DbHandle,
} from '@trueup/db';

import {
  DomainError,
  checkActor,
  parseIsoDate,
  shareConversion,
  type IsoDate,
} from '../../domain/index.js';
import { lockLedgerOf } from '../ledger-lock.js';

import {
  checkVirtualAccountIn,
  convertLot,
  refreshAfterConversions,
  type ClassicConversion,
} from './classic-conversion.js';

interface ConversionCommon {
  readonly smartAccountId: number;
  readonly asOf: IsoDate;
  readonly actor: string;
  readonly note?: string | null | undefined;
}

/** N units of license L from PAK P into Virtual Account V (all that remain when N is absent). */
export interface ConvertPakCommand extends ConversionCommon {
  readonly pakNumber: string;
  readonly license: string;
  readonly quantity?: number | undefined;
  readonly intoVirtualAccount: string;
}

/** Device-led: the PAK licenses fulfilled for a device serial, into the device's Virtual Account. */
export interface ConvertDeviceCommand extends ConversionCommon {
  readonly deviceSerial: string;
  /** Overrides the device's Virtual Account. */
  readonly intoVirtualAccount?: string | undefined;
}

async function virtualAccountNamed(tx: Db, smartAccountId: number, name: string) {
  const [row] = await tx
    .select({ id: virtualAccounts.id })
    .from(virtualAccounts)
    .where(and(eq(virtualAccounts.smartAccountId, smartAccountId), eq(virtualAccounts.name, name)));
  if (!row) {
    throw new DomainError(
      'UNKNOWN_VIRTUAL_ACCOUNT',
      `no Virtual Account "${name}" in this Smart Account: PAK licenses convert only into a Virtual Account of their own Smart Account`,
      { name },
    );
  }
  return row.id;
}

/** The CLASSIC_PAK lots matching `where`, locked for the conversion. */
function lockedPakLots(tx: Db, where: ReturnType<typeof and>) {
  return tx
    .select()
    .from(entitlementLots)
    .where(and(eq(entitlementLots.source, 'CLASSIC_PAK'), where))
    .orderBy(asc(entitlementLots.id))
    .for('update');
}

async function convertShares(
  tx: Db,
  lots: Awaited<ReturnType<typeof lockedPakLots>>,
  command: ConversionCommon & { quantity?: number | undefined; what: string },
  intoVirtualAccountId: number,
): Promise<ClassicConversion[]> {
  const actor = checkActor(command.actor);
  const asOf = parseIsoDate(command.asOf);
  const shares = shareConversion({ lots, quantity: command.quantity, asOf, what: command.what });
  await checkVirtualAccountIn(tx, intoVirtualAccountId, command.smartAccountId);
  const done: ClassicConversion[] = [];
  for (const share of shares) {
    const lot = lots.find((row) => row.id === share.lot.id);
    if (!lot) continue;
    done.push(
      await convertLot(tx, lot, {
        quantity: share.quantity,
        intoVirtualAccountId,
        asOf,
        actor,
        note: command.note,
      }),
    );
  }
  return done;
}

/**
 * Converts `quantity` units (default all that remain) of one license from one PAK into the named
 * Virtual Account, in one transaction, one `lot_conversions` record per lot it takes from.
 * Errors: UNKNOWN_PAK (no such PAK × license), EXCEEDS_PAK (more than remains),
 * NOTHING_TO_CONVERT, UNKNOWN_VIRTUAL_ACCOUNT (not in this Smart Account).
 */
export function convertPak(
  handle: DbHandle,
  command: ConvertPakCommand,
): Promise<ClassicConversion[]> {
  return handle.db.transaction(async (tx) => {
    await lockLedgerOf(tx, command.smartAccountId);
    const into = await virtualAccountNamed(tx, command.smartAccountId, command.intoVirtualAccount);
    const [license] = await tx
      .select({ id: licenses.id })
      .from(licenses)
      .where(
        and(
          eq(licenses.smartAccountId, command.smartAccountId),
          eq(licenses.name, command.license),
        ),
      );
    const lots = license
      ? await lockedPakLots(
          tx,
          and(
            eq(entitlementLots.smartAccountId, command.smartAccountId),
            eq(entitlementLots.pakNumber, command.pakNumber),
            eq(entitlementLots.licenseId, license.id),
          ),
        )
      : [];
    const what = `PAK ${command.pakNumber} × ${command.license}`;
    const done = await convertShares(tx, lots, { ...command, what }, into);
    await refreshAfterConversions(tx, command.smartAccountId, done);
    return done;
  });
}

/**
 * Device-led conversion: every PAK license fulfilled for `deviceSerial` (the PAK export's serial
 * column) converts into the Virtual Account the device is registered to (or the one named).
 * Errors: UNKNOWN_PRODUCT_INSTANCE when no device has the serial and no Virtual Account is
 * named, UNKNOWN_PAK when no PAK names the serial.
 */
export function convertDevice(
  handle: DbHandle,
  command: ConvertDeviceCommand,
): Promise<ClassicConversion[]> {
  return handle.db.transaction(async (tx) => {
    await lockLedgerOf(tx, command.smartAccountId);
    let into: number;
    if (command.intoVirtualAccount !== undefined) {
      into = await virtualAccountNamed(tx, command.smartAccountId, command.intoVirtualAccount);
    } else {
      const [device] = await tx
        .select({ virtualAccountId: productInstances.virtualAccountId })
        .from(productInstances)
        .where(
          and(
            eq(productInstances.smartAccountId, command.smartAccountId),
            eq(productInstances.udiSerial, command.deviceSerial),
          ),
        );
      if (!device) {
        throw new DomainError(
          'UNKNOWN_PRODUCT_INSTANCE',
          `no device with serial ${command.deviceSerial} in this Smart Account: name the Virtual Account to convert into`,
          { deviceSerial: command.deviceSerial },
        );
      }
      into = device.virtualAccountId;
    }
    const lots = await lockedPakLots(
      tx,
      and(
        eq(entitlementLots.smartAccountId, command.smartAccountId),
        eq(entitlementLots.deviceSerial, command.deviceSerial),
      ),
    );
    const what = `device ${command.deviceSerial}`;
    if (lots.length === 0) return convertShares(tx, lots, { ...command, what }, into);
    const done: ClassicConversion[] = [];
    // One license at a time: a device's PAK lots may carry several licenses.
    for (const licenseId of [...new Set(lots.map((lot) => lot.licenseId))]) {
      const mine = lots.filter((lot) => lot.licenseId === licenseId);
      try {
        done.push(...(await convertShares(tx, mine, { ...command, what }, into)));
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'NOTHING_TO_CONVERT')) throw error;
      }
    }
    if (done.length === 0) {
      throw new DomainError(
        'NOTHING_TO_CONVERT',
        `nothing left to convert for ${what} on ${command.asOf} (converted already, ended or not started)`,
        { deviceSerial: command.deviceSerial },
      );
    }
    await refreshAfterConversions(tx, command.smartAccountId, done);
    return done;
  });
}
