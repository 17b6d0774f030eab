import { describe, expect, it } from 'vitest';

import type { FetchLike } from '../api-client/client.js';
import { FakeWorkbook } from '../office/testing/fake-workbook.js';

import type { ActionContext } from './action-context.js';
import { apply, describeApply, setupMoves } from './what-if-actions.js';

/** A fake API answering by operation name. */
function api(answers: Record<string, unknown>): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = [];
  const fetch: FetchLike = async (_url, init) => {
    const { query } = JSON.parse(String(init.body)) as { query: string };
    const name = /(?:query|mutation) (\w+)/.exec(query)?.[1] ?? '';
    calls.push(name);
    return new Response(JSON.stringify(answers[name] ?? { errors: [{ message: 'unexpected' }] }));
  };
  return { fetch, calls };
}

function context(book: FakeWorkbook, fetch: FetchLike): ActionContext {
  return {
    connection: { apiUrl: 'https://t', token: 'viewer', smartAccount: 'acme', asOf: '2026-05-01' },
    excel: book.run,
    progress: () => undefined,
    fetch,
  };
}

const names = {
  data: {
    smartAccount: {
      virtualAccounts: [{ name: 'Lab' }, { name: 'Prod' }],
      licenses: [{ name: 'DNA' }],
    },
  },
};

describe('what-if actions', () => {
  it('makes a Moves table whose License, From and To columns drop down the account names', async () => {
    const book = new FakeWorkbook();
    await setupMoves(context(book, api({ AccountNames: names }).fetch));
    expect(book.grid('Moves')[0]).toEqual(['License', 'Quantity', 'From', 'To']);
    expect(book.sheets.get('Moves')?.validations).toEqual([
      {
        address: 'A2:A6',
        rule: { list: { inCellDropDown: true, source: "='Trueup lists'!$B$2:$B$2" } },
      },
      {
        address: 'C2:C6',
        rule: { list: { inCellDropDown: true, source: "='Trueup lists'!$A$2:$A$3" } },
      },
      {
        address: 'D2:D6',
        rule: { list: { inCellDropDown: true, source: "='Trueup lists'!$A$2:$A$3" } },
      },
    ]);
    expect(book.grid('Trueup lists')).toEqual([
      ['Virtual Account', 'License'],
      ['Lab', 'DNA'],
      ['Prod', ''],
    ]);
  });

  it('says clearly that a read-only token cannot apply, and applies nothing', async () => {
    const book = new FakeWorkbook();
    const forbidden = {
      errors: [{ message: 'viewer tokens cannot write', extensions: { code: 'FORBIDDEN' } }],
    };
    const server = api({
      AccountNames: names,
      CreateScenario: forbidden,
      ApplyScenario: forbidden,
    });
    const ctx = context(book, server.fetch);
    await setupMoves(ctx);
    book.sheets.get('Moves')?.cells.set('1,0', { value: 'DNA' });
    book.sheets.get('Moves')?.cells.set('1,1', { value: 2 });
    book.sheets.get('Moves')?.cells.set('1,2', { value: 'Lab' });
    book.sheets.get('Moves')?.cells.set('1,3', { value: 'Prod' });
    const { moves, question } = await describeApply(ctx);
    expect(question).toBe(
      'Apply 1 move(s) (2 licenses) to acme? This records the transfers in Trueup.',
    );
    await expect(apply(ctx, moves)).rejects.toThrow(
      'Your token’s role does not allow this change. Ask for an admin token to apply changes.',
    );
    expect(server.calls).not.toContain('ApplyScenario');
  });

  it('shows a conflict from applyScenario’s userErrors and reports no transfers', async () => {
    const book = new FakeWorkbook();
    const server = api({
      AccountNames: names,
      CreateScenario: {
        data: { createScenario: { scenario: { id: '7', version: 1 }, userErrors: [] } },
      },
      ApplyScenario: {
        data: {
          applyScenario: {
            scenario: null,
            transfers: null,
            userErrors: [
              {
                field: ['input', 'expectedVersion'],
                code: 'SCENARIO_VERSION_CONFLICT',
                message: 'scenario 7 is at version 2, not 1',
              },
            ],
          },
        },
      },
    });
    const ctx = context(book, server.fetch);
    await setupMoves(ctx);
    book.sheets.get('Moves')?.cells.set('1,0', { value: 'DNA' });
    book.sheets.get('Moves')?.cells.set('1,1', { value: 2 });
    book.sheets.get('Moves')?.cells.set('1,2', { value: 'Lab' });
    book.sheets.get('Moves')?.cells.set('1,3', { value: 'Prod' });
    const { moves } = await describeApply(ctx);
    await expect(apply(ctx, moves)).rejects.toThrow('scenario 7 is at version 2, not 1');
    expect(server.calls).toContain('ApplyScenario');
  });

  it('refuses to evaluate or apply a Moves table with a bad row, naming the row', async () => {
    const book = new FakeWorkbook();
    const ctx = context(book, api({ AccountNames: names }).fetch);
    await setupMoves(ctx);
    book.sheets.get('Moves')?.cells.set('2,0', { value: 'DNA' });
    await expect(describeApply(ctx)).rejects.toThrow(
      'Fix the Moves table first (row 2: quantity must be a whole number above 0, no From, no To).',
    );
  });
});
