import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { createTestDb } from '../support/test-db.js';
import { startTestApi, type TestApi } from '../support/test-server.js';

// The GraphQL-over-HTTP audit of the `graphql-http` package (the spec's reference test set),
// against the real server with a bearer token: every MUST and SHOULD must pass. MAY audits are
// optional behaviours (e.g. GET for queries with no Accept header) and are reported, not required.
let handle: DbHandle;
let api: TestApi;

beforeAll(async () => {
  handle = await createTestDb();
  api = await startTestApi(handle, '2026-06-01');
});

afterAll(async () => {
  await api?.close();
  await handle?.close();
});

const audits = serverAudits({
  url: () => api.graphqlUrl,
  fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${api.adminToken}`);
    return fetch(input, { ...init, headers });
  },
});

describe('graphql-http audit (serverAudits)', () => {
  it('runs at least the MUST and SHOULD audits of the spec', () => {
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThan(10);
    expect(audits.filter((a) => a.name.startsWith('SHOULD')).length).toBeGreaterThan(5);
  });
  for (const audit of audits.filter((a) => !a.name.startsWith('MAY'))) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    });
  }
});
