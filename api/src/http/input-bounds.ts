import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, valueFromASTUntyped } from 'graphql';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

import { MAX_LIST_LENGTH, MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../domain/index.js';

/** Arguments and input fields that carry a whole file: bounded by the request body only. */
const FILE_KEYS = new Set(['content', 'authorizationCode']);
/** Free-text inputs: bounded by `MAX_TEXT_LENGTH`; every other string by `MAX_NAME_LENGTH`. */
const TEXT_KEYS = new Set(['note', 'reason', 'description', 'comment']);

function refuse(message: string): never {
  throw new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}

/** Checks one argument value (variables substituted), naming the path in the message. */
function checkValue(value: unknown, key: string, path: string): void {
  if (typeof value === 'string') {
    if (FILE_KEYS.has(key)) return;
    const max = TEXT_KEYS.has(key) ? MAX_TEXT_LENGTH : MAX_NAME_LENGTH;
    if (value.length > max)
      refuse(
        `${path} is ${value.length.toLocaleString('en-US')} characters long; at most ${max.toLocaleString('en-US')} are accepted.`,
      );
  } else if (Array.isArray(value)) {
    if (value.length > MAX_LIST_LENGTH)
      refuse(
        `${path} has ${value.length.toLocaleString('en-US')} items; at most ${MAX_LIST_LENGTH.toLocaleString('en-US')} are accepted.`,
      );
    value.forEach((item, i) => checkValue(item, key, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkValue(v, k, `${path}.${k}`);
  }
}

function checkSelections(
  set: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: Set<string>,
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      for (const argument of selection.arguments ?? []) {
        const name = argument.name.value;
        checkValue(
          valueFromASTUntyped(argument.value, variables),
          name,
          `${selection.name.value}(${name})`,
        );
      }
      if (selection.selectionSet)
        checkSelections(selection.selectionSet, fragments, variables, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      checkSelections(selection.selectionSet, fragments, variables, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) checkSelections(fragment.selectionSet, fragments, variables, seen);
    }
  }
}

/** Throws BAD_USER_INPUT when an argument of `operation` holds an oversized string or list. */
export function checkInputBounds(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  checkSelections(operation.selectionSet, fragments, variables, new Set());
}

/**
 * Bounds every string and list a client sends, before anything runs: names (and every other
 * string) at `MAX_NAME_LENGTH` characters, notes at `MAX_TEXT_LENGTH`, lists at
 * `MAX_LIST_LENGTH` items; file contents only by the body limit. Beyond them: HTTP 400,
 * BAD_USER_INPUT, naming the argument; nothing is written.
 */
export function inputBoundsPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (operation) checkInputBounds(document, operation, request.variables ?? {});
        },
      };
    },
  };
}
