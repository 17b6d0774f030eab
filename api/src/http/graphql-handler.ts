import type { ApolloServer, BaseContext, HTTPGraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type express from 'express';

import { requestRecordOf } from './request-context.js';
import {
  responseCache,
  type CachedResponse,
  type GraphqlBody,
  type ResponseStamp,
} from './response-cache.js';

/**
 * Express handler running a request through Apollo Server (as `@as-integrations/express5` does),
 * answering with `res.end` (no ETag: hashing a multi-megabyte page per request bought nothing,
 * POST answers are not revalidated). With `stamp`, answers are remembered per stamp (see
 * `response-cache.ts`) and a request whose stamp, document and variables were answered before
 * gets the same bytes without running GraphQL again.
 */
export function graphqlHandler<A>(
  apollo: ApolloServer<BaseContext>,
  options: {
    context: (req: express.Request, res: express.Response) => Promise<BaseContext>;
    stamp?: ResponseStamp<A> | undefined;
  },
): {
  handler: express.RequestHandler;
  /**
   * Answers the request from the remembered answers if it can (true), else leaves it (false)
   * with its key noted for `handler`. Needs `req.body` and the caller's access in `res.locals`.
   */
  replay: (req: express.Request, res: express.Response) => Promise<boolean>;
} {
  const cache = options.stamp ? responseCache() : undefined;

  const execute = (req: express.Request, res: express.Response) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = req.originalUrl.indexOf('?');
    return apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: query < 0 ? '' : req.originalUrl.slice(query),
        body: req.body as unknown,
      },
      context: () => options.context(req, res),
    });
  };

  const send = async (res: express.Response, response: HTTPGraphQLResponse) => {
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const replay = (res: express.Response, entry: CachedResponse) => {
    const record = requestRecordOf(res.locals);
    record.operationName = entry.operationName;
    record.cost = entry.cost;
    for (const [key, value] of entry.headers) res.setHeader(key, value);
    res.statusCode = 200;
    res.setHeader('content-length', entry.body.length);
    res.end(entry.body);
  };

  /** The response as an entry to remember: a complete 200 answer without errors only. */
  const rememberable = (
    res: express.Response,
    response: HTTPGraphQLResponse,
  ): CachedResponse | undefined => {
    if ((response.status ?? 200) !== 200 || response.body.kind !== 'complete') return undefined;
    // Apollo writes `errors` first when there are any (orderExecutionResultFields): partial
    // answers are never remembered. (Scanning a 1 MB page for it cost more than the check.)
    if (response.body.string.startsWith('{"errors":')) return undefined;
    const record = requestRecordOf(res.locals);
    return {
      body: Buffer.from(response.body.string),
      headers: [...response.headers],
      operationName: record.operationName,
      cost: record.cost,
    };
  };

  const keyOf = async (req: express.Request, res: express.Response) => {
    if (!cache || !options.stamp || req.method !== 'POST') return undefined;
    const body = req.body as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    const stamp = await options.stamp(
      res.locals.access as A,
      body as GraphqlBody,
      requestRecordOf(res.locals),
    );
    return stamp === undefined ? undefined : cache.keyOf(stamp, req.get('accept'), body);
  };

  /** The request's key, computed once (the fast path may have done it: its stamp came first). */
  const keyFor = async (req: express.Request, res: express.Response) => {
    const locals = res.locals as { responseKey?: string | null };
    if (locals.responseKey === undefined) locals.responseKey = (await keyOf(req, res)) ?? null;
    return locals.responseKey ?? undefined;
  };

  const replayKnown = async (req: express.Request, res: express.Response) => {
    const key = await keyFor(req, res);
    const known = key === undefined ? undefined : (cache?.get(key) ?? (await cache?.pending(key)));
    if (known) replay(res, known);
    return known !== undefined;
  };

  const handler: express.RequestHandler = async (req, res, next) => {
    try {
      if (!('body' in req)) throw new Error('express.json must run before the GraphQL handler');
      const key = await keyFor(req, res);
      if (!cache || key === undefined) {
        await send(res, await execute(req, res));
        return;
      }
      const known = cache.get(key) ?? (await cache.pending(key));
      if (known) {
        replay(res, known);
        return;
      }
      let settle: (entry: CachedResponse | undefined) => void = () => undefined;
      cache.compute(key, new Promise((resolve) => (settle = resolve)));
      let response: HTTPGraphQLResponse;
      let entry: CachedResponse | undefined;
      try {
        response = await execute(req, res);
        entry = rememberable(res, response);
      } finally {
        settle(entry);
      }
      if (entry) replay(res, entry);
      else await send(res, response);
    } catch (error) {
      next(error);
    }
  };
  return { handler, replay: replayKnown };
}
