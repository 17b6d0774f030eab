import type {
  GatewayExecutor,
  GatewayInterface,
  GatewaySchemaLoadOrUpdateCallback,
} from '@apollo/server-gateway-interface';
import {
  execute,
  GraphQLError,
  printSchema,
  Source,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Executes queries with graphql-jit: each document (Apollo keeps one parsed DocumentNode per
 * query text) is compiled once into a JavaScript function for its selection set, which runs a
 * large list several times faster than graphql-js's generic walk. Mutations, and any document
 * graphql-jit cannot compile, run on graphql-js's `execute` as before. Parsing, validation,
 * plugins, error formatting and HTTP stay Apollo's.
 */
export function jitExecutor(schema: GraphQLSchema): GatewayExecutor {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compiledFor = (document: DocumentNode, operationName: string | null) => {
    let byOperation = compiled.get(document);
    if (!byOperation) {
      byOperation = new Map();
      compiled.set(document, byOperation);
    }
    const key = operationName ?? '';
    if (!byOperation.has(key)) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      byOperation.set(key, isCompiledQuery(result) ? result : null);
    }
    return byOperation.get(key) ?? null;
  };
  return async (request) => {
    const query =
      request.operation.operation === 'query'
        ? compiledFor(request.document, request.operationName)
        : null;
    if (query) {
      const result = await query.query(undefined, request.context, request.request.variables ?? {});
      return toGraphqlErrors(result, request.source);
    }
    return execute({
      schema,
      document: request.document,
      contextValue: request.context,
      variableValues: request.request.variables ?? null,
      operationName: request.operationName,
    });
  };
}

interface JitError extends Error {
  readonly locations?: readonly { line: number; column: number }[];
  readonly path?: readonly (string | number)[];
  readonly originalError?: Error | null;
  readonly extensions?: Record<string, unknown>;
}

/**
 * graphql-jit reports errors with its own error class; Apollo (unwrapping resolver errors for
 * formatError) and clients expect graphql-js's, with the same path, locations and cause.
 */
function toGraphqlErrors(result: ExecutionResult, source: string): ExecutionResult {
  if (!result.errors?.length) return result;
  const body = new Source(source);
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const errors = (result.errors as readonly JitError[]).map(
    (error) =>
      new GraphQLError(error.message, {
        source: body,
        positions: error.locations?.map(
          ({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1,
        ),
        path: error.path,
        originalError: error.originalError ?? undefined,
        extensions: error.extensions,
      }),
  );
  return { ...result, errors };
}

/** Serves `schema` through Apollo's gateway interface so `jitExecutor` executes requests. */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  let listener: GatewaySchemaLoadOrUpdateCallback | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => {
        listener = undefined;
      };
    },
    async load() {
      listener?.({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return { executor: jitExecutor(schema) };
    },
    async stop() {},
  };
}
