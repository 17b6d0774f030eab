import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { buildSchema, parse, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

import type { MemoryPosition } from './memory-position.js';

/** Trueup's own schema (api/schema.graphql) with resolvers only for what the bench queries. */
function floorSchema(schemaFile: string, domain: string, position: MemoryPosition): GraphQLSchema {
  const schema = buildSchema(readFileSync(schemaFile, 'utf8'));
  const account = { domain };
  const queryFields = (schema.getQueryType() as GraphQLObjectType).getFields();
  (queryFields.smartAccount as { resolve?: unknown }).resolve = (
    _root: unknown,
    args: { domain: string },
  ) => (args.domain === domain ? account : null);
  const accountFields = (schema.getType('SmartAccount') as GraphQLObjectType).getFields();
  (accountFields.positionRows as { resolve?: unknown }).resolve = (
    _root: unknown,
    args: Parameters<MemoryPosition['page']>[0],
  ) => position.page(args);
  return schema;
}

/**
 * The floor for GraphQL over HTTP: a bare `node:http` server executing the request with
 * graphql-jit (compiled once per query text, serialized with its compiled `stringify`) over rows
 * held in memory. No framework, no database: what the fastest known Node GraphQL stack costs.
 */
export async function startJitFloorServer(options: {
  schemaFile: string;
  domain: string;
  position: MemoryPosition;
}): Promise<{ url: string; close: () => Promise<void> }> {
  const schema = floorSchema(options.schemaFile, options.domain, options.position);
  const compiled = new Map<string, CompiledQuery>();
  const compile = (query: string): CompiledQuery => {
    let entry = compiled.get(query);
    if (!entry) {
      const result = compileQuery(schema, parse(query));
      if (!isCompiledQuery(result)) throw new Error(JSON.stringify(result.errors));
      entry = result;
      compiled.set(query, entry);
    }
    return entry;
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            query: string;
            variables?: Record<string, unknown>;
          };
          const query = compile(body.query);
          const result = await query.query(undefined, {}, body.variables ?? {});
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(query.stringify(result));
        } catch (err) {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: String(err) }] }));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
