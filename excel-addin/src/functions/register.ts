/**
 * TRUEUP.* custom functions. Registered explicitly with CustomFunctions.associate (ids match
 * public/functions.json), so minification cannot break them. They only read: writes happen in
 * the task pane. Errors become CustomFunctions.Error with a message.
 */
import { loadConnection } from '../api-client/connection-store.js';
import { AddinError } from '../api-client/errors.js';

import { parseAsOf } from './as-of.js';
import { createCellBatcher, type CellField } from './cell-batcher.js';
import { CELL_FUNCTIONS } from './ids.js';

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

/** Registers the functions when a custom-functions runtime is present (not in a plain browser). */
export function registerFunctions(): void {
  if (typeof CustomFunctions === 'undefined') return;
  for (const [id, field] of Object.entries(CELL_FUNCTIONS)) {
    CustomFunctions.associate(id, (va: unknown, license: unknown, asOf: unknown) =>
      cell(field, va, license, asOf),
    );
  }
}

registerFunctions();
