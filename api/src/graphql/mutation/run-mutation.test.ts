import { readFileSync } from 'node:fs';

import { buildSchema, type GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';

import { DomainError } from '../../domain/index.js';
import { ImportInputError } from '../../services/index.js';

import { runMutation } from './run-mutation.js';
import { USER_ERROR_CODES } from './user-error-codes.js';

/** Work that fails with `error` (its result, were it to succeed: a scenario id). */
const fail = (error: unknown) => (): Promise<{ scenario: number }> => Promise.reject(error);

describe('runMutation: user errors from the one code list', () => {
  it('answers a domain mistake as a user error on the input field its code is about', async () => {
    const error = new DomainError('SCENARIO_VERSION_CONFLICT', 'scenario "x" is at version 3');
    expect(await runMutation({ clientMutationId: 'c1' }, fail(error))).toEqual({
      userErrors: [
        {
          field: ['input', 'expectedVersion'],
          code: 'SCENARIO_VERSION_CONFLICT',
          message: 'scenario "x" is at version 3',
        },
      ],
      clientMutationId: 'c1',
    });
  });

  it('takes the mutation’s own field for a code, and none when the code names none', async () => {
    const unknown = new DomainError('UNKNOWN_LICENSE', 'no such license in this Smart Account');
    const payload = await runMutation({}, fail(unknown), { UNKNOWN_LICENSE: 'licenseId' });
    expect(payload.userErrors[0]?.field).toEqual(['input', 'licenseId']);
    const conflict = new DomainError('REALLOCATION_CONFLICT', 'East would be short');
    expect((await runMutation({}, fail(conflict))).userErrors[0]?.field).toBeNull();
  });

  it('answers an import that cannot proceed as IMPORT_INPUT on the field it names', async () => {
    const error = new ImportInputError(
      'the source "x" is neither cloud nor onprem:<host>',
      'sourceSystem',
    );
    expect((await runMutation({}, fail(error))).userErrors).toEqual([
      { field: ['input', 'sourceSystem'], code: 'IMPORT_INPUT', message: error.message },
    ]);
  });

  it('leaves scope refusals, codes outside the list and the unexpected top-level', async () => {
    for (const error of [
      new DomainError('UNKNOWN_SMART_ACCOUNT', 'no such Smart Account'),
      new DomainError('INVALID_CURSOR', 'the cursor is not one this API issued'),
      new Error('connection reset'),
    ]) {
      await expect(runMutation({}, fail(error))).rejects.toBe(error);
    }
  });

  it('returns the result with no user errors when the work succeeds', async () => {
    expect(await runMutation({}, () => Promise.resolve({ scenario: 1 }))).toEqual({
      scenario: 1,
      userErrors: [],
      clientMutationId: null,
    });
  });

  it('emits UserError.code as the UserErrorCode enum of exactly the listed codes', () => {
    const schema = buildSchema(
      readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'),
    );
    const codeType = schema.getType('UserError')!.toConfig() as {
      fields: Record<string, { type: unknown }>;
    };
    expect(String(codeType.fields.code!.type)).toBe('UserErrorCode!');
    const values = (schema.getType('UserErrorCode') as GraphQLEnumType).getValues();
    expect(values.map((v) => v.name).sort()).toEqual([...USER_ERROR_CODES].sort());
    expect(values.filter((v) => !v.description)).toEqual([]);
    // A few by hand, so an emptied list cannot pass.
    expect(values.map((v) => v.name)).toEqual(
      expect.arrayContaining(['SCENARIO_VERSION_CONFLICT', 'UNKNOWN_LICENSE', 'IMPORT_INPUT']),
    );
  });
});
