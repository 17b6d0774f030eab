import { createRequire } from 'node:module';

import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import type * as QueryComplexity from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';

import { rowsReturned } from './actual-cost.js';
import { QUERY_TOO_COMPLEX, countSelections, objectCountEstimator } from './complexity.js';
import { expensiveFieldEstimator } from './expensive-fields.js';
import { currentRequest } from './request-context.js';

// The package's ESM build imports `graphql/index.mjs`, a second copy of graphql next to the
// CommonJS one everything else loads ("another module or realm"); its CommonJS build shares ours.
const { fieldExtensionsEstimator, getComplexity } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof QueryComplexity;

/** `extensions.code` of the error sent when an operation nests too deep. */
export const QUERY_TOO_DEEP = 'QUERY_TOO_DEEP';

/** Page size a paginated field is costed at when the query does not say (`first` default). */
const DEFAULT_PAGE = 100;

export interface QueryLimits {
  /** Selections after fragment expansion (bounds the work of the other two checks). */
  readonly maxSelections: number;
  /** Nesting of fields, introspection (`__schema`, `__type`) excluded. */
  readonly maxDepth: number;
  /**
   * Estimated cost: 0 per scalar, 1 per object, a paginated field's children × its `first`, the
   * fields that compute over a whole account their weight (`EXPENSIVE_FIELDS`).
   */
  readonly maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxSelections: 1_000,
  maxDepth: 12,
  // A BI page of 5,000 flat rows costs ~10,000 whatever its columns; nested objects add 5,000
  // each, whole-account computations their weight.
  maxCost: 100_000,
};

/**
 * Depth of `operation`'s field nesting with fragments expanded, stopping once it exceeds
 * `limit`. Introspection roots are not counted (GraphiQL's schema query nests ~13 deep).
 */
export function operationDepth(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  limit: number,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  let deepest = 0;
  const visit = (set: SelectionSetNode, depth: number, seen: ReadonlySet<string>): void => {
    for (const selection of set.selections) {
      if (deepest > limit) return;
      if (selection.kind === Kind.FIELD) {
        if (depth === 0 && selection.name.value.startsWith('__')) continue;
        deepest = Math.max(deepest, depth + 1);
        if (selection.selectionSet) visit(selection.selectionSet, depth + 1, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, depth, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !seen.has(name))
          visit(fragment.selectionSet, depth, new Set([...seen, name]));
      }
    }
  };
  visit(operation.selectionSet, 0, new Set());
  return deepest;
}

/**
 * A field with a `first` argument returns a page: its children cost once per item asked for
 * (requested cost) or, given the rows each page returned, once per row returned (actual cost).
 */
const pageEstimator =
  (returned?: ReadonlyMap<FieldNode, number>): ComplexityEstimator =>
  ({ field, node, args, childComplexity }) => {
    if (!field.args.some((a) => a.name === 'first')) return undefined;
    const first = typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_PAGE;
    return 1 + (returned ? (returned.get(node) ?? 0) : first) * childComplexity;
  };

function tooComplex(message: string, code: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, {
    extensions: { code, ...extensions, http: { status: 400 } },
  });
}

interface CostedRequest {
  operationName?: string | null | undefined;
  variables?: Record<string, unknown> | undefined;
}

/**
 * The variables as costing reads them: every list emptied. A cost depends on `first` (an Int),
 * never on a list's items, and coercing a 50,000-move variable took seconds of the event loop
 * (for a request the alias cap then refused); execution still checks the whole list.
 */
function listsEmptied(value: unknown): unknown {
  if (Array.isArray(value)) return [];
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, listsEmptied(v)]));
}

function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  request: CostedRequest,
  limits: QueryLimits,
  returned?: ReadonlyMap<FieldNode, number>,
): number {
  try {
    return getComplexity({
      schema,
      query: document,
      ...(request.operationName ? { operationName: request.operationName } : {}),
      variables: listsEmptied(request.variables ?? {}) as Record<string, unknown>,
      estimators: [
        expensiveFieldEstimator(returned),
        fieldExtensionsEstimator(),
        pageEstimator(returned),
        objectCountEstimator,
      ],
      maxQueryNodes: limits.maxSelections * 10,
    });
  } catch (error) {
    // Variables that do not fit their types, or a node-count overrun: the client's input.
    throw tooComplex(
      error instanceof GraphQLError ? error.message : 'The query could not be costed.',
      'BAD_USER_INPUT',
    );
  }
}

/** Variables longer than this (as JSON) are costed afresh each time rather than remembered. */
const MAX_REMEMBERED_VARIABLES = 1_024;
/** Costs remembered per document (one per distinct operation name × variables). */
const MAX_COSTS_PER_DOCUMENT = 256;

/**
 * `costOf`, remembered per parsed document (Apollo keeps one DocumentNode per query text) and
 * operation name × variables: the cost is a pure function of those, the schema and the limits,
 * and costing walks the whole selection, which on a small query costs more than executing it.
 */
function rememberedCosts(schema: GraphQLSchema, limits: QueryLimits): typeof costOf {
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return (_schema, document, request) => {
    const variables = JSON.stringify(request.variables ?? {});
    if (variables.length > MAX_REMEMBERED_VARIABLES) {
      return costOf(schema, document, request, limits);
    }
    const key = `${request.operationName ?? ''}\n${variables}`;
    let known = costs.get(document);
    const remembered = known?.get(key);
    if (remembered !== undefined) return remembered;
    const cost = costOf(schema, document, request, limits);
    if (!known || known.size >= MAX_COSTS_PER_DOCUMENT) {
      known = new Map();
      costs.set(document, known);
    }
    known.set(key, cost);
    return cost;
  };
}

/**
 * Refuses, with HTTP 400 and a clear message, operations that select too much, nest too deep
 * or cost too much; reports the cost of every operation it let through in the response's
 * `extensions.cost`: `requestedQueryCost` (every page costed at its `first`), `actualQueryCost`
 * (the same rule with each page costed at the rows it returned, the largest where a page field
 * occurs more than once; 0 rows for a page under a null parent) and `maximumAvailable`.
 */
export function queryLimitsPlugin(
  schema: GraphQLSchema,
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
): ApolloServerPlugin<BaseContext> {
  const costed = rememberedCosts(schema, limits);
  return {
    async requestDidStart() {
      let cost: number | undefined;
      let resolved:
        | { document: DocumentNode; operation: OperationDefinitionNode; request: CostedRequest }
        | undefined;
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const record = currentRequest();
          if (record) record.operationName = request.operationName ?? operation.name?.value ?? null;
          if (countSelections(document, operation, limits.maxSelections) > limits.maxSelections) {
            throw tooComplex(
              `The query is too large: it selects more than ${limits.maxSelections} fields. Ask for fewer fields or split the query.`,
              QUERY_TOO_COMPLEX,
            );
          }
          const depth = operationDepth(document, operation, limits.maxDepth);
          if (depth > limits.maxDepth) {
            throw tooComplex(
              `The query is too deep: it nests fields more than ${limits.maxDepth} levels. Flatten it or split it.`,
              QUERY_TOO_DEEP,
              { maxDepth: limits.maxDepth },
            );
          }
          cost = costed(schema, document, request, limits);
          resolved = { document, operation, request };
          if (record) record.cost = cost;
          if (cost > limits.maxCost) {
            throw tooComplex(
              `The query is too expensive: it costs ${cost}, the maximum is ${limits.maxCost}. Ask for smaller pages (first) or fewer fields.`,
              QUERY_TOO_COMPLEX,
              { cost, maxCost: limits.maxCost },
            );
          }
        },
        async willSendResponse({ response }) {
          if (cost === undefined || !resolved || response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          const { document, operation, request } = resolved;
          const returned = rowsReturned(document, operation, singleResult.data);
          singleResult.extensions = {
            ...singleResult.extensions,
            cost: {
              requestedQueryCost: cost,
              actualQueryCost: costOf(schema, document, request, limits, returned),
              maximumAvailable: limits.maxCost,
            },
          };
        },
      };
    },
  };
}
