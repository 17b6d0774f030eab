import { Kind, parse } from 'graphql';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';

import type { GraphqlBody, ResponseStamp } from '../http/response-cache.js';
import { canSee, mayNameDomain, type Access } from '../services/access/access.js';
import type { Services } from '../services/index.js';

/**
 * The selections whose answer is a function of the Smart Account's position version alone (and
 * of the arguments): `smartAccount(domain:) { positionRows(…) { … } }`, with only the line
 * fields read from the kept position rows (no `virtualAccount`/`license` objects, whose other
 * fields are not versioned, and no prices). Anything else is answered afresh every time.
 */
type Allowed = { readonly [field: string]: Allowed | true };
const LINE: Allowed = Object.fromEntries(
  [
    '__typename',
    'owned',
    'ownedSmart',
    'ownedClassic',
    'consumed',
    'reserved',
    'balance',
    'shortfall',
    'surplus',
    'billing',
    'usageReportedAt',
    'statedReserved',
    'virtualAccountName',
    'licenseName',
    // The flat row's names, tags and catalog columns come from the same kept read; its prices
    // (unitPrice, exposure, currency) come from the price book, which is not versioned here.
    'asOf',
    'region',
    'businessUnit',
    'environment',
    'productFamily',
    'unit',
    'kind',
  ].map((field) => [field, true]),
);
const POSITION_READ: Allowed = {
  __typename: true,
  smartAccount: {
    __typename: true,
    domain: true,
    positionRows: {
      __typename: true,
      totalCount: true,
      pageInfo: {
        __typename: true,
        hasNextPage: true,
        hasPreviousPage: true,
        startCursor: true,
        endCursor: true,
      },
      nodes: LINE,
      edges: { __typename: true, cursor: true, node: LINE },
    },
  },
};

/** Where the `domain` argument of the one `smartAccount` field comes from. */
type DomainSource = { readonly literal: string } | { readonly variable: string };

function domainSource(value: ValueNode | undefined): DomainSource | undefined {
  if (value?.kind === Kind.STRING) return { literal: value.value };
  if (value?.kind === Kind.VARIABLE) return { variable: value.name.value };
  return undefined;
}

/** The domain source of a position read, or undefined for any other document. */
function positionRead(
  document: DocumentNode,
  operationName: string | undefined,
): DomainSource | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation =
    operationName === undefined
      ? operations.length === 1
        ? operations[0]
        : undefined
      : operations.find((o) => o.name?.value === operationName);
  if (operation?.operation !== 'query') return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const sources: DomainSource[] = [];
  let ok = true;
  const visit = (set: SelectionSetNode, allowed: Allowed, depth: number): void => {
    for (const selection of set.selections) {
      if (!ok) return;
      if (selection.directives?.some((d) => !['include', 'skip'].includes(d.name.value))) {
        ok = false;
      } else if (selection.kind === Kind.FIELD) {
        const rule = allowed[selection.name.value];
        if (rule === undefined || (rule === true) !== (selection.selectionSet === undefined)) {
          ok = false;
        } else if (rule !== true && selection.selectionSet) {
          if (selection.name.value === 'smartAccount') {
            const source = domainSource(
              selection.arguments?.find((a) => a.name.value === 'domain')?.value,
            );
            if (source) sources.push(source);
            else ok = false;
          }
          visit(selection.selectionSet, rule, depth + 1);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, allowed, depth);
      } else {
        const fragment = fragments.get(selection.name.value);
        // Depth bounds fragment cycles (an invalid document: it fails on its first run anyway).
        if (!fragment || depth > 8) ok = false;
        else visit(fragment.selectionSet, allowed, depth + 1);
      }
    }
  };
  visit(operation.selectionSet, POSITION_READ, 0);
  return ok && sources.length === 1 ? sources[0] : undefined;
}

/** Documents remembered (by text): whether each is a position read, and its domain source. */
const MAX_DOCUMENTS = 256;

/** The caller's scope as a string: token, role and grants. */
const scopes = new WeakMap<Access, string>();
function scopeOf(access: Access): string {
  let scope = scopes.get(access);
  if (scope === undefined) {
    const grants = access.allSmartAccounts ? '*' : [...access.smartAccountIds].sort().join(',');
    scope = `${access.tokenId}:${access.role}:${grants}`;
    scopes.set(access, scope);
  }
  return scope;
}

/**
 * The stamp of a position read (see `http/response-cache.ts`): the caller's token, role and
 * grants, the Smart Account, its position version (read after every earlier commit: every
 * ledger write bumps it) and today's date (the default `asOf`). The version is noted on the
 * request (`RequestRecord.positionVersion`): the read serves that version, so the answer is the
 * one its stamp names and it takes no second version query. Other documents, domains the
 * token may not see and unknown domains get none: they always run.
 */
export function positionReadStamp(services: Services): ResponseStamp<Access> {
  const documents = new Map<string, DomainSource | null>();
  const sourceOf = (body: GraphqlBody): DomainSource | undefined => {
    if (typeof body.query !== 'string') return undefined;
    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    const key = `${operationName ?? ''}\n${body.query}`;
    let source = documents.get(key);
    if (source === undefined) {
      try {
        source = positionRead(parse(body.query), operationName) ?? null;
      } catch {
        source = null;
      }
      if (documents.size >= MAX_DOCUMENTS) documents.clear();
      documents.set(key, source);
    }
    return source ?? undefined;
  };
  return async (access, body, record) => {
    const source = sourceOf(body);
    if (!source) return undefined;
    const variables = (body.variables ?? {}) as Record<string, unknown>;
    const domain = 'literal' in source ? source.literal : variables[source.variable];
    if (typeof domain !== 'string' || !mayNameDomain(access, domain)) return undefined;
    const stamp = await services.position.stamp(domain);
    if (!stamp || !canSee(access, stamp.smartAccountId)) return undefined;
    // The read answers from the version just read, after the request arrived.
    record.positionVersion = stamp;
    const today = services.position.asOfOrToday(null);
    return `${scopeOf(access)}|${stamp.smartAccountId}|${stamp.version}|${today}`;
  };
}
