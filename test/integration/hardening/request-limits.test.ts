import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createServices, fixedClock, startApi } from '../../../api/src/index.js';
import { DEMO_ACCOUNTS } from '../../../db/src/index.js';
import { startDemoApi, type DemoApi } from '../../support/demo-api.js';
import { graphql, graphqlResponse, setDefaultToken } from '../../support/graphql-client.js';

// Issue 19 item 1: aliases of expensive fields cost their real weight and are capped; every
// request has a time budget that stops its database work.
const TODAY = '2026-03-01';
const DOMAIN = DEMO_ACCOUNTS.small.domain;

const aliases = (count: number, field: string) =>
  Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join('\n');

describe('expensive fields and the request budget', () => {
  let api: DemoApi;

  beforeAll(async () => {
    api = await startDemoApi(TODAY);
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses 200 aliases of drift before running any (was accepted, cost 401)', async () => {
    const res = await graphqlResponse(
      api.graphqlUrl,
      `{ smartAccount(domain: "${DOMAIN}") { ${aliases(200, `drift(from: "2026-01-01", to: "${TODAY}") { fromAsOf }`)} } }`,
    );
    // Refused in the body; 200 because the client accepts only application/json (Power Query).
    expect(res.status).toBe(200);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses four aliases of one expensive field, naming it', async () => {
    const res = await graphql(
      api.graphqlUrl,
      `{ smartAccount(domain: "${DOMAIN}") { ${aliases(4, 'findings { nodes { code } }')} } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0]?.message).toMatch(/SmartAccount\.findings 4 times; at most 3/);
  });

  it('refuses ten aliases of simulateReallocation, also through a fragment', async () => {
    const move = `simulateReallocation(smartAccount: "${DOMAIN}", moves: []) { ...S }`;
    // Each alias asks for the same (empty) simulation: refused on the count, not the moves.
    const res = await graphql(
      api.graphqlUrl,
      `{ ${aliases(10, move)} } fragment S on ReallocationSimulation { __typename }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('costs an expensive field its weight on top of its page', async () => {
    const res = await graphql(
      api.graphqlUrl,
      `{ smartAccount(domain: "${DOMAIN}") { findings { nodes { code } } } }`,
    );
    expect(res.errors).toBeUndefined();
    // smartAccount 1 + findings 1,000 + a default page of 100 × (nodes 1 + code 0: a scalar);
    // the actual cost takes the rows the page returned instead of 100.
    const returned = (res.data as { smartAccount: { findings: { nodes: unknown[] } } }).smartAccount
      .findings.nodes.length;
    expect(res.extensions?.cost).toEqual({
      requestedQueryCost: 1_101,
      actualQueryCost: 1_001 + returned,
      maximumAvailable: 100_000,
    });
  });

  it('stops a request whose budget is spent: its next query is not sent', async () => {
    // A 1 ms budget: three whole-account computations cannot all start within it.
    const services = createServices(api.handle, fixedClock(TODAY));
    const { token } = await services.access.create({
      role: 'VIEWER',
      smartAccounts: [],
      allSmartAccounts: true,
      name: `budget-${process.pid}`,
    });
    const server = await startApi(services, {
      host: '127.0.0.1',
      port: 0,
      allowedOrigins: [],
      requestBudgetMs: 1,
    });
    setDefaultToken(server.graphqlUrl, token);
    try {
      const res = await graphql<{ smartAccount: unknown }>(
        server.graphqlUrl,
        `{ smartAccount(domain: "${DOMAIN}") {
            a: findings { nodes { code } } b: exposure { gross { amount } } c: renewalModel { asOf } } }`,
      );
      const codes = (res.errors ?? []).map((e) => e.extensions?.code);
      expect(codes).toContain('REQUEST_BUDGET_EXCEEDED');
      expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
      expect(
        res.errors!.find((e) => e.extensions?.code === 'REQUEST_BUDGET_EXCEEDED')!.message,
      ).toMatch(/time budget/);
    } finally {
      await server.close();
      await services.access.revoke(`budget-${process.pid}`);
    }
  });
});
