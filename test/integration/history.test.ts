import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { createServices, fixedClock } from '../../api/src/index.js';
import { insertEstate } from '../support/estate.js';
import { graphql } from '../support/graphql-client.js';
import { KNOWN_ESTATE } from '../support/known-estate.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

type Line = {
  virtualAccountName: string;
  licenseName: string;
  // GraphQL BigInt: strings of digits.
  owned: string;
  consumed: string;
  balance: string;
};

describe('snapshots, drift and roll-ups', () => {
  let handle: DbHandle;
  let url: string;
  let close: () => Promise<void>;
  const snapshot = (label: string, asOf: string) =>
    graphql<{
      takeSnapshot: {
        snapshot: { label: string; asOf: string } | null;
        userErrors: { field: string[]; code: string }[];
      };
    }>(
      url,
      `mutation { takeSnapshot(input: { smartAccount: "known.example", label: "${label}", asOf: "${asOf}" }) {
        snapshot { label asOf } userErrors { field code } } }`,
    );
  const position = async (asOf: string) => {
    const res = await graphql<{ smartAccount: { positionRows: { nodes: Line[] } } }>(
      url,
      `{ smartAccount(domain: "known.example") { positionRows(asOf: "${asOf}") { nodes { virtualAccountName licenseName owned consumed balance } } } }`,
    );
    return new Map(
      res.data!.smartAccount.positionRows.nodes.map((n) => [
        `${n.virtualAccountName}/${n.licenseName}`,
        n,
      ]),
    );
  };

  beforeAll(async () => {
    handle = await createTestDb();
    await insertEstate(handle.db, KNOWN_ESTATE);
    ({ graphqlUrl: url, close } = await startTestApi(handle, '2026-08-01'));
  });
  afterAll(async () => {
    await close();
    await handle.close();
  });

  it('takes snapshots once per label', async () => {
    expect((await snapshot('May', '2026-05-01')).data!.takeSnapshot).toEqual({
      snapshot: { label: 'May', asOf: '2026-05-01' },
      userErrors: [],
    });
    expect((await snapshot('July', '2026-07-01')).data!.takeSnapshot.snapshot?.asOf).toBe(
      '2026-07-01',
    );
    const again = await snapshot('May', '2026-06-01');
    expect(again.data!.takeSnapshot).toEqual({
      snapshot: null,
      userErrors: [{ field: ['input', 'label'], code: 'SNAPSHOT_EXISTS' }],
    });
    const list = await graphql<{ smartAccount: { snapshots: { label: string }[] } }>(
      url,
      `
        {
          smartAccount(domain: "known.example") {
            snapshots {
              label
            }
          }
        }
      `,
    );
    expect(list.data!.smartAccount.snapshots.map((s) => s.label)).toEqual(['July', 'May']);
  });

  it('gives drift between two snapshots equal to the difference of the two positions', async () => {
    const res = await graphql<{
      smartAccount: {
        drift: { fromAsOf: string; toAsOf: string; lines: (Line & Record<string, string>)[] };
      };
    }>(
      url,
      `
        {
          smartAccount(domain: "known.example") {
            drift(from: "May", to: "July") {
              fromAsOf
              toAsOf
              lines {
                virtualAccountName
                licenseName
                ownedBefore
                ownedAfter
                ownedChange
                consumedBefore
                consumedAfter
                consumedChange
                balanceChange
              }
            }
          }
        }
      `,
    );
    expect(res.errors).toBeUndefined();
    const [may, july] = [await position('2026-05-01'), await position('2026-07-01')];
    const keys = new Set([...may.keys(), ...july.keys()]);
    const expected = [...keys]
      .map((k) => {
        const [virtualAccountName, licenseName] = k.split('/') as [string, string];
        const before = may.get(k) ?? { owned: '0', consumed: '0', balance: '0' };
        const after = july.get(k) ?? { owned: '0', consumed: '0', balance: '0' };
        return {
          virtualAccountName,
          licenseName,
          ownedChange: String(BigInt(after.owned) - BigInt(before.owned)),
          consumedChange: String(BigInt(after.consumed) - BigInt(before.consumed)),
          balanceChange: String(BigInt(after.balance) - BigInt(before.balance)),
        };
      })
      .filter((l) => [l.ownedChange, l.consumedChange, l.balanceChange].some((c) => c !== '0'));
    const got = res.data!.smartAccount.drift.lines.map(
      ({ virtualAccountName, licenseName, ownedChange, consumedChange, balanceChange }) => ({
        virtualAccountName,
        licenseName,
        ownedChange,
        consumedChange,
        balanceChange,
      }),
    );
    const order = (a: { virtualAccountName: string; licenseName: string }, b: typeof a) =>
      `${a.virtualAccountName}/${a.licenseName}`.localeCompare(
        `${b.virtualAccountName}/${b.licenseName}`,
      );
    expect(got.sort(order)).toEqual(expected.sort(order));
    // The term lot of 5 in East lapsed on 2026-06-30; West's 20 started on 2026-06-01.
    expect(got).toContainEqual({
      virtualAccountName: 'East',
      licenseName: 'L1 Network Advantage',
      ownedChange: '-5',
      consumedChange: '0',
      balanceChange: '-5',
    });
    expect(res.data!.smartAccount.drift).toMatchObject({
      fromAsOf: '2026-05-01',
      toAsOf: '2026-07-01',
    });
  });

  it('accepts a date on either side and rejects an unknown label', async () => {
    const dated = await graphql<{ smartAccount: { drift: { toAsOf: string } } }>(
      url,
      `
        {
          smartAccount(domain: "known.example") {
            drift(from: "May", to: "2026-07-01") {
              toAsOf
            }
          }
        }
      `,
    );
    expect(dated.data!.smartAccount.drift.toAsOf).toBe('2026-07-01');
    const unknown = await graphql(
      url,
      `
        {
          smartAccount(domain: "known.example") {
            drift(from: "Nope", to: "July") {
              toAsOf
            }
          }
        }
      `,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('takes scheduled snapshots once per account and day', async () => {
    const services = createServices(handle, fixedClock('2026-08-01'));
    expect(await services.history.takeScheduled()).toEqual(['known.example']);
    expect(await services.history.takeScheduled()).toEqual([]);
    const list = await graphql<{ smartAccount: { snapshots: { label: string; asOf: string }[] } }>(
      url,
      `
        {
          smartAccount(domain: "known.example") {
            snapshots {
              label
              asOf
            }
          }
        }
      `,
    );
    expect(list.data!.smartAccount.snapshots[0]).toEqual({
      label: 'auto-2026-08-01',
      asOf: '2026-08-01',
    });
  });

  it('rolls the position up by region, conserving totals', async () => {
    const res = await graphql<{
      smartAccount: {
        rollup: {
          group: string | null;
          virtualAccountCount: number;
          positions: {
            licenseName: string;
            owned: number;
            consumed: number;
            netShortfall: number;
          }[];
        }[];
      };
    }>(
      url,
      `
        {
          smartAccount(domain: "known.example") {
            rollup(by: REGION, asOf: "2026-05-01") {
              group
              virtualAccountCount
              positions {
                licenseName
                owned
                consumed
                netShortfall
              }
            }
          }
        }
      `,
    );
    expect(res.data!.smartAccount.rollup).toEqual([
      {
        group: 'AMER',
        virtualAccountCount: 1,
        positions: [
          { licenseName: 'L1 Network Advantage', owned: '18', consumed: '15', netShortfall: '0' },
        ],
      },
      {
        group: 'EMEA',
        virtualAccountCount: 1,
        positions: [
          { licenseName: 'L1 Network Advantage', owned: '2', consumed: '6', netShortfall: '4' },
          { licenseName: 'L2 DNA Advantage', owned: '0', consumed: '1', netShortfall: '1' },
        ],
      },
    ]);
  });
});
