import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  entitlementLots,
  importRuns,
  scenarios,
  snapshots,
  type DbHandle,
} from '../../db/src/index.js';
import { insertEstate, type EstateSpec, type InsertedEstate } from '../support/estate.js';
import { graphql } from '../support/graphql-client.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi, type TestApi } from '../support/test-server.js';

// Relay object identification: every id is an opaque global id, node(id:)/nodes(ids:) read it
// back within the token's Smart Accounts, and inputs refuse an id of the wrong type.
const estate = (domain: string): EstateSpec => ({
  domain,
  virtualAccounts: [{ name: `${domain} VA` }],
  licenses: [{ name: `${domain} license` }],
  lots: [
    {
      va: 0,
      license: 0,
      quantity: 5,
      licenseType: 'PERPETUAL',
      startDate: null,
      endDate: null,
      source: 'SMART',
    },
  ],
  instances: [{ va: 0, mode: 'SLR' }],
  usage: [],
  reservations: [{ instance: 0, license: 0, events: [{ delta: 2, on: '2026-01-01' }] }],
});
const A = 'node-a.example';
const B = 'node-b.example';
/** The global id rule, written out: base64 of `Type:id`. */
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/** Table ids of the rows each account holds, by GraphQL type. */
type Ids = Record<string, number>;

let handle: DbHandle;
let api: TestApi;
let a: Ids;
let b: Ids;
let scopedToA: string;

async function seed(domain: string): Promise<Ids> {
  const inserted: InsertedEstate = await insertEstate(handle.db, estate(domain));
  const sa = inserted.smartAccountId;
  const [lot] = await handle.db
    .select({ id: entitlementLots.id })
    .from(entitlementLots)
    .where(eq(entitlementLots.smartAccountId, sa));
  const [scenario] = await handle.db
    .insert(scenarios)
    .values({ smartAccountId: sa, name: 'what if', asOf: '2026-06-01' })
    .returning();
  const [snapshot] = await handle.db
    .insert(snapshots)
    .values({ smartAccountId: sa, name: 'month end', asOf: '2026-05-31' })
    .returning();
  const [run] = await handle.db
    .insert(importRuns)
    .values({
      smartAccountId: sa,
      fileName: 'a.csv',
      format: 'cssm-licenses-csv',
      asOf: '2026-05-31',
    })
    .returning();
  const reservation = await graphql<{ smartAccount: { reservations: { databaseId: string }[] } }>(
    api.graphqlUrl,
    `{ smartAccount(domain: "${domain}") { reservations { databaseId } } }`,
  );
  return {
    SmartAccount: sa,
    VirtualAccount: inserted.virtualAccountIds[0]!,
    License: inserted.licenseIds[0]!,
    ProductInstance: inserted.instanceIds[0]!,
    Reservation: Number(reservation.data!.smartAccount.reservations[0]!.databaseId),
    Entitlement: lot!.id,
    Scenario: scenario!.id,
    Snapshot: snapshot!.id,
    ImportRun: run!.id,
  };
}

beforeAll(async () => {
  handle = await createTestDb();
  api = await startTestApi(handle, '2026-06-01');
  a = await seed(A);
  b = await seed(B);
  scopedToA = (
    await api.services.access.create({ role: 'VIEWER', smartAccounts: [A], name: 'node-scope-a' })
  ).token;
});

afterAll(async () => {
  await api?.close();
  await handle?.close();
});

const TYPES = [
  'SmartAccount',
  'VirtualAccount',
  'License',
  'ProductInstance',
  'Reservation',
  'Entitlement',
  'Scenario',
  'Snapshot',
  'ImportRun',
] as const;
const globalIds = (ids: Ids) => TYPES.map((type) => gid(type, ids[type]!));

const NODES = `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;

describe('Node: global ids', () => {
  it('makes every id base64 of Type:databaseId, databaseId the table id', async () => {
    const res = await graphql<{ smartAccount: Record<string, unknown> }>(
      api.graphqlUrl,
      `{ smartAccount(domain: "${A}") { id databaseId
          virtualAccounts { id databaseId entitlements { id databaseId }
            productInstances(first: 5) { nodes { id databaseId } } }
          licenses { id databaseId } reservations { id databaseId }
          scenarios { id databaseId } snapshots { id databaseId }
          importRunsConnection(first: 5) { nodes { id databaseId } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const pair = (type: string) => ({ id: gid(type, a[type]!), databaseId: String(a[type]) });
    expect(res.data!.smartAccount).toEqual({
      ...pair('SmartAccount'),
      virtualAccounts: [
        {
          ...pair('VirtualAccount'),
          entitlements: [pair('Entitlement')],
          productInstances: { nodes: [pair('ProductInstance')] },
        },
      ],
      licenses: [pair('License')],
      reservations: [pair('Reservation')],
      scenarios: [pair('Scenario')],
      snapshots: [pair('Snapshot')],
      importRunsConnection: { nodes: [pair('ImportRun')] },
    });
  });

  it('reads every kind back with nodes(ids:), in the order given', async () => {
    const ids = globalIds(a);
    const res = await graphql<{ nodes: unknown[] }>(api.graphqlUrl, NODES, { ids });
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes).toEqual(TYPES.map((type, i) => ({ __typename: type, id: ids[i] })));
    const one = await graphql(
      api.graphqlUrl,
      `
        query ($id: ID!) {
          node(id: $id) {
            id
            ... on License {
              name
              databaseId
            }
          }
        }
      `,
      { id: gid('License', a.License!) },
    );
    expect(one.errors).toBeUndefined();
    expect(one.data).toEqual({
      node: { id: gid('License', a.License!), name: `${A} license`, databaseId: String(a.License) },
    });
  });

  it('answers null, in place, for ids that are not global ids or name nothing', async () => {
    const license = gid('License', a.License!);
    const res = await graphql<{ nodes: unknown[] }>(api.graphqlUrl, NODES, {
      ids: [
        String(a.License), // a bare table id is not a global id
        license,
        'not an id',
        gid('VirtualAccount', 999_999),
        gid('Widget', 1),
        license,
      ],
    });
    expect(res.errors).toBeUndefined();
    const found = { __typename: 'License', id: license };
    expect(res.data!.nodes).toEqual([null, found, null, null, null, found]);
  });

  it('reads each type once per nodes call, not once per id', async () => {
    const entitlements = vi.spyOn(api.services.nodes, 'entitlements');
    const scenarioRows = vi.spyOn(api.services.nodes, 'scenarios');
    try {
      const res = await graphql<{ nodes: unknown[] }>(api.graphqlUrl, NODES, {
        ids: [
          gid('Entitlement', a.Entitlement!),
          gid('Scenario', a.Scenario!),
          gid('Entitlement', b.Entitlement!),
          gid('Scenario', b.Scenario!),
        ],
      });
      expect(res.data!.nodes).toHaveLength(4);
      expect(entitlements).toHaveBeenCalledTimes(1);
      expect(scenarioRows).toHaveBeenCalledTimes(1);
    } finally {
      entitlements.mockRestore();
      scenarioRows.mockRestore();
    }
  });

  it('never shows another Smart Account’s objects to a token scoped to one', async () => {
    const ids = [...globalIds(a), ...globalIds(b)];
    const scoped = await graphql<{ nodes: unknown[] }>(
      api.graphqlUrl,
      NODES,
      { ids },
      { token: scopedToA },
    );
    expect(scoped.errors).toBeUndefined();
    expect(scoped.data!.nodes).toEqual([
      ...TYPES.map((type, i) => ({ __typename: type, id: ids[i] })),
      ...TYPES.map(() => null),
    ]);
    for (const id of globalIds(b)) {
      const single = await graphql(
        api.graphqlUrl,
        `
          query ($id: ID!) {
            node(id: $id) {
              id
            }
          }
        `,
        { id },
        { token: scopedToA },
      );
      expect(single.errors).toBeUndefined();
      expect(single.data).toEqual({ node: null });
    }
    // The install-wide admin token sees B's objects.
    const admin = await graphql<{ nodes: unknown[] }>(api.graphqlUrl, NODES, { ids });
    expect(admin.data!.nodes.every((node) => node !== null)).toBe(true);
  });

  it('refuses more than 100 ids with a clear error', async () => {
    const res = await graphql(api.graphqlUrl, NODES, {
      ids: Array.from({ length: 101 }, (_, i) => gid('License', i + 1)),
    });
    expect(res.errors?.[0]?.message).toMatch(/at most 100 ids; 101 were given/);
  });
});

describe('inputs take global ids of the type they name', () => {
  const UPDATE = `mutation ($input: UpdateReservationInput!) {
    updateReservation(input: $input) {
      reservation { id quantity } userErrors { field code message } } }`;
  const quantityOf = async () =>
    (
      await graphql<{ node: { quantity: number } }>(
        api.graphqlUrl,
        `
          query ($id: ID!) {
            node(id: $id) {
              ... on Reservation {
                quantity
              }
            }
          }
        `,
        { id: gid('Reservation', a.Reservation!) },
      )
    ).data!.node.quantity;

  it('refuses another type’s id, or a bare table id, naming the field, and writes nothing', async () => {
    const base = {
      smartAccountId: gid('SmartAccount', a.SmartAccount!),
      actor: 'test',
      quantity: 4,
    };
    for (const [field, input] of [
      // A License id whose number is the reservation's: refused, not read as the reservation.
      ['reservationId', { ...base, reservationId: gid('License', a.Reservation!) }],
      ['reservationId', { ...base, reservationId: String(a.Reservation) }],
      [
        'smartAccountId',
        {
          ...base,
          smartAccountId: gid('VirtualAccount', a.SmartAccount!),
          reservationId: gid('Reservation', a.Reservation!),
        },
      ],
    ] as const) {
      const res = await graphql<{
        updateReservation: { reservation: unknown; userErrors: unknown[] };
      }>(api.graphqlUrl, UPDATE, { input });
      expect(res.errors).toBeUndefined();
      expect(res.data!.updateReservation.reservation).toBeNull();
      expect(res.data!.updateReservation.userErrors).toEqual([
        { field: ['input', field], code: 'INVALID_ID', message: expect.stringContaining(field) },
      ]);
    }
    expect(await quantityOf()).toBe(2);
  });

  it('takes the global id read from id', async () => {
    const res = await graphql<{ updateReservation: unknown }>(api.graphqlUrl, UPDATE, {
      input: {
        smartAccountId: gid('SmartAccount', a.SmartAccount!),
        reservationId: gid('Reservation', a.Reservation!),
        actor: 'test',
        quantity: 3,
      },
    });
    expect(res.data!.updateReservation).toEqual({
      reservation: { id: gid('Reservation', a.Reservation!), quantity: 3 },
      userErrors: [],
    });
    expect(await quantityOf()).toBe(3);
  });

  it('refuses another type’s id in a query argument as BAD_USER_INPUT', async () => {
    const res = await graphql<{ smartAccount: { scenario: unknown } }>(
      api.graphqlUrl,
      `query ($id: ID!) { smartAccount(domain: "${A}") { scenario(id: $id) { name } } }`,
      { id: gid('Snapshot', a.Scenario!) },
    );
    expect(res.data!.smartAccount.scenario).toBeNull();
    expect(res.errors?.[0]).toMatchObject({
      path: ['smartAccount', 'scenario'],
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(res.errors?.[0]?.message).toMatch(/id must be the global id of a Scenario/);
    const found = await graphql(
      api.graphqlUrl,
      `query ($id: ID!) { smartAccount(domain: "${A}") { scenario(id: $id) { name } } }`,
      { id: gid('Scenario', a.Scenario!) },
    );
    expect(found.errors).toBeUndefined();
    expect(found.data).toEqual({ smartAccount: { scenario: { name: 'what if' } } });
  });
});

describe('connections of the account’s growing records', () => {
  it('pages scenarios and snapshots forward, the same rows as the lists', async () => {
    await handle.db
      .insert(scenarios)
      .values({ smartAccountId: a.SmartAccount!, name: 'second thought', asOf: '2026-06-01' });
    type Page = {
      totalCount: number;
      nodes: { name?: string; label?: string }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    const page = (after: string | null) =>
      graphql<{ smartAccount: { scenariosConnection: Page; snapshotsConnection: Page } }>(
        api.graphqlUrl,
        `query ($after: String) { smartAccount(domain: "${A}") {
          scenariosConnection(first: 1, after: $after) {
            totalCount nodes { name } pageInfo { hasNextPage endCursor } }
          snapshotsConnection(first: 1) { totalCount nodes { label } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
    const first = (await page(null)).data!.smartAccount;
    expect(first.snapshotsConnection).toMatchObject({
      totalCount: 1,
      nodes: [{ label: 'month end' }],
      pageInfo: { hasNextPage: false },
    });
    expect(first.scenariosConnection).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: true },
    });
    const second = (await page(first.scenariosConnection.pageInfo.endCursor)).data!.smartAccount;
    expect(second.scenariosConnection).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: false },
    });
    // Both scenarios, once each, across the two pages.
    expect(
      [...first.scenariosConnection.nodes, ...second.scenariosConnection.nodes]
        .map((n) => n.name)
        .sort(),
    ).toEqual(['second thought', 'what if']);
  });
});
