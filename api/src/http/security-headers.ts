import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** Where the task pane loads office.js (and office.js its own scripts and styles) from. */
export const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/** One year, the usual HSTS lifetime; sent only when this process itself serves TLS. */
const HSTS = { maxAge: 31_536_000, includeSubDomains: false } as const;

/**
 * Security headers (helmet) on every response: `X-Content-Type-Options: nosniff`,
 * `Strict-Transport-Security` under TLS, a Content-Security-Policy, `Referrer-Policy:
 * no-referrer`. The API and the exports are data, never a page: `default-src 'none'` and no
 * framing. The add-in task pane (`/addin/*`) keeps a bearer token in `localStorage`, so its
 * policy allows scripts only from this origin and office.js's, and is framed by Office on the
 * web (frame-ancestors https:). The explorer sets its own, stricter policy for its page.
 * Exports are also `Cache-Control: no-store` (the ledger must not sit in shared caches).
 */
export function securityHeaders(options: { tls: boolean }): RequestHandler {
  const strictTransportSecurity = options.tls ? HSTS : false;
  const api = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
      },
    },
    strictTransportSecurity,
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  const addin = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", OFFICE_JS_ORIGIN],
        styleSrc: ["'self'", "'unsafe-inline'", OFFICE_JS_ORIGIN],
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'", 'data:', 'https:'],
        // The task pane may talk to a Trueup server on another origin (its Server field).
        connectSrc: ["'self'", 'https:', 'http://127.0.0.1:*', 'http://localhost:*'],
        // office.js talks to its host through frames on Office's own origins.
        frameSrc: ["'self'", 'https:'],
        frameAncestors: ["'self'", 'https:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity,
    // Office on the web frames the task pane: no X-Frame-Options, no COOP/COEP/CORP.
    xFrameOptions: false,
    crossOriginOpenerPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: false,
  });
  const apiHeaders = recordHeaders(api);
  return (req, res, next) => {
    if (req.path.startsWith('/addin/') || req.path === '/addin') {
      addin(req, res, next);
      return;
    }
    if (req.path.startsWith('/export/')) res.set('Cache-Control', 'no-store');
    for (const [name, value] of apiHeaders) res.setHeader(name, value);
    next();
  };
}

/**
 * The headers a helmet middleware sets: its policy does not depend on the request, so it runs
 * once at startup and each response gets the list (helmet's own chain of a dozen middlewares
 * per request cost more than the rest of a cached GraphQL answer).
 */
function recordHeaders(middleware: RequestHandler): [string, string][] {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers.set(name, String(value));
      return res;
    },
    removeHeader: (name: string) => headers.delete(name),
  };
  let ran = false;
  middleware({} as Request, res as unknown as Response, () => (ran = true));
  if (!ran) throw new Error('helmet did not finish synchronously');
  return [...headers];
}
