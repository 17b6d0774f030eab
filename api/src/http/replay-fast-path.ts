import express, { type RequestHandler } from 'express';

import { bearerToken, type Authenticate } from './bearer.js';
import { requestRecordOf } from './request-context.js';

/**
 * Serves a remembered GraphQL answer (see `graphql-handler.ts`) straight after the request log and
 * the security headers, before the rest of the chain (CORS, routers, time budget, Apollo): a
 * cached answer runs no GraphQL and no resolver, so what remains per request is the token check
 * (cached), the body, the stamp and the bytes. Only a same-origin POST to `path` (no `Origin`:
 * CORS would add headers) with a valid bearer token is tried; anything else, and every request
 * whose answer is not remembered, continues down the chain unchanged (its body already parsed).
 */
export function replayFastPath<A extends { tokenName: string }>(options: {
  path: string;
  authenticate: Authenticate<A>;
  bodyLimit: string;
  replay: (req: express.Request, res: express.Response) => Promise<boolean>;
}): RequestHandler {
  const json = express.json({ limit: options.bodyLimit });
  return (req, res, next) => {
    const token =
      req.method === 'POST' && req.path === options.path && req.headers.origin === undefined
        ? bearerToken(req)
        : undefined;
    if (token === undefined) {
      next();
      return;
    }
    void (async () => {
      // The token first: a bad one gets the chain's 401 whatever the body holds.
      const access = await options.authenticate(token);
      if (access === undefined) return false;
      // The body parser's refusal (bad JSON, too large) goes to the error handler as before.
      const refused = await new Promise<unknown>((resolve) => json(req, res, resolve));
      if (refused !== undefined)
        throw refused instanceof Error ? refused : new Error(String(refused));
      res.locals.access = access;
      requestRecordOf(res.locals).tokenName = access.tokenName;
      // What the CORS middleware adds to every answer of this path.
      res.setHeader('Vary', 'Origin');
      return options.replay(req, res);
    })().then((answered) => {
      if (!answered) next();
    }, next);
  };
}
