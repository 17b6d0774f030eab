import { describe, expect, it } from 'vitest';

import { ConfigError, parseConfig } from './config.js';

describe('parseConfig', () => {
  it('gives the documented defaults', () => {
    expect(parseConfig({})).toMatchObject({
      dataDir: './.trueup',
      host: '127.0.0.1',
      port: 4000,
      databaseUrl: undefined,
      snapshotCron: undefined,
    });
  });

  it('takes a quarterly snapshot schedule', () => {
    expect(parseConfig({ TRUEUP_SNAPSHOT_CRON: '0 6 1 1,4,7,10 *' }).snapshotCron).toBe(
      '0 6 1 1,4,7,10 *',
    );
  });

  it('reports every invalid variable at once', () => {
    let error: unknown;
    try {
      parseConfig({
        PORT: 'eighty',
        TRUEUP_SNAPSHOT_CRON: 'every quarter',
        DATABASE_URL: 'mysql://x',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/TRUEUP_SNAPSHOT_CRON must be a cron expression/);
    expect(problems).toMatch(/DATABASE_URL must start with postgres/);
  });

  it('takes a TLS certificate and key together, never one alone', () => {
    const both = parseConfig({ TRUEUP_TLS_CERT: 'c.pem', TRUEUP_TLS_KEY: 'k.pem' });
    expect([both.tlsCert, both.tlsKey]).toEqual(['c.pem', 'k.pem']);
    expect(() => parseConfig({ TRUEUP_TLS_CERT: 'c.pem' })).toThrow(/set together/);
  });
});
