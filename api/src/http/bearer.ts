import type { Request, RequestHandler, Response } from 'express';

import { requestRecordOf } from './request-context.js';

/** Resolves a bearer token to who it is, or undefined for an unknown, expired or revoked one. */
export type Authenticate<A> = (token: string) => Promise<A | undefined>;

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/=-]{1,512})[ ]*$/i;

/** The token of a well-formed `Authorization: Bearer <token>` header, else undefined. */
export function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  return header === undefined ? undefined : (BEARER.exec(header)?.[1] ?? undefined);
}

function refuse(res: Response, message: string): void {
  res
    .status(401)
    .set('WWW-Authenticate', 'Bearer realm="trueup"')
    .json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

/** The access the bearer middleware established for this request. */
export function accessOf<A>(res: Response): A {
  const access = res.locals.access as A | undefined;
  if (access === undefined) throw new Error('bearer middleware is not mounted on this route');
  return access;
}

/**
 * Requires `Authorization: Bearer <token>` and stores the caller's access in `res.locals`
 * (read it with {@link accessOf}). A missing, malformed, unknown, expired or revoked token gets
 * 401 UNAUTHENTICATED; the last three share one message so a caller cannot tell them apart.
 * CORS preflights (OPTIONS) pass: browsers send them without credentials.
 */
export function requireBearer<A extends { tokenName: string }>(
  authenticate: Authenticate<A>,
): RequestHandler {
  return async (req, res, next) => {
    if (req.method === 'OPTIONS') {
      next();
      return;
    }
    const header = req.get('authorization');
    const match = header === undefined ? null : BEARER.exec(header);
    if (!match?.[1]) {
      refuse(res, 'Send an API token: Authorization: Bearer <token> (see `trueup token create`).');
      return;
    }
    const access = await authenticate(match[1]);
    if (access === undefined) {
      refuse(res, 'The API token is not valid: unknown, expired or revoked.');
      return;
    }
    res.locals.access = access;
    requestRecordOf(res.locals).tokenName = access.tokenName;
    next();
  };
}
