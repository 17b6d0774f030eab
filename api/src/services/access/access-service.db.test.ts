import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DbHandle } from '@trueup/db';

import { insertEstate } from '../../../../test/support/estate.js';
import { reservationEstate } from '../../../../test/support/reservation-estate.js';
import { createTestDb } from '../../../../test/support/test-db.js';
import { fixedClock } from '../clock.js';

import { accessService, TOKEN_CACHE_MS } from './access-service.js';
import { hashToken } from './token-secret.js';

describe('access service', () => {
  let handle: DbHandle;
  let access: ReturnType<typeof accessService>;
  let alpha: number;

  beforeAll(async () => {
    handle = await createTestDb();
    access = accessService(handle, fixedClock('2026-03-01'));
  });
  afterAll(async () => {
    await handle.close();
  });

  it('bootstraps nothing while there is no Smart Account', async () => {
    expect(await access.bootstrapIfEmpty()).toBeUndefined();
  });

  it('bootstraps one admin token for every Smart Account, once', async () => {
    alpha = (await insertEstate(handle.db, reservationEstate('a.example'))).smartAccountId;
    await insertEstate(handle.db, reservationEstate('b.example'));
    const created = await access.bootstrapIfEmpty();
    expect(created?.listing).toMatchObject({
      name: 'demo-admin',
      role: 'ADMIN',
      allSmartAccounts: false,
      smartAccounts: ['a.example', 'b.example'],
    });
    expect(created?.token).toMatch(/^trueup_[\w-]{43}$/);
    expect(await access.bootstrapIfEmpty()).toBeUndefined();
  });

  it('stores only the SHA-256 of a token, never the token', async () => {
    const { token } = await access.create({
      role: 'VIEWER',
      smartAccounts: ['a.example'],
      name: 'v1',
    });
    const rows = await handle.rows<{ token_hash: string }>(
      sql`select token_hash from api_tokens where name = 'v1'`,
    );
    expect(rows).toEqual([{ token_hash: hashToken(token) }]);
    const everything = JSON.stringify(await handle.rows(sql`select * from api_tokens`));
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.slice(7));
  });

  it('authenticates a token to its name, role and grants', async () => {
    const { token } = await access.create({
      role: 'ANALYST',
      smartAccounts: ['a.example'],
      name: 'analyst-a',
    });
    const who = await access.authenticate(token);
    expect(who).toMatchObject({ tokenName: 'analyst-a', role: 'ANALYST', allSmartAccounts: false });
    expect([...(who?.smartAccountIds ?? [])]).toEqual([alpha]);
    expect(await access.authenticate(`${token}x`)).toBeUndefined();
  });

  it('refuses unknown domains, an empty scope, bad names, taken names and past expiry', async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      );
    expect(await code(access.create({ role: 'VIEWER', smartAccounts: ['zzz.example'] }))).toBe(
      'UNKNOWN_SMART_ACCOUNT',
    );
    expect(await code(access.create({ role: 'VIEWER', smartAccounts: [] }))).toBe('MISSING_SCOPE');
    expect(
      await code(access.create({ role: 'VIEWER', smartAccounts: ['a.example'], name: ' x' })),
    ).toBe('INVALID_TOKEN_NAME');
    expect(
      await code(access.create({ role: 'VIEWER', smartAccounts: ['a.example'], name: 'v1' })),
    ).toBe('TOKEN_NAME_TAKEN');
    expect(
      await code(
        access.create({ role: 'VIEWER', smartAccounts: ['a.example'], expires: '2026-03-01' }),
      ),
    ).toBe('INVALID_EXPIRY');
  });

  it('revokes by name, after which the token no longer authenticates', async () => {
    const { token } = await access.create({
      role: 'ADMIN',
      smartAccounts: ['a.example'],
      name: 'gone',
    });
    expect(await access.authenticate(token)).toMatchObject({
      tokenName: 'gone',
      role: 'ADMIN',
      allSmartAccounts: false,
    });
    expect((await access.revoke('gone')).revokedAt).toBeInstanceOf(Date);
    expect(await access.authenticate(token)).toBeUndefined();
    await expect(access.revoke('gone')).rejects.toMatchObject({ code: 'UNKNOWN_TOKEN' });
    const listed = (await access.list()).find((t) => t.name === 'gone');
    expect(listed?.revokedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(await access.list())).not.toContain(token);
  });

  it('expires a token at 00:00 UTC on its expiry date', async () => {
    const { token, listing } = await access.create({
      role: 'VIEWER',
      smartAccounts: ['a.example'],
      name: 'short',
      expires: '2026-03-02',
    });
    expect(listing.expiresAt?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    // The database clock decides; this date is long past in any real run... unless it is not.
    const live = new Date() < new Date('2026-03-02T00:00:00Z');
    expect((await access.authenticate(token)) !== undefined).toBe(live);
  });

  describe('the token cache', () => {
    // A clock that only moves when the test says so: nothing here depends on timing.
    let ms = 0;
    const now = () => ms;

    it('a revocation through the service stops a cached token on its next request', async () => {
      const cached = accessService(handle, fixedClock('2026-03-01'), { now });
      const { token } = await cached.create({
        role: 'VIEWER',
        smartAccounts: ['a.example'],
        name: 'cached-1',
      });
      expect((await cached.authenticate(token))?.tokenName).toBe('cached-1');
      expect((await cached.authenticate(token))?.tokenName).toBe('cached-1');
      await cached.revoke('cached-1');
      expect(await cached.authenticate(token)).toBeUndefined();
    });

    it('a revocation by another process holds for at most TOKEN_CACHE_MS', async () => {
      const cached = accessService(handle, fixedClock('2026-03-01'), { now });
      const { token } = await cached.create({
        role: 'VIEWER',
        smartAccounts: ['a.example'],
        name: 'cached-2',
      });
      ms = 1_000;
      expect((await cached.authenticate(token))?.tokenName).toBe('cached-2');
      // Another process (the CLI) revokes: this one has not heard of it.
      await handle.rows(sql`update api_tokens set revoked_at = now() where name = 'cached-2'`);
      ms = 1_000 + TOKEN_CACHE_MS - 1;
      expect((await cached.authenticate(token))?.tokenName).toBe('cached-2');
      ms = 1_000 + TOKEN_CACHE_MS;
      expect(await cached.authenticate(token)).toBeUndefined();
      // and a fresh lookup of a revoked token is not cached either.
      ms = 1_000 + TOKEN_CACHE_MS + 1;
      expect(await cached.authenticate(token)).toBeUndefined();
    });

    it('never caches an unknown token: one created by another process works at once', async () => {
      const cached = accessService(handle, fixedClock('2026-03-01'), { now });
      const other = accessService(handle, fixedClock('2026-03-01'), { tokenCacheMs: 0 });
      const secret = 'trueup_not-yet-a-token';
      expect(await cached.authenticate(secret)).toBeUndefined();
      await handle.rows(
        sql`insert into api_tokens (name, token_hash, role, all_smart_accounts)
            values ('late', ${hashToken(secret)}, 'VIEWER', true)`,
      );
      expect((await cached.authenticate(secret))?.tokenName).toBe('late');
      expect((await other.authenticate(secret))?.tokenName).toBe('late');
    });
  });
});
