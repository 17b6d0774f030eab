import { identifyLicense, tierName, type LicenseIdentity } from './identity.js';

/** A license of the account the join may pick. */
export interface JoinCandidate {
  readonly id: number;
  readonly name: string;
}

/**
 * What the join decided. `JOINED`: exactly one candidate has the same product identity.
 * `AMBIGUOUS`: several do, so none is picked. `NONE`: the text names no Network/DNA identity,
 * or no candidate has it.
 */
export type IdentityJoin =
  | { readonly kind: 'JOINED'; readonly license: JoinCandidate; readonly identity: LicenseIdentity }
  | {
      readonly kind: 'AMBIGUOUS';
      readonly candidates: readonly JoinCandidate[];
      readonly identity: LicenseIdentity;
    }
  | { readonly kind: 'NONE'; readonly reason: 'NO_IDENTITY' | 'NO_CANDIDATE' };

/** Term or perpetual, and the term's years, as a text says them (null where it is silent). */
interface TermWords {
  readonly term: 'TERM' | 'PERPETUAL' | null;
  readonly years: number | null;
}

function termWords(text: string): TermWords {
  const upper = text.toUpperCase();
  const years = /(?:^|[^A-Z0-9])(\d{1,2})\s*-?\s*(?:Y|YR|YRS|YEARS?)(?:[^A-Z0-9]|$)/.exec(upper);
  const term = /(?:^|[^A-Z])(TERM|SUBSCRIPTION)(?:[^A-Z]|$)/.test(upper)
    ? 'TERM'
    : /PERPETUAL/.test(upper)
      ? 'PERPETUAL'
      : years
        ? 'TERM'
        : null;
  return { term, years: years ? Number(years[1]) : null };
}

/** Term words agree where both texts say them. */
function termsFit(a: TermWords, b: TermWords): boolean {
  if (a.term !== null && b.term !== null && a.term !== b.term) return false;
  return a.years === null || b.years === null || a.years === b.years;
}

/** Same family, line, tier and variant (a family-level identity only matches another). */
export function sameIdentity(a: LicenseIdentity, b: LicenseIdentity): boolean {
  return a.family === b.family && a.line === b.line && a.tier === b.tier && a.variant === b.variant;
}

function join(
  identity: LicenseIdentity | null,
  terms: TermWords,
  candidates: readonly (JoinCandidate & { readonly identity: LicenseIdentity | null })[],
  candidateTerms: (c: JoinCandidate) => TermWords,
): IdentityJoin {
  if (identity === null) return { kind: 'NONE', reason: 'NO_IDENTITY' };
  const matches = candidates.filter(
    (c) =>
      c.identity !== null &&
      sameIdentity(identity, c.identity) &&
      termsFit(terms, candidateTerms(c)),
  );
  const [only] = matches;
  if (!only) return { kind: 'NONE', reason: 'NO_CANDIDATE' };
  if (matches.length > 1)
    return {
      kind: 'AMBIGUOUS',
      candidates: matches.map(({ id, name }) => ({ id, name })),
      identity,
    };
  return { kind: 'JOINED', license: { id: only.id, name: only.name }, identity };
}

/**
 * The license a tag no account license carries belongs to, among licenses no source gave a tag
 * (named only): the one whose name reads as the same product (family, line, tier, variant, and
 * term or perpetual where the name says).
 */
export function joinTagToNamedLicense(
  tag: string,
  untagged: readonly JoinCandidate[],
): IdentityJoin {
  return join(
    identifyLicense({ name: '', entitlementTag: tag }),
    termWords(tag),
    untagged.map((c) => ({ ...c, identity: identifyLicense({ name: c.name }) })),
    (c) => termWords(c.name),
  );
}

/**
 * The license a display name belongs to, among licenses still named by their raw entitlement
 * tag (created from a tag-only record): the one whose tag reads as the same product.
 */
export function joinNameToTagNamedLicense(
  name: string,
  tagNamed: readonly JoinCandidate[],
): IdentityJoin {
  return join(
    identifyLicense({ name }),
    termWords(name),
    tagNamed.map((c) => ({
      ...c,
      identity: identifyLicense({ name: '', entitlementTag: c.name }),
    })),
    (c) => termWords(c.name),
  );
}

const LINE_NAMES = { NETWORK: 'Network', DNA: 'DNA' } as const;

/** "family (C9300), line (Network), tier (Advantage) and port variant (24P)". */
export function identityWords(identity: LicenseIdentity): string {
  const parts = [
    `family (${identity.family})`,
    `line (${LINE_NAMES[identity.line]})`,
    `tier (${tierName(identity.tier)})`,
  ];
  if (identity.variant !== null)
    parts.push(
      `${identity.family === 'ROUTING' ? 'throughput tier' : 'port variant'} (${identity.variant})`,
    );
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const quoted = (names: readonly string[]) => {
  const q = names.map((n) => `'${n}'`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}` : (q[0] ?? '');
};

const allMatch = (names: readonly string[]) => (names.length === 2 ? 'both match' : 'all match');

const FIX = 'if wrong, correct it with a license catalog CSV';

/** What the import says of a tag joined to a named license. */
export function tagJoinedMessage(tag: string, license: string, identity: LicenseIdentity): string {
  return `entitlement tag ${tag} joined to license '${license}' by ${identityWords(identity)}; ${FIX}`;
}

/** What the import says of a tag-named license given a display name. */
export function tagNamedRenamedMessage(
  tag: string,
  name: string,
  identity: LicenseIdentity,
): string {
  return `license named by its entitlement tag ${tag} renamed '${name}' by ${identityWords(identity)}; ${FIX}`;
}

/** What the import says when a tag matches several named licenses. */
export function tagAmbiguousMessage(
  tag: string,
  candidates: readonly string[],
  identity: LicenseIdentity,
): string {
  return `entitlement tag ${tag} not joined: licenses ${quoted(candidates)} ${allMatch(candidates)} by ${identityWords(identity)}; a license named by the tag was created; map the tag with a license catalog CSV`;
}

/** What the import says when a name matches several tag-named licenses. */
export function nameAmbiguousMessage(
  name: string,
  candidates: readonly string[],
  identity: LicenseIdentity,
): string {
  return `license '${name}' not joined: licenses named by the entitlement tags ${quoted(candidates)} ${allMatch(candidates)} by ${identityWords(identity)}; a license of that name was created; map the tag with a license catalog CSV`;
}
