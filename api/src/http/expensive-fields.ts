import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, getNamedType, isCompositeType } from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  OperationDefinitionNode,
  SelectionSetNode,
  GraphQLSchema,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

import { QUERY_TOO_COMPLEX } from './complexity.js';

/**
 * Cost of the fields that compute over a whole Smart Account (or a scenario's moves), by schema
 * coordinate. Everything else costs 0 for a scalar and 1 for an object (a paginated field its children × `first`). The weights
 * are in "fields": one `findings` costs as much as a page of ~1,000 position lines, which is
 * about what it takes on a large account.
 */
export const EXPENSIVE_FIELDS: Readonly<Record<string, number>> = {
  'SmartAccount.drift': 1_000,
  'SmartAccount.findings': 1_000,
  'VirtualAccount.findings': 1_000,
  'SmartAccount.exposure': 1_000,
  'SmartAccount.renewalModel': 1_000,
  'SmartAccount.rollup': 500,
  'SmartAccount.position': 500,
  'Scenario.evaluation': 2_000,
  'Query.simulateReallocation': 2_000,
  'Query.suggestReallocation': 2_000,
  'Query.evaluateScenario': 2_000,
};

/** How often one operation may ask for the same expensive field (aliases, fragments). */
export const MAX_SAME_EXPENSIVE_FIELD = 3;

/** Page size a paginated field is costed at when the query does not say (`first` default). */
const DEFAULT_PAGE = 100;

/**
 * Estimator for `graphql-query-complexity`: an expensive field's weight plus its children (×
 * `first` when it is paginated, as for every page).
 */
export const expensiveFieldEstimator =
  (returned?: ReadonlyMap<FieldNode, number>): ComplexityEstimator =>
  ({ type, field, node, args, childComplexity }) => {
    const weight = EXPENSIVE_FIELDS[`${type.name}.${field.name}`];
    if (weight === undefined) return undefined;
    if (!field.args.some((a) => a.name === 'first')) return weight + childComplexity;
    const first = typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_PAGE;
    // Requested cost: the page asked for; actual cost: the rows it returned.
    return weight + (returned ? (returned.get(node) ?? 0) : first) * childComplexity;
  };

/**
 * How many times `operation` selects each expensive field, fragments expanded. The walk is
 * bounded by the selection limit checked before it.
 */
export function expensiveFieldCounts(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): Map<string, number> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const counts = new Map<string, number>();
  const visit = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    seen: ReadonlySet<string>,
  ) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!('getFields' in parent)) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const coordinate = `${parent.name}.${field.name}`;
        if (coordinate in EXPENSIVE_FIELDS)
          counts.set(coordinate, (counts.get(coordinate) ?? 0) + 1);
        const child = getNamedType(field.type);
        if (selection.selectionSet && isCompositeType(child))
          visit(selection.selectionSet, child, seen);
      } else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) continue;
        const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
        if (name && seen.has(name)) continue;
        const condition = fragment.typeCondition
          ? schema.getType(fragment.typeCondition.name.value)
          : parent;
        if (condition && isCompositeType(condition))
          visit(fragment.selectionSet, condition, name ? new Set([...seen, name]) : seen);
      }
    }
  };
  const root = schema.getRootType(operation.operation);
  if (root) visit(operation.selectionSet, root, new Set());
  return counts;
}

/**
 * Refuses (HTTP 400, QUERY_TOO_COMPLEX) an operation asking for one expensive field more than
 * `MAX_SAME_EXPENSIVE_FIELD` times: aliases of a whole-account computation multiply its work
 * without adding information a client could not get from separate requests.
 */
export function expensiveFieldsPlugin(schema: GraphQLSchema): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation }) {
          if (!operation) return;
          for (const [coordinate, count] of expensiveFieldCounts(schema, document, operation)) {
            if (count <= MAX_SAME_EXPENSIVE_FIELD) continue;
            throw new GraphQLError(
              `The query asks for ${coordinate} ${count} times; at most ${MAX_SAME_EXPENSIVE_FIELD} per request (it computes over the whole account each time). Send separate requests.`,
              {
                extensions: {
                  code: QUERY_TOO_COMPLEX,
                  field: coordinate,
                  count,
                  max: MAX_SAME_EXPENSIVE_FIELD,
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}
