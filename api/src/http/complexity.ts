import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, getNamedType, isLeafType } from 'graphql';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/** `extensions.code` of the error sent when an operation exceeds the limit. */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/**
 * The cost of a field that is neither expensive nor paginated (the last estimator): a scalar or
 * enum costs 0, an object (or a list of objects) 1 plus its children. A column on a row is a
 * property read; what costs is each object the server builds, loads or resolves, so a BI page of
 * flat rows is costed by its rows, not its columns, and the nested objects a flat column replaces
 * (`virtualAccount { region }`) cost one more per row.
 */
export const objectCountEstimator: ComplexityEstimator = ({ field, childComplexity }) =>
  isLeafType(getNamedType(field.type)) ? 0 : 1 + childComplexity;

/**
 * Counts the selections (fields, fragment spreads, inline fragments) of `operation` with its
 * fragments expanded, stopping as soon as the count exceeds `limit`. Every visited node counts,
 * so the work is bounded by `limit` even for fragment "bombs" that expand exponentially.
 * Lists are not weighted: this is a size limit, not a cost model. Assumes a validated document
 * (no fragment cycles).
 */
export function countSelections(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  limit: number,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  let count = 0;
  const visit = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (count > limit) return;
      count += 1;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      } else if (selection.selectionSet) {
        visit(selection.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return count;
}

/** Apollo plugin rejecting, with HTTP 400, operations of more than `maxSelections` selections. */
export function selectionLimitPlugin(maxSelections: number): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation }) {
          // Apollo only reaches this hook with a resolved operation; the type allows undefined.
          if (!operation || countSelections(document, operation, maxSelections) <= maxSelections) {
            return;
          }
          throw new GraphQLError(
            `The query is too large: it selects more than ${maxSelections} fields. Ask for fewer fields or split the query.`,
            { extensions: { code: QUERY_TOO_COMPLEX, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
