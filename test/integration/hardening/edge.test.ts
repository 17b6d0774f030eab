import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS } from '../../../db/src/index.js';
import { startDemoApi, type DemoApi } from '../../support/demo-api.js';
import { graphqlResponse } from '../../support/graphql-client.js';
import { ledgerChecksum } from '../../support/ledger-checksum.js';

// Issue 19 items 3 (security headers) and 4 (oversized inputs are BAD_USER_INPUT, nothing
// written).
const TODAY = '2026-03-01';
const DOMAIN = DEMO_ACCOUNTS.small.domain;

describe('the edge: headers and input bounds', () => {
  let api: DemoApi;

  beforeAll(async () => {
    api = await startDemoApi(TODAY);
  });
  afterAll(async () => {
    await api.close();
  });

  it('sends nosniff and a no-content CSP on /graphql', async () => {
    const res = await graphqlResponse(api.graphqlUrl, '{ __typename }');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // Plain HTTP: no HSTS (a browser would ignore it, and it would pin a wrong scheme).
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends nosniff and no-store on exports', async () => {
    const res = await fetch(`${api.url}/export/positions.csv?smartAccount=${DOMAIN}`, {
      headers: { authorization: `Bearer ${api.adminToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('gives the task pane a CSP that allows office.js and nothing else remote for scripts', async () => {
    const res = await fetch(`${api.url}/addin/taskpane.html`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(csp).toContain("object-src 'none'");
    // Office on the web frames the task pane.
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  async function refused(query: string, variables: Record<string, unknown>, pattern: RegExp) {
    const before = await ledgerChecksum(api.handle);
    const res = await graphqlResponse(api.graphqlUrl, query, variables);
    const body = (await res.json()) as {
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    expect(body.errors?.[0]?.extensions?.code, JSON.stringify(body).slice(0, 300)).toBe(
      'BAD_USER_INPUT',
    );
    expect(body.errors?.[0]?.message).toMatch(pattern);
    expect(await ledgerChecksum(api.handle)).toEqual(before);
  }

  it('refuses a 3,000-character snapshot label', async () => {
    await refused(
      'mutation($l: String!) { takeSnapshot(input: { smartAccount: "' +
        DOMAIN +
        '", label: $l }) { snapshot { label } } }',
      { l: 'x'.repeat(3_000) },
      /takeSnapshot\(input\)\.label is 3,000 characters long; at most 500/,
    );
  });

  it('refuses a 1 MB scenario name', async () => {
    await refused(
      'mutation($input: CreateScenarioInput!) { createScenario(input: $input) { scenario { id } } }',
      { input: { smartAccount: DOMAIN, name: 'n'.repeat(1_000_000), actor: 'me' } },
      /createScenario\(input\)\.name is 1,000,000 characters long/,
    );
  });

  it('refuses 50,000 moves', async () => {
    const move = { from: 'a', to: 'b', license: 'l', quantity: 1 };
    await refused(
      'query($m: [ReallocationMoveInput!]!) { simulateReallocation(smartAccount: "' +
        DOMAIN +
        '", moves: $m) { asOf } }',
      { m: Array.from({ length: 50_000 }, () => move) },
      /simulateReallocation\(moves\) has 50,000 items; at most 10,000/,
    );
  });

  it('refuses a license name too large for its index in an imported file', async () => {
    // Random text does not compress: 6,000 characters make an index row over PostgreSQL's limit.
    const name = randomBytes(4_500).toString('base64url');
    await refused(
      'mutation($c: String!) { importData(input: { smartAccount: "' +
        DOMAIN +
        '", fileName: "catalog.csv", content: $c, format: LICENSE_CATALOG_CSV }) { summary { committed } } }',
      {
        c: `License,Entitlement Tag,Product Family,Unit,Kind,Required Base\r\n${name},regid.x,Catalyst 9300,DEVICE,BASE,\r\n`,
      },
      /too large|at most|characters/,
    );
  });
});
