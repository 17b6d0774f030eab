import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { apiTokens, type DbHandle } from '@trueup/db';

import type { Services } from '../../api/src/index.js';
import { insertEstate, type InsertedEstate } from '../support/estate.js';
import { gid } from '../support/global-id.js';
import { graphql, graphqlResponse } from '../support/graphql-client.js';
import { reservationEstate } from '../support/reservation-estate.js';
import { tableCounts } from '../support/table-counts.js';
import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

const A = 'alpha-access.example';
const B = 'beta-access.example';

const SNAPSHOT = `mutation($sa: String!, $label: String!) {
  takeSnapshot(input: { smartAccount: $sa, label: $label, asOf: "2026-02-01" }) {
    snapshot { label } } }`;
const RESERVE = `mutation($input: ReserveLicensesInput!) {
  reserveLicenses(input: $input) { reservation { id quantity } userErrors { field code message } } }`;
const IMPORT = `mutation($sa: String!) {
  importData(input: { smartAccount: $sa, fileName: "l.csv", asOf: "2026-02-01",
    content: "Virtual Account,License,Purchased,In Use\\nV,L,1,0\\n" }) { summary { committed } } }`;

/** The part of an error a client can see, minus the path (which names the field asked). */
const shape = (res: { errors?: { message: string; extensions?: unknown }[] }) =>
  res.errors?.map((e) => ({ message: e.message, extensions: e.extensions }));

/** A mutation payload's userErrors (a mistake inside a granted Smart Account). */
const userErrorsOf = (res: { data?: unknown }, mutation: string) =>
  (res.data as Record<string, { userErrors: { code: string; message: string }[] }> | null)?.[
    mutation
  ]?.userErrors;

describe('tokens, roles and Smart Account scope over GraphQL', () => {
  let handle: DbHandle;
  let services: Services;
  let url: string;
  let close: () => Promise<void>;
  let a: InsertedEstate;
  let b: InsertedEstate;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    handle = await createTestDb();
    a = await insertEstate(handle.db, reservationEstate(A));
    b = await insertEstate(handle.db, reservationEstate(B));
    const server = await startTestApi(handle, '2026-03-01');
    ({ services, graphqlUrl: url, close } = server);
    for (const [key, role, domains] of [
      ['viewerA', 'VIEWER', [A]],
      ['analystA', 'ANALYST', [A]],
      ['adminA', 'ADMIN', [A]],
      ['adminB', 'ADMIN', [B]],
    ] as const) {
      tokens[key] = (
        await services.access.create({ role, smartAccounts: domains, name: `${key}-scope-test` })
      ).token;
    }
  });
  afterAll(async () => {
    await close();
    await handle.close();
  });

  const as = (who: string) => ({ token: tokens[who] ?? null });

  it('lists only the granted Smart Accounts', async () => {
    const res = await graphql<{ smartAccounts: { domain: string }[] }>(
      url,
      '{ smartAccounts { domain } }',
      {},
      as('viewerA'),
    );
    expect(res.data!.smartAccounts).toEqual([{ domain: A }]);
  });

  it("answers null for another token's Smart Account exactly as for an unknown one", async () => {
    const query = (d: string) =>
      `{ smartAccount(domain: "${d}") { domain virtualAccounts { name } } }`;
    const other = await graphql(url, query(B), {}, as('viewerA'));
    const unknown = await graphql(url, query('nobody.example'), {}, as('viewerA'));
    expect(other).toEqual(unknown);
    expect(other.data).toEqual({ smartAccount: null });
    expect(other.errors).toBeUndefined();
    const own = await graphql<{ smartAccount: { domain: string } }>(
      url,
      query(A),
      {},
      as('viewerA'),
    );
    expect(own.data!.smartAccount.domain).toBe(A);
  });

  it('refuses a mutation to a viewer (FORBIDDEN) and writes nothing', async () => {
    const before = await tableCounts(handle);
    const res = await graphql(url, SNAPSHOT, { sa: A, label: 'v' }, as('viewerA'));
    expect(res.data).toBeNull();
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(res.errors![0]!.message).toMatch(
      /needs an ADMIN token or stronger; this token is VIEWER/,
    );
    const reserve = await graphql(
      url,
      RESERVE,
      {
        input: {
          smartAccountId: gid('SmartAccount', a.smartAccountId),
          actor: 'eve',
          productInstanceId: gid('ProductInstance', a.instanceIds[0]!),
          licenseId: gid('License', a.licenseIds[0]!),
          reservationType: 'SLR',
          quantity: 1,
        },
      },
      as('analystA'),
    );
    expect(reserve.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await tableCounts(handle)).toEqual(before);
  });

  it('lets an admin write in its own Smart Account', async () => {
    const res = await graphql(url, SNAPSHOT, { sa: A, label: 'admin-own' }, as('adminA'));
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ takeSnapshot: { snapshot: { label: 'admin-own' } } });
  });

  it("refuses writes into another token's Smart Account with the error an unknown one gets", async () => {
    const other = await graphql(url, SNAPSHOT, { sa: B, label: 'x' }, as('adminA'));
    const unknown = await graphql(
      url,
      SNAPSHOT,
      { sa: 'nobody.example', label: 'x' },
      as('adminA'),
    );
    expect(shape(other)).toEqual(shape(unknown));
    expect(shape(other)![0]!.extensions).toEqual({
      code: 'NOT_FOUND',
      reason: 'UNKNOWN_SMART_ACCOUNT',
    });
    // Importing: a scoped admin cannot reach B, nor create a Smart Account (no existence probe).
    const importOther = await graphql(url, IMPORT, { sa: B }, as('adminA'));
    const importNew = await graphql(url, IMPORT, { sa: 'brand-new.example' }, as('adminA'));
    expect(shape(importOther)).toEqual(shape(other));
    expect(shape(importNew)).toEqual(shape(other));
  });

  it("gives B's ids the same error as random ids, by Smart Account and by row id", async () => {
    const before = await tableCounts(handle);
    const reserve = (smartAccountId: number, instanceId: number, licenseId: number) =>
      graphql(
        url,
        RESERVE,
        {
          input: {
            smartAccountId: gid('SmartAccount', smartAccountId),
            actor: 'eve',
            productInstanceId: gid('ProductInstance', instanceId),
            licenseId: gid('License', licenseId),
            reservationType: 'SLR',
            quantity: 1,
          },
        },
        as('adminA'),
      );
    const inB = await reserve(b.smartAccountId, b.instanceIds[0]!, b.licenseIds[0]!);
    const nowhere = await reserve(987_654, 987_654, 987_654);
    expect(shape(inB)).toEqual(shape(nowhere));
    expect(shape(inB)![0]!.extensions).toMatchObject({ reason: 'UNKNOWN_SMART_ACCOUNT' });
    // Own Smart Account, but B's device: as if the device did not exist (a user error, in the
    // payload, identical to a random id's).
    const bDevice = await reserve(a.smartAccountId, b.instanceIds[0]!, a.licenseIds[0]!);
    const noDevice = await reserve(a.smartAccountId, 987_654, a.licenseIds[0]!);
    expect(bDevice.errors).toBeUndefined();
    const withoutIds = (r: typeof bDevice) =>
      userErrorsOf(r, 'reserveLicenses')?.map((e) => ({
        ...e,
        message: e.message.replace(/\d+/g, '<id>'),
      }));
    expect(withoutIds(bDevice)).toEqual(withoutIds(noDevice));
    expect(userErrorsOf(bDevice, 'reserveLicenses')).toEqual([
      expect.objectContaining({
        code: 'UNKNOWN_PRODUCT_INSTANCE',
        field: ['input', 'productInstanceId'],
      }),
    ]);
    expect(await tableCounts(handle)).toEqual(before);
  });

  const SCENARIO = `mutation($sa: String!, $name: String!) {
    createScenario(input: { smartAccount: $sa, name: $name,
      moves: [{ from: "East", to: "West", license: "L0 DNA Advantage", quantity: 1 }] }) {
        scenario { id version } } }`;
  const APPLY = `mutation($sa: String!, $id: ID!) {
    applyScenario(input: { smartAccount: $sa, id: $id, expectedVersion: 1 }) {
      scenario { id } userErrors { field code message } } }`;
  const SIMULATE = `query($sa: String!) { simulateReallocation(smartAccount: $sa,
    moves: [{ from: "East", to: "West", license: "L0 DNA Advantage", quantity: 1 }]) { __typename } }`;

  it('lets an analyst simulate and draft scenarios but not apply them; a viewer neither', async () => {
    const viewerSim = await graphql(url, SIMULATE, { sa: A }, as('viewerA'));
    expect(viewerSim.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const analystSim = await graphql(url, SIMULATE, { sa: A }, as('analystA'));
    expect(analystSim.errors).toBeUndefined();
    expect(
      (await graphql(url, SCENARIO, { sa: A, name: 'v' }, as('viewerA'))).errors![0]!.extensions!
        .code,
    ).toBe('FORBIDDEN');
    const drafted = await graphql<{ createScenario: { scenario: { id: string } } }>(
      url,
      SCENARIO,
      { sa: A, name: 'analyst draft' },
      as('analystA'),
    );
    expect(drafted.errors).toBeUndefined();
    const id = drafted.data!.createScenario.scenario.id;
    const applied = await graphql(url, APPLY, { sa: A, id }, as('analystA'));
    expect(applied.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    // Another token's scenario id, named under that token's own account: as if it did not exist.
    const otherAdmin = await graphql(url, APPLY, { sa: B, id }, as('adminB'));
    const nowhere = await graphql(
      url,
      APPLY,
      { sa: B, id: gid('Scenario', 987_654) },
      as('adminB'),
    );
    // Same user error (code, field, message); the message only echoes the id asked for.
    const withoutIds = (r: typeof nowhere) =>
      userErrorsOf(r, 'applyScenario')?.map((e) => ({
        ...e,
        message: e.message.replace(/\d+/g, '<id>'),
      }));
    expect(otherAdmin.errors).toBeUndefined();
    expect(withoutIds(otherAdmin)).toEqual(withoutIds(nowhere));
    expect(userErrorsOf(otherAdmin, 'applyScenario')).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_SCENARIO', field: ['input', 'id'] }),
    ]);
    // Simulating another token's account fails like an unknown one.
    expect(shape(await graphql(url, SIMULATE, { sa: B }, as('analystA')))).toEqual(
      shape(await graphql(url, SIMULATE, { sa: 'nobody.example' }, as('analystA'))),
    );
  });

  it("refuses price book edits in another token's Smart Account like in an unknown one", async () => {
    const SET = `mutation($sa: ID!) { setPrice(input: { smartAccountId: $sa, license: "L0 DNA Advantage",
      currency: USD, listPrice: "100" }) { priceBookEntry { currency } } }`;
    const other = await graphql(
      url,
      SET,
      { sa: gid('SmartAccount', b.smartAccountId) },
      as('adminA'),
    );
    const nowhere = await graphql(url, SET, { sa: gid('SmartAccount', 987_654) }, as('adminA'));
    expect(shape(other)).toEqual(shape(nowhere));
    expect(shape(other)![0]!.extensions).toMatchObject({ reason: 'UNKNOWN_SMART_ACCOUNT' });
    const viewer = await graphql(
      url,
      SET,
      { sa: gid('SmartAccount', a.smartAccountId) },
      as('viewerA'),
    );
    expect(viewer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('guards exports with the same token and scope', async () => {
    const base = url.replace(/\/graphql$/, '');
    const csv = (domain: string, token: string | null) =>
      fetch(`${base}/export/positions.csv?smartAccount=${domain}&asOf=2026-02-01`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    expect((await csv(A, null)).status).toBe(401);
    const own = await csv(A, tokens.viewerA!);
    expect(own.status).toBe(200);
    expect(await own.text()).toMatch(/^asOf,virtualAccountName,/);
    const other = await csv(B, tokens.viewerA!);
    const unknown = await csv('nobody.example', tokens.viewerA!);
    expect(other.status).toBe(404);
    expect(unknown.status).toBe(404);
    const codeOf = async (res: Response) =>
      ((await res.json()) as { error: { code: string } }).error.code;
    expect(await codeOf(other)).toEqual(await codeOf(unknown));
  });

  it('refuses a missing, unknown, revoked or expired token with 401 and one message', async () => {
    const query = '{ smartAccounts { domain } }';
    const missing = await graphqlResponse(url, query, {}, { token: null });
    expect(missing.status).toBe(401);
    const { token: revoked } = await services.access.create({
      role: 'VIEWER',
      smartAccounts: [A],
      name: 'to-revoke',
    });
    expect((await graphqlResponse(url, query, {}, { token: revoked })).status).toBe(200);
    await services.access.revoke('to-revoke');
    const { token: expired } = await services.access.create({
      role: 'VIEWER',
      smartAccounts: [A],
      name: 'to-expire',
    });
    await handle.db
      .update(apiTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(apiTokens.name, 'to-expire'));
    const bodies = [];
    for (const token of [revoked, expired, `${revoked.slice(0, -2)}xx`]) {
      const res = await graphqlResponse(url, query, {}, { token });
      expect(res.status).toBe(401);
      bodies.push(await res.json());
    }
    expect(bodies[0]).toEqual(bodies[1]);
    expect(bodies[0]).toEqual(bodies[2]);
    expect(bodies[0]).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('lets an install-wide admin create a Smart Account by import', async () => {
    const res = await graphql(url, IMPORT, { sa: 'created-by-import.example' });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ importData: { summary: { committed: true } } });
  });

  // An application/json client gets the refusal as a GraphQL error with HTTP 200 (see
  // api/src/http/json-status.test.ts for the 400 of application/graphql-response+json).
  it('refuses too deep or too large queries with a clear error', async () => {
    // Depth 13: smartAccount > virtualAccounts > entitlements > license > 8 × requiredBaseLicense > name.
    const chain = 'requiredBaseLicense { '.repeat(8) + 'name' + ' }'.repeat(8);
    const deep = await graphqlResponse(
      url,
      `{ smartAccount(domain: "${A}") { virtualAccounts { entitlements { license { ${chain} } } } } }`,
    );
    expect(deep.status).toBe(200);
    expect(await deep.json()).toMatchObject({
      errors: [
        { extensions: { code: 'QUERY_TOO_DEEP' }, message: expect.stringMatching(/too deep/) },
      ],
    });
    const wide = await graphqlResponse(
      url,
      `{ smartAccounts { ${Array.from({ length: 1001 }, (_, i) => `d${i}: domain`).join(' ')} } }`,
    );
    expect(wide.status).toBe(200);
    expect(await wide.json()).toMatchObject({
      errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX' } }],
    });
    const costly = await graphqlResponse(
      url,
      // Flat columns cost 0; a page of devices under each of 5,000 rows costs 5,000 × 102.
      `{ smartAccount(domain: "${A}") { positionRows(first: 5000) {
        nodes { virtualAccountName licenseName virtualAccount { productInstances(first: 100) { nodes { name } } } } } } }`,
    );
    expect(costly.status).toBe(200);
    expect(await costly.json()).toMatchObject({
      errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX', maxCost: 100_000 } }],
    });
  });

  it('reports the cost of an accepted query in extensions', async () => {
    const res = await graphql(url, '{ smartAccounts { domain name } }');
    // One list of objects (1), two scalars (0); no page: the actual cost is the requested one.
    expect(res.extensions).toEqual({
      cost: { requestedQueryCost: 1, actualQueryCost: 1, maximumAvailable: 100_000 },
    });
  });

  it('caps page sizes at 5000', async () => {
    const res = await graphql(
      url,
      `{ smartAccount(domain: "${A}") { positionRows(first: 5001) { totalCount } } }`,
    );
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
