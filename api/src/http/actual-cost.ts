import { Kind } from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

/**
 * Rows each paged field of `operation` (one with a selection set) returned, by the field's node in the query
 * document: the length of the list it returned, or of its connection's `nodes` (else `edges`).
 * A field that occurs more than once in the response (a page under each Virtual Account) keeps
 * its largest page. Fields absent from the response (a null parent) are absent from the map.
 */
export function rowsReturned(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  data: Record<string, unknown> | null | undefined,
): Map<FieldNode, number> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const rows = new Map<FieldNode, number>();
  const visit = (set: SelectionSetNode, value: unknown, seen: ReadonlySet<string>): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(set, item, seen);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const object = value as Record<string, unknown>;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, object, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !seen.has(name))
          visit(fragment.selectionSet, object, new Set([...seen, name]));
      } else if (selection.selectionSet) {
        const key = selection.alias?.value ?? selection.name.value;
        if (!(key in object)) continue;
        const child = object[key];
        const count = countRows(child);
        rows.set(selection, Math.max(rows.get(selection) ?? 0, count));
        visit(selection.selectionSet, child, seen);
      }
    }
  };
  if (data) visit(operation.selectionSet, data, new Set());
  return rows;
}

function countRows(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value !== 'object' || value === null) return 0;
  const { nodes, edges } = value as { nodes?: unknown; edges?: unknown };
  if (Array.isArray(nodes)) return nodes.length;
  if (Array.isArray(edges)) return edges.length;
  return 0;
}
