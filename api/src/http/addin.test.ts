import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MANIFEST_DEV_ORIGIN } from './addin.js';
import { startHttpServer, type RunningHttpServer } from './server.js';

const schema = buildSchema('type Query { ok: Boolean }');
const dir = mkdtempSync(join(tmpdir(), 'trueup-addin-tls-'));
writeFileSync(
  join(dir, 'manifest.xml'),
  `<OfficeApp><SourceLocation DefaultValue="${MANIFEST_DEV_ORIGIN}/addin/taskpane.html"/></OfficeApp>`,
);
writeFileSync(join(dir, 'taskpane.html'), '<p>pane</p>');
// A throwaway self-signed certificate for 127.0.0.1 (openssl ships with Debian).
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ],
  { stdio: 'ignore' },
);
const cert = readFileSync(join(dir, 'cert.pem'));

/** GET over HTTPS trusting only the throwaway certificate. */
function httpsGet(url: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        ca: cert,
        // A forged Host header must not change which certificate name is checked.
        ...(host
          ? { headers: { host }, servername: '', checkServerIdentity: () => undefined }
          : {}),
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the add-in route over HTTPS', () => {
  let server: RunningHttpServer;
  beforeAll(async () => {
    server = await startHttpServer({
      schema,
      context: () => ({}),
      host: '127.0.0.1',
      port: 0,
      addinDir: dir,
      tls: { cert, key: readFileSync(join(dir, 'key.pem')) },
      sampleQuery: '{ ok }',
      health: async () => undefined,
      // The add-in's files are public; only /graphql and /export ask for a token.
      authenticate: async () => undefined,
    });
  });
  afterAll(() => server.close());

  it('listens on https when a certificate is configured', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await httpsGet(`${server.url}/addin/taskpane.html`);
    expect(res).toEqual({ status: 200, body: '<p>pane</p>' });
  });

  it('rewrites the manifest to the origin the request came to', async () => {
    const res = await httpsGet(`${server.url}/addin/manifest.xml`);
    expect(res.status).toBe(200);
    expect(res.body).toContain(`"${server.url}/addin/taskpane.html"`);
    expect(res.body).not.toContain(MANIFEST_DEV_ORIGIN);
  });

  it('keeps a hostile Host header out of the manifest', async () => {
    const res = await httpsGet(`${server.url}/addin/manifest.xml`, 'x"/><evil a="');
    expect(res.body).not.toContain('evil');
    expect(res.body).toContain(`"${MANIFEST_DEV_ORIGIN}/addin/taskpane.html"`);
  });
});
