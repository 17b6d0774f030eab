import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import type { Request, RequestHandler } from 'express';

/** Where the explorer's static files are served from (same origin as the page). */
export const EXPLORER_ASSET_PREFIX = '/explorer/assets';

/** Options for {@link createExplorerMiddleware}. */
export interface ExplorerOptions {
  /** Same-origin path of the GraphQL endpoint, e.g. `/graphql`. */
  endpoint: string;
  /** Query preloaded in the editor (GraphiQL `defaultQuery`). */
  sampleQuery: string;
}

interface Asset {
  readonly urlPath: string;
  readonly contentType: string;
  readonly body: Buffer;
}

const require = createRequire(import.meta.url);

/** Resolves `<pkg>/<file>` via the package's package.json, which works even when `exports` hides `umd/`. */
function packageFile(pkg: string, file: string): { path: string; version: string } {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  return { path: join(dirname(manifestPath), file), version: manifest.version };
}

function fileAsset(pkg: string, file: string, ext: 'js' | 'css'): Asset {
  const { path, version } = packageFile(pkg, file);
  return {
    // The version in the name makes the long `immutable` cache safe across upgrades.
    urlPath: `${EXPLORER_ASSET_PREFIX}/${pkg}-${version}.min.${ext}`,
    contentType: ext === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
    // Read once at startup (~4 MB): a broken install fails here, not in the browser.
    body: readFileSync(path),
  };
}

/** Where a token comes from, shown on the explorer's first screen and in the `/` text answer. */
export const TOKEN_HINT =
  './trueup token create --role viewer --smart-account <domain> | tail -n 1';

/**
 * The explorer asks for a token first and keeps it in this browser (localStorage): until there is
 * one, GraphiQL is not mounted, so no request fails. The fetcher adds `Authorization` to every
 * request, introspection included; changing the token remounts GraphiQL, which fetches the schema
 * again with it. Headers typed in the Headers tab still apply on top.
 */
const BOOTSTRAP_JS = `(function () {
  var KEY = 'trueup.explorer.token';
  var config = JSON.parse(document.getElementById('explorer-config').textContent);
  var form = document.getElementById('token-form');
  var input = document.getElementById('token-input');
  var status = document.getElementById('token-status');
  var change = document.getElementById('token-change');
  var mount = document.getElementById('graphiql');
  var root = null;
  function read() { try { return localStorage.getItem(KEY) || ''; } catch (e) { return ''; } }
  function write(v) { try { v ? localStorage.setItem(KEY, v) : localStorage.removeItem(KEY); } catch (e) {} }
  function fetcherFor(token) {
    var base = GraphiQL.createFetcher({ url: config.endpoint });
    return function (params, options) {
      var headers = Object.assign({ Authorization: 'Bearer ' + token }, (options && options.headers) || {});
      return base(params, Object.assign({}, options, { headers: headers }));
    };
  }
  function show(token) {
    if (root) { root.unmount(); root = null; }
    if (!token) {
      form.hidden = false; change.hidden = true; mount.hidden = true;
      status.textContent = '';
      input.focus();
      return;
    }
    form.hidden = true; change.hidden = false; mount.hidden = false;
    status.textContent = 'Token ' + token.slice(0, 12) + '… (kept in this browser)';
    root = ReactDOM.createRoot(mount);
    root.render(React.createElement(GraphiQL, {
      key: token,
      fetcher: fetcherFor(token),
      defaultQuery: config.defaultQuery,
      defaultHeaders: config.defaultHeaders,
    }));
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var token = input.value.trim().replace(/^Bearer\\s+/i, '');
    if (!token) return;
    write(token);
    input.value = '';
    show(token);
  });
  change.addEventListener('click', function () { write(''); show(''); });
  show(read());
})();
`;

function textAsset(name: string, text: string): Asset {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  return {
    urlPath: `${EXPLORER_ASSET_PREFIX}/${name}-${hash}.js`,
    contentType: 'text/javascript; charset=utf-8',
    body: Buffer.from(text, 'utf8'),
  };
}

/** JSON that is safe inside a `<script>` element: no `<` means no `</script>` or `<!--`. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Same-origin only; inline styles are needed by GraphiQL's components and the inlined fonts. */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function renderPage(options: ExplorerOptions, css: Asset, scripts: readonly Asset[]): string {
  const config = jsonForScript({
    endpoint: options.endpoint,
    defaultQuery: options.sampleQuery,
    defaultHeaders: '',
  });
  const scriptTags = scripts.map((s) => `    <script src="${s.urlPath}"></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Trueup GraphQL explorer</title>
    <link rel="stylesheet" href="${css.urlPath}" />
    <style>
      html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
      body { display: flex; flex-direction: column; }
      #token-bar { padding: 8px 12px; border-bottom: 1px solid #ddd; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
      #token-form { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
      #token-form[hidden], #token-change[hidden], #graphiql[hidden] { display: none; }
      #token-input { width: 28em; font-family: monospace; }
      #graphiql { flex: 1; min-height: 0; }
      code { background: #f3f3f3; padding: 1px 4px; }
    </style>
  </head>
  <body>
    <div id="token-bar">
      <form id="token-form">
        <label for="token-input">Every query needs an API token. Paste it here:</label>
        <input id="token-input" name="token" autocomplete="off" placeholder="trueup_…" />
        <button type="submit">Use token</button>
        <span>No token? In the server's folder run <code>${TOKEN_HINT.replace('<', '&lt;').replace('>', '&gt;')}</code>
        (it works while the server runs; the first start printed an admin token).</span>
      </form>
      <span id="token-status"></span>
      <button id="token-change" type="button" hidden>Change token</button>
    </div>
    <div id="graphiql" hidden></div>
    <script type="application/json" id="explorer-config">${config}</script>
${scriptTags}
  </body>
</html>
`;
}

/** What `curl http://host:port/` answers: where everything is, and how to get a token. */
function rootText(req: Request, endpoint: string): string {
  const base = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  return (
    `Trueup API\n` +
    `  GraphQL:   POST ${base}${endpoint} (Authorization: Bearer <token>)\n` +
    `  Explorer:  ${base}/ (open it in a browser)\n` +
    `  Health:    ${base}/healthz\n` +
    `  Downloads: ${base}/export/workbook.xlsx, /export/positions.csv, /export/catalog.csv ?smartAccount=<domain>\n` +
    `  Add-in:    ${base}/addin/manifest.xml\n` +
    `A token: ${TOKEN_HINT}\n`
  );
}

/** True for a browser navigation (HTML preferred over JSON) that is not itself a GraphQL GET. */
function wantsExplorer(req: Request): boolean {
  const params = new URL(req.originalUrl, 'http://placeholder').searchParams;
  if (params.has('query') || params.has('extensions')) return false;
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}

/**
 * An offline GraphQL explorer: GraphiQL 3 + React 18 UMD bundles served from the installed
 * packages (no CDN), with the sample query preloaded. Serves the page at `GET /` and at
 * `GET <endpoint>` when the request prefers HTML; every other request falls through.
 * A plain middleware, not a Router: a Router would answer `OPTIONS <endpoint>` itself and
 * pre-empt the CORS preflight handler.
 * Throws at creation if a bundle cannot be read, so a broken install fails at startup.
 */
export function createExplorerMiddleware(options: ExplorerOptions): RequestHandler {
  const css = fileAsset('graphiql', 'graphiql.min.css', 'css');
  const scripts = [
    fileAsset('react', 'umd/react.production.min.js', 'js'),
    fileAsset('react-dom', 'umd/react-dom.production.min.js', 'js'),
    fileAsset('graphiql', 'graphiql.min.js', 'js'),
    textAsset('explorer', BOOTSTRAP_JS),
  ];
  const assets = new Map([css, ...scripts].map((asset) => [asset.urlPath, asset]));
  const page = renderPage(options, css, scripts);

  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    const asset = assets.get(req.path);
    if (asset) {
      res.set({
        'Content-Type': asset.contentType,
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      });
      res.send(asset.body);
      return;
    }
    if (req.path !== '/' && req.path !== options.endpoint) {
      next();
      return;
    }
    res.vary('Accept');
    if (!wantsExplorer(req)) {
      if (req.path === '/') {
        res.type('text/plain').send(rootText(req, options.endpoint));
        return;
      }
      next();
      return;
    }
    res.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
    });
    res.send(page);
  };
}
