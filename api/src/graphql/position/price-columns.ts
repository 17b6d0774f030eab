import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The flat row's columns read from the price book. */
const PRICE_COLUMNS = new Set(['unitPrice', 'exposure', 'currency']);

/** Answers per field node (Apollo keeps one parsed document per query text). */
const known = new WeakMap<FieldNode, boolean>();

/**
 * Whether the field being resolved (a `positionRows` connection) selects a price column anywhere
 * below it, fragments included: when not, its rows need no price book read. Conservative: a
 * field of that name at any depth counts.
 */
export function selectsPriceColumns(info: GraphQLResolveInfo): boolean {
  const [field] = info.fieldNodes;
  if (field === undefined || info.fieldNodes.length > 1) return true;
  let answer = known.get(field);
  if (answer === undefined) {
    const seen = new Set<string>();
    const visit = (set: SelectionSetNode | undefined): boolean =>
      set?.selections.some((selection) => {
        if (selection.kind === Kind.FIELD)
          return PRICE_COLUMNS.has(selection.name.value) || visit(selection.selectionSet);
        if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
        const name = selection.name.value;
        if (seen.has(name)) return false;
        seen.add(name);
        const fragment = info.fragments[name];
        return fragment === undefined || visit(fragment.selectionSet);
      }) ?? false;
    answer = visit(field.selectionSet);
    known.set(field, answer);
  }
  return answer;
}
