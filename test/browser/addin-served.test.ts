import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { createTestDb } from '../support/test-db.js';
import { startTestApi } from '../support/test-server.js';

describe('the add-in served by the API', () => {
  let handle: DbHandle;
  let api: Awaited<ReturnType<typeof startTestApi>>;

  beforeAll(async () => {
    handle = await createTestDb();
    api = await startTestApi(handle, '2026-05-01');
  });
  afterAll(async () => {
    await api?.close();
    await handle?.close();
  });

  it('serves a manifest whose every URL is a page this server serves', async () => {
    const res = await fetch(`${api.url}/addin/manifest.xml`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    const urls = [...new Set([...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]))];
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url?.startsWith(api.url), url).toBe(true);
      // A browser asks for HTML (the explorer at / answers browsers).
      const page = await fetch(url ?? '', { headers: { accept: 'text/html,*/*' } });
      expect(page.status, url).toBe(200);
    }
    expect(urls).toEqual(
      expect.arrayContaining([
        `${api.url}/addin/taskpane.html`,
        `${api.url}/addin/functions.js`,
        `${api.url}/addin/functions.json`,
      ]),
    );
  });
});
