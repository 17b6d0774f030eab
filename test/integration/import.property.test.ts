import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { createServices, fixedClock, type Services } from '../../api/src/index.js';
import { textSource } from '../../api/src/services/index.js';
import { createTestDb } from '../support/test-db.js';

const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,"'.:-]{0,24}[A-Za-z0-9]$/);
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A random valid licenses export: distinct Virtual Account × license lines with owned and in use. */
const exportArbitrary = fc.uniqueArray(
  fc.record({ virtualAccount: name, license: name, owned: fc.nat(5000), inUse: fc.nat(5000) }),
  {
    minLength: 1,
    maxLength: 12,
    selector: (l) => `${l.virtualAccount.toLowerCase()}\u0000${l.license.toLowerCase()}`,
  },
);

describe('licenses export round trip', () => {
  let handle: DbHandle;
  let services: Services;
  beforeAll(async () => {
    handle = await createTestDb();
    services = createServices(handle, fixedClock('2026-11-28'));
  });
  afterAll(async () => {
    await handle.close();
  });

  it('imports any valid export to exactly the position it states', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(exportArbitrary, fc.boolean(), async (lines, semicolons) => {
        const separator = semicolons ? ';' : ',';
        const csv = [
          ['Virtual Account', 'License', 'Purchased', 'In Use', 'Balance']
            .map(quote)
            .join(separator),
          ...lines.map((l) =>
            [quote(l.virtualAccount), quote(l.license), l.owned, l.inUse, l.owned - l.inUse].join(
              separator,
            ),
          ),
        ].join('\r\n');
        const domain = `round-trip-${run++}.example`;
        const summary = await services.imports.run({
          smartAccount: domain,
          asOf: '2026-10-01',
          dryRun: false,
          files: [textSource('export.csv', csv, 'cssm-licenses-csv')],
        });
        expect(summary.issues).toEqual([]);
        const account = await services.accounts.smartAccountByDomain(domain);
        const page = await services.position.rowsPage({
          smartAccountId: account!.id,
          asOf: '2026-10-01',
          includeClassic: true,
          page: { first: 1000 },
        });
        const got = page.items.map(
          ({ node }) =>
            `${node.virtualAccountName}|${node.licenseName}|${node.owned}|${node.consumed}|${node.balance}`,
        );
        const want = lines.map(
          (l) => `${l.virtualAccount}|${l.license}|${l.owned}|${l.inUse}|${l.owned - l.inUse}`,
        );
        expect(got.sort()).toEqual(want.sort());
      }),
      { numRuns: 20 },
    );
  });
});
