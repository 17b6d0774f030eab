/**
 * TRUEUP.* custom functions. Registered explicitly with CustomFunctions.associate (ids match
 * public/functions.json), so minification cannot break them. They only read: writes happen in
 * the task pane. Errors become CustomFunctions.Error with a message.
 */
import { loadConnection } from '../api-client/connection-store.js';
import { AddinError } from '../api-client/errors.js';

import { parseAsOf } from './as-of.js';
import { createCellBatcher, type CellField } from './cell-batcher.js';

const batcher = createCellBatcher({
  connection: () => loadConnection(localStorage, location.origin),
});

/** Excel shows a cell error with its message only for a thrown CustomFunctions.Error. */
function fail(code: CustomFunctions.ErrorCode | CustomFunctions.Error, message?: string): never {
  const error =
    code instanceof CustomFunctions.Error ? code : new CustomFunctions.Error(code, message);
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- the runtime's error type is not typed as an Error subclass
  throw error;
}

function toCustomFunctionError(error: unknown): CustomFunctions.Error {
  if (error instanceof AddinError) {
    const code =
      error.kind === 'input'
        ? CustomFunctions.ErrorCode.invalidValue
        : CustomFunctions.ErrorCode.notAvailable;
    return new CustomFunctions.Error(code, error.message);
  }
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.notAvailable,
    'Trueup could not answer.',
  );
}

async function cell(
  field: CellField,
  virtualAccount: unknown,
  license: unknown,
  asOf: unknown,
): Promise<number> {
  if (
    typeof virtualAccount !== 'string' ||
    virtualAccount === '' ||
    typeof license !== 'string' ||
    license === ''
  ) {
    fail(CustomFunctions.ErrorCode.invalidValue, 'Give a Virtual Account name and a license name.');
  }
  const date = parseAsOf(asOf);
  if ('error' in date) fail(CustomFunctions.ErrorCode.invalidValue, date.error);
  try {
    return await batcher.request(field, virtualAccount, license, date.asOf);
  } catch (error) {
    return fail(toCustomFunctionError(error));
  }
}

// The TRUEUP.* functions. Their JSDoc is the metadata: public/functions.json is generated from
// it by custom-functions-metadata (scripts/functions-metadata.mjs, run by the build).

/**
 * Licenses owned by a Virtual Account (entitlements active at the date).
 * @customfunction OWNED
 * @param virtualAccount Virtual Account name
 * @param license License name, as Cisco names it
 * @param [asOf] As-of date (YYYY-MM-DD or a date cell); default today
 * @returns The owned figure.
 */
export function owned(virtualAccount: string, license: string, asOf?: unknown): Promise<number> {
  return cell('owned', virtualAccount, license, asOf);
}

/**
 * Licenses in use in a Virtual Account (reservations included).
 * @customfunction CONSUMED
 * @param virtualAccount Virtual Account name
 * @param license License name, as Cisco names it
 * @param [asOf] As-of date (YYYY-MM-DD or a date cell); default today
 * @returns The consumed figure.
 */
export function consumed(virtualAccount: string, license: string, asOf?: unknown): Promise<number> {
  return cell('consumed', virtualAccount, license, asOf);
}

/**
 * Owned minus consumed for a Virtual Account and license.
 * @customfunction BALANCE
 * @param virtualAccount Virtual Account name
 * @param license License name, as Cisco names it
 * @param [asOf] As-of date (YYYY-MM-DD or a date cell); default today
 * @returns The balance figure.
 */
export function balance(virtualAccount: string, license: string, asOf?: unknown): Promise<number> {
  return cell('balance', virtualAccount, license, asOf);
}

/**
 * Licenses a Virtual Account is short (consumed beyond owned).
 * @customfunction SHORTFALL
 * @param virtualAccount Virtual Account name
 * @param license License name, as Cisco names it
 * @param [asOf] As-of date (YYYY-MM-DD or a date cell); default today
 * @returns The shortfall figure.
 */
export function shortfall(
  virtualAccount: string,
  license: string,
  asOf?: unknown,
): Promise<number> {
  return cell('shortfall', virtualAccount, license, asOf);
}

/**
 * Money at stake for the shortfall of a Virtual Account and license.
 * @customfunction EXPOSURE
 * @param virtualAccount Virtual Account name
 * @param license License name, as Cisco names it
 * @param [asOf] As-of date (YYYY-MM-DD or a date cell); default today
 * @returns The exposure figure.
 */
export function exposure(virtualAccount: string, license: string, asOf?: unknown): Promise<number> {
  return cell('exposure', virtualAccount, license, asOf);
}

/** Function id (as in functions.json) → its implementation. */
export const FUNCTIONS: Readonly<Record<string, (...args: never[]) => Promise<number>>> = {
  OWNED: owned,
  CONSUMED: consumed,
  BALANCE: balance,
  SHORTFALL: shortfall,
  EXPOSURE: exposure,
};

/** Registers the functions when a custom-functions runtime is present (not in a plain browser). */
export function registerFunctions(): void {
  if (typeof CustomFunctions === 'undefined') return;
  for (const [id, implementation] of Object.entries(FUNCTIONS)) {
    CustomFunctions.associate(id, implementation);
  }
}

registerFunctions();
