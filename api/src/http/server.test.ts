import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildSchema, getIntrospectionQuery } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHttpServer } from './server.js';
import type { RunningHttpServer } from './server.js';

const schema = buildSchema(
  `type Query { hello(name: String): String!  boom: String  viewer: String!  me: Me!  page(first: Int): [Me!]! }
   type Me { name: String!  me: Me! }`,
);
const rootFields = schema.getQueryType()!.getFields();
rootFields.hello!.resolve = (_src, args: { name?: string }) => `hello ${args.name ?? 'world'}`;
rootFields.boom!.resolve = () => {
  throw new Error('database exploded at /srv/secret/path');
};
rootFields.viewer!.resolve = (_src, _args, ctx: { viewer: string }) => ctx.viewer;
const me = {
  name: 'me',
  get me() {
    return me;
  },
};
rootFields.me!.resolve = () => me;
rootFields.page!.resolve = () => [me];
const TOKEN = 'good-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const authenticate = async (token: string) => (token === TOKEN ? { tokenName: 'ada' } : undefined);

// A GraphQL comment that would end the <script> element if embedded unescaped.
const SAMPLE_QUERY = '{ hello } # </script><script>alert(1)</script>';
const ALLOWED_ORIGIN = 'https://localhost:3000';
const STACK_LINE = /\bat .+:\d+:\d+|stacktrace|SyntaxError|node_modules/i;

let healthy = true;
let server: RunningHttpServer;

beforeAll(async () => {
  const addinDir = mkdtempSync(join(tmpdir(), 'trueup-addin-'));
  writeFileSync(join(addinDir, 'taskpane.html'), '<p>task pane</p>');
  server = await startHttpServer({
    schema,
    authenticate,
    context: ({ access }) => ({ viewer: access.tokenName }),
    host: '127.0.0.1',
    port: 0,
    addinDir,
    allowedOrigins: [ALLOWED_ORIGIN],
    sampleQuery: SAMPLE_QUERY,
    health: async () => {
      if (!healthy) throw new Error('connection refused: postgres://user:pw@db');
    },
    queryLimits: { maxSelections: 300, maxDepth: 5, maxCost: 400 },
  });
});

afterAll(async () => {
  await server.close();
});

const postJson = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...AUTH, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

// 4xx for request errors is the application/graphql-response+json rule (json-status.test.ts).
const GQL_RESPONSE = { accept: 'application/graphql-response+json' };

const getPage = (path: string) =>
  fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } });

describe('startHttpServer', () => {
  it('reports ok on /healthz while the probe resolves', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('reports 503 without details on /healthz when the probe rejects', async () => {
    healthy = false;
    try {
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.text()).toBe('{"status":"unavailable"}');
    } finally {
      healthy = true;
    }
  });

  it('executes a POSTed query with the per-request context', async () => {
    const res = await postJson({ query: '{ hello(name: "Ada") viewer }' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toMatchObject({ data: { hello: 'hello Ada', viewer: 'ada' } });
  });

  it('refuses /graphql without a bearer token, or with a bad one, with 401 UNAUTHENTICATED', async () => {
    for (const authorization of [undefined, 'Bearer nope', 'Basic Z29vZC10b2tlbg==', 'Bearer']) {
      const res = await fetch(server.graphqlUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify({ query: '{ hello }' }),
      });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.json()).toMatchObject({
        errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
    // Anything under /export is behind the same check, routes or not.
    expect((await fetch(`${server.url}/export/position.csv`)).status).toBe(401);
  });

  it('reports the cost of a query in extensions', async () => {
    // Scalars cost 0, each object 1: two nested objects cost 2.
    const res = await postJson({ query: '{ hello viewer me { name me { name } } }' });
    expect(await res.json()).toMatchObject({
      extensions: { cost: { requestedQueryCost: 2, maximumAvailable: 400 } },
    });
  });

  it('refuses a query nested deeper than maxDepth with 400 QUERY_TOO_DEEP', async () => {
    const ok = await postJson({ query: '{ me { me { me { me { name } } } } }' });
    expect(ok.status).toBe(200);
    const res = await postJson(
      { query: '{ me { me { me { me { me { name } } } } } }' },
      GQL_RESPONSE,
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: [
        { message: expect.stringMatching(/too deep/), extensions: { code: 'QUERY_TOO_DEEP' } },
      ],
    });
  });

  it('refuses a query costing more than maxCost (pages weigh first × children) with 400', async () => {
    // 1 + first × (name 0 + me 1 + me.me 1): 201 for 100 rows, 601 for 300.
    const ok = await postJson({ query: '{ page(first: 100) { name me { name me { name } } } }' });
    expect(ok.status).toBe(200);
    const res = await postJson(
      { query: '{ page(first: 300) { name me { name me { name } } } }' },
      GQL_RESPONSE,
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX', cost: 601, maxCost: 400 } }],
    });
  });

  it('costs one document afresh for each set of variables (costs are remembered per variables)', async () => {
    const query = 'query P($n: Int) { page(first: $n) { name me { name } } }';
    const cost = async (n: number) => {
      const res = await postJson({ query, variables: { n } });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    // 1 + first × (name 0 + me { name } 1) = 1 + n.
    expect((await cost(10)).body).toMatchObject({
      extensions: { cost: { requestedQueryCost: 11 } },
    });
    expect((await cost(100)).body).toMatchObject({
      extensions: { cost: { requestedQueryCost: 101 } },
    });
    expect((await cost(10)).body).toMatchObject({
      extensions: { cost: { requestedQueryCost: 11 } },
    });
    const over = await cost(500);
    // A client accepting only application/json gets the refusal with 200 (GraphQL over HTTP).
    expect(over.status).toBe(200);
    expect(over.body).toMatchObject({ errors: [{ extensions: { cost: 501 } }] });
    // The refusal is remembered by its variables only: a smaller page still passes.
    expect((await cost(100)).status).toBe(200);
  });

  it('serves the explorer at / with the sample query safely embedded', async () => {
    const res = await getPage('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)');
    const config = /<script type="application\/json" id="explorer-config">(.*?)<\/script>/s.exec(
      html,
    );
    expect(JSON.parse(config![1]!)).toEqual({
      endpoint: '/graphql',
      defaultQuery: SAMPLE_QUERY,
      // The token is asked for on the page and added by the fetcher, not typed into headers.
      defaultHeaders: '',
    });
  });

  it('references only same-origin assets, all served with the right content type', async () => {
    const html = await (await getPage('/')).text();
    const urls = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(urls.length).toBe(5); // css, react, react-dom, graphiql, bootstrap
    expect(html).not.toMatch(/https?:\/\//);
    for (const url of urls) {
      expect(url).toMatch(/^\/explorer\/assets\//);
      const asset = await fetch(`${server.url}${url}`);
      expect(asset.status, url).toBe(200);
      const type = url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/;
      expect(asset.headers.get('content-type'), url).toMatch(type);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      const body = await asset.text();
      // No CDN hosts and no markup pulling scripts or styles from another origin.
      expect(body, url).not.toMatch(/unpkg\.com|jsdelivr\.net|cdnjs|esm\.sh|cdn\.apollographql/);
      expect(body, url).not.toMatch(/<(?:script|link)\b[^>]*\b(?:src|href)=["']?(?:https?:)?\/\//i);
    }
  });

  it('serves the explorer at /graphql to browsers but not to GraphQL GETs', async () => {
    expect((await getPage('/graphql')).headers.get('content-type')).toMatch(/^text\/html/);
    const res = await fetch(`${server.graphqlUrl}?query=${encodeURIComponent('{ hello }')}`, {
      headers: { accept: 'text/html,*/*;q=0.8', 'apollo-require-preflight': 'true', ...AUTH },
    });
    expect(await res.json()).toMatchObject({ data: { hello: 'hello world' } });
  });

  it('rejects a GET without a preflight-forcing header (CSRF prevention)', async () => {
    const url = `${server.graphqlUrl}?query=${encodeURIComponent('{ hello }')}`;
    expect((await fetch(url, { headers: AUTH })).status).toBe(400);
    expect(
      (await fetch(url, { headers: { 'apollo-require-preflight': 'true', ...AUTH } })).status,
    ).toBe(200);
  });

  it('answers malformed JSON with a 400 JSON error and no stack trace', async () => {
    const res = await postJson('{"query": "{ hello }"');
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(JSON.parse(body)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(body).not.toMatch(STACK_LINE);
  });

  it('answers a body over 5 MB with 413 and no stack trace', async () => {
    const res = await postJson({ query: '{ hello }', padding: 'x'.repeat(6 * 1024 * 1024) });
    expect(res.status).toBe(413);
    const body = await res.text();
    expect(JSON.parse(body)).toMatchObject({
      errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    expect(body).not.toMatch(STACK_LINE);
  });

  it('allows CORS preflight from an allowed origin only', async () => {
    const preflight = (origin: string) =>
      fetch(server.graphqlUrl, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never sends a stack trace for an unexpected resolver error', async () => {
    const res = await postJson({ query: '{ boom }' });
    const body = await res.text();
    expect(JSON.parse(body)).toMatchObject({ data: { boom: null }, errors: [{ path: ['boom'] }] });
    expect(body).not.toMatch(STACK_LINE);
  });

  it('rejects operations above maxComplexity but lets introspection through', async () => {
    const wide = `{ ${Array.from({ length: 301 }, (_, i) => `f${i}: hello`).join(' ')} }`;
    const res = await postJson({ query: wide }, GQL_RESPONSE);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX' } }],
    });
    const introspection = await postJson({
      query: getIntrospectionQuery({ inputValueDeprecation: true }),
    });
    expect(introspection.status).toBe(200);
  });

  it('serves the add-in folder at /addin', async () => {
    const res = await fetch(`${server.url}/addin/taskpane.html`);
    expect(await res.text()).toBe('<p>task pane</p>');
  });
});

describe('RunningHttpServer.close', () => {
  it('frees the port', async () => {
    const temp = await startHttpServer({
      schema,
      authenticate,
      context: () => ({}),
      host: '127.0.0.1',
      port: 0,
      sampleQuery: '{ hello }',
      health: async () => undefined,
    });
    await fetch(`${temp.url}/healthz`); // leaves a keep-alive connection open
    await Promise.all([temp.close(), temp.close()]);
    const port = Number(new URL(temp.url).port);
    const probe = net.createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', resolve);
    });
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });
});

describe('request logs', () => {
  it('log request id, token name, operation, cost and duration, never the token', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    const temp = await startHttpServer({
      schema,
      authenticate,
      context: ({ access }) => ({ viewer: access.tokenName }),
      host: '127.0.0.1',
      port: 0,
      sampleQuery: '{ hello }',
      health: async () => undefined,
      logger,
    });
    try {
      const res = await fetch(temp.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...AUTH },
        body: JSON.stringify({ query: 'query Greeting { hello viewer }' }),
      });
      expect(res.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const line = lines.find((l) => l.msg === 'request');
      expect(line).toMatchObject({
        requestId: res.headers.get('x-request-id'),
        method: 'POST',
        path: '/graphql',
        status: 200,
        tokenName: 'ada',
        operationName: 'Greeting',
        cost: 0, // two scalars
        durationMs: expect.any(Number),
      });
      expect(JSON.stringify(lines)).not.toContain(TOKEN);
    } finally {
      await temp.close();
    }
  });
});
