import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate, type EstateSpec, type InsertedEstate } from '../support/estate.js';
import { graphql } from '../support/graphql-client.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi, type TestApi } from '../support/test-server.js';

// Relay object identification: Node.nodeId, node(id:), nodes(ids:), scoped by the token.
const estate = (domain: string): EstateSpec => ({
  domain,
  virtualAccounts: [{ name: `${domain} VA` }],
  licenses: [{ name: `${domain} license` }],
  lots: [],
  instances: [{ va: 0, mode: 'SLR' }],
  usage: [],
  reservations: [{ instance: 0, license: 0, events: [{ delta: 2, on: '2026-01-01' }] }],
});
const A = 'node-a.example';
const B = 'node-b.example';
/** The global id rule, written out: base64 of `Type:id`. */
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

let handle: DbHandle;
let api: TestApi;
let a: InsertedEstate;
let b: InsertedEstate;
let scopedToA: string;

beforeAll(async () => {
  handle = await createTestDb();
  a = await insertEstate(handle.db, estate(A));
  b = await insertEstate(handle.db, estate(B));
  api = await startTestApi(handle, '2026-06-01');
  scopedToA = (
    await api.services.access.create({ role: 'VIEWER', smartAccounts: [A], name: 'node-scope-a' })
  ).token;
});

afterAll(async () => {
  await api?.close();
  await handle?.close();
});

const NODE_FIELDS = `__typename nodeId
  ... on SmartAccount { id domain }
  ... on VirtualAccount { id name }
  ... on License { id name }`;

describe('Node: global ids and node/nodes', () => {
  it('gives Smart Accounts, Virtual Accounts and licenses a nodeId of base64 Type:id', async () => {
    const res = await graphql<{
      smartAccount: {
        id: string;
        nodeId: string;
        virtualAccounts: { id: string; nodeId: string }[];
        licenses: { id: string; nodeId: string }[];
      };
    }>(
      api.graphqlUrl,
      `{ smartAccount(domain: "${A}") { id nodeId virtualAccounts { id nodeId } licenses { id nodeId } } }`,
    );
    expect(res.errors).toBeUndefined();
    const account = res.data!.smartAccount;
    expect(account.id).toBe(String(a.smartAccountId));
    expect(account.nodeId).toBe(gid('SmartAccount', a.smartAccountId));
    expect(account.virtualAccounts).toEqual([
      {
        id: String(a.virtualAccountIds[0]),
        nodeId: gid('VirtualAccount', a.virtualAccountIds[0]!),
      },
    ]);
    expect(account.licenses).toEqual([
      { id: String(a.licenseIds[0]), nodeId: gid('License', a.licenseIds[0]!) },
    ]);
  });

  it('fetches each kind back by its global id', async () => {
    const res = await graphql<{ sa: object; va: object; license: object }>(
      api.graphqlUrl,
      `query($sa: ID!, $va: ID!, $license: ID!) {
        sa: node(id: $sa) { ${NODE_FIELDS} } va: node(id: $va) { ${NODE_FIELDS} }
        license: node(id: $license) { ${NODE_FIELDS} } }`,
      {
        sa: gid('SmartAccount', a.smartAccountId),
        va: gid('VirtualAccount', a.virtualAccountIds[0]!),
        license: gid('License', a.licenseIds[0]!),
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      sa: {
        __typename: 'SmartAccount',
        nodeId: gid('SmartAccount', a.smartAccountId),
        id: String(a.smartAccountId),
        domain: A,
      },
      va: {
        __typename: 'VirtualAccount',
        nodeId: gid('VirtualAccount', a.virtualAccountIds[0]!),
        id: String(a.virtualAccountIds[0]),
        name: `${A} VA`,
      },
      license: {
        __typename: 'License',
        nodeId: gid('License', a.licenseIds[0]!),
        id: String(a.licenseIds[0]),
        name: `${A} license`,
      },
    });
  });

  it('answers null for ids that are not global ids or name nothing', async () => {
    const res = await graphql<{ nodes: unknown[] }>(
      api.graphqlUrl,
      `
        query ($ids: [ID!]!) {
          nodes(ids: $ids) {
            nodeId
          }
        }
      `,
      {
        ids: [
          String(a.smartAccountId),
          'not an id',
          gid('VirtualAccount', 999_999),
          gid('Scenario', 1),
        ],
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ nodes: [null, null, null, null] });
  });

  it('never shows another Smart Account’s objects to a token scoped to one', async () => {
    const ids = [
      gid('SmartAccount', a.smartAccountId),
      gid('SmartAccount', b.smartAccountId),
      gid('VirtualAccount', a.virtualAccountIds[0]!),
      gid('VirtualAccount', b.virtualAccountIds[0]!),
      gid('License', a.licenseIds[0]!),
      gid('License', b.licenseIds[0]!),
    ];
    const scoped = await graphql<{ nodes: ({ nodeId: string } | null)[] }>(
      api.graphqlUrl,
      `
        query ($ids: [ID!]!) {
          nodes(ids: $ids) {
            nodeId
          }
        }
      `,
      { ids },
      { token: scopedToA },
    );
    expect(scoped.errors).toBeUndefined();
    expect(scoped.data!.nodes).toEqual([
      { nodeId: ids[0] },
      null,
      { nodeId: ids[2] },
      null,
      { nodeId: ids[4] },
      null,
    ]);
    const single = await graphql(
      api.graphqlUrl,
      `
        query ($id: ID!) {
          node(id: $id) {
            nodeId
          }
        }
      `,
      { id: gid('VirtualAccount', b.virtualAccountIds[0]!) },
      { token: scopedToA },
    );
    expect(single).toMatchObject({ data: { node: null } });
    expect(single.errors).toBeUndefined();
    // The install-wide admin token sees B's objects.
    const admin = await graphql<{ nodes: unknown[] }>(
      api.graphqlUrl,
      `
        query ($ids: [ID!]!) {
          nodes(ids: $ids) {
            nodeId
          }
        }
      `,
      { ids },
    );
    expect(admin.data!.nodes).toEqual(ids.map((nodeId) => ({ nodeId })));
  });

  it('identifies devices and reservations too, within the token’s Smart Accounts', async () => {
    const read = async (domain: string) => {
      const res = await graphql<{
        smartAccount: {
          reservations: { id: string; nodeId: string }[];
          virtualAccounts: { productInstances: { nodes: { id: string; nodeId: string }[] } }[];
        };
      }>(
        api.graphqlUrl,
        `{ smartAccount(domain: "${domain}") { reservations { id nodeId }
          virtualAccounts { productInstances(first: 5) { nodes { id nodeId } } } } }`,
      );
      expect(res.errors).toBeUndefined();
      const account = res.data!.smartAccount;
      return {
        reservation: account.reservations[0]!,
        instance: account.virtualAccounts[0]!.productInstances.nodes[0]!,
      };
    };
    const ofA = await read(A);
    const ofB = await read(B);
    expect(ofA.instance).toEqual({
      id: String(a.instanceIds[0]),
      nodeId: gid('ProductInstance', a.instanceIds[0]!),
    });
    expect(ofA.reservation.nodeId).toBe(gid('Reservation', Number(ofA.reservation.id)));
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename nodeId
      ... on ProductInstance { id } ... on Reservation { id quantity } } }`;
    const ids = [
      ofA.instance.nodeId,
      ofA.reservation.nodeId,
      ofB.instance.nodeId,
      ofB.reservation.nodeId,
    ];
    const scoped = await graphql<{ nodes: unknown[] }>(
      api.graphqlUrl,
      query,
      { ids },
      { token: scopedToA },
    );
    expect(scoped.errors).toBeUndefined();
    expect(scoped.data!.nodes).toEqual([
      { __typename: 'ProductInstance', nodeId: ids[0], id: ofA.instance.id },
      // The trail holds one event of +2.
      { __typename: 'Reservation', nodeId: ids[1], id: ofA.reservation.id, quantity: 2 },
      null,
      null,
    ]);
  });

  it('refuses more than 100 ids with a clear error', async () => {
    const res = await graphql(
      api.graphqlUrl,
      `
        query ($ids: [ID!]!) {
          nodes(ids: $ids) {
            nodeId
          }
        }
      `,
      {
        ids: Array.from({ length: 101 }, (_, i) => gid('License', i + 1)),
      },
    );
    expect(res.errors?.[0]?.message).toMatch(/at most 100 ids; 101 were given/);
  });
});
