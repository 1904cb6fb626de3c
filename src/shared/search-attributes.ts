import { defineSearchAttributeKey, SearchAttributeType, TypedSearchAttributes } from '@temporalio/common';
import type { SearchAttributePair } from '@temporalio/common';

type SearchAttributeKey = ReturnType<typeof defineSearchAttributeKey>;

/**
 * Custom search attributes: the business keys operators look processes up by in the Temporal Web UI and CLI
 * (`temporal workflow list --query 'CaseNo="SQ…"'`). Defined once here: the workflows and the services that start them
 * set them, the local dev server and the test servers register them, and README's cluster command is `clusterCommand()`.
 *
 * SQL visibility (the dev server's SQLite, PostgreSQL, MySQL) offers at most 10 Keyword and 3 Int attributes per namespace.
 */
export const CaseNo = defineSearchAttributeKey('CaseNo', SearchAttributeType.KEYWORD);
/** `request-case`, `case-rating` or `yellow-card`. */
export const ProcessKind = defineSearchAttributeKey('ProcessKind', SearchAttributeType.KEYWORD);
export const Category = defineSearchAttributeKey('Category', SearchAttributeType.KEYWORD);
/** The grid, community and street the case was reported in (a yellow card carries its case's). */
export const GridId = defineSearchAttributeKey('GridId', SearchAttributeType.KEYWORD);
export const CommunityId = defineSearchAttributeKey('CommunityId', SearchAttributeType.KEYWORD);
export const StreetId = defineSearchAttributeKey('StreetId', SearchAttributeType.KEYWORD);
/** The process's own state: a case's status (REPORTED … CLOSED), a rating's (OPEN, RATED, UNRATED), a card's (ISSUED … VOID). */
export const ProcessState = defineSearchAttributeKey('ProcessState', SearchAttributeType.KEYWORD);
/** A case: the highest rung any of its clocks reached; a yellow card: its escalation level. */
export const EscalationLevel = defineSearchAttributeKey('EscalationLevel', SearchAttributeType.INT);
export const CardNo = defineSearchAttributeKey('CardNo', SearchAttributeType.KEYWORD);
/** A yellow card's holder: UNIT or PERSON. */
export const HolderKind = defineSearchAttributeKey('HolderKind', SearchAttributeType.KEYWORD);

export const SEARCH_ATTRIBUTES: readonly SearchAttributeKey[] = [
  CaseNo,
  ProcessKind,
  Category,
  GridId,
  CommunityId,
  StreetId,
  ProcessState,
  EscalationLevel,
  CardNo,
  HolderKind,
];

export type ProcessKindName = 'request-case' | 'case-rating' | 'yellow-card' | 'programme-task' | 'mediation';

/** Where a case was reported: the keys every process about it carries. */
export interface CaseKeys {
  caseNo: string;
  category: string;
  gridId: string | null;
  communityId: string | null;
  streetId: string | null;
}

/** The case keys as search attribute pairs (units the case has none of are left out: a Keyword cannot be null at start). */
export function caseKeyPairs(keys: CaseKeys): SearchAttributePair[] {
  const pairs: SearchAttributePair[] = [
    { key: CaseNo, value: keys.caseNo },
    { key: Category, value: keys.category },
  ];
  if (keys.gridId) pairs.push({ key: GridId, value: keys.gridId });
  if (keys.communityId) pairs.push({ key: CommunityId, value: keys.communityId });
  if (keys.streetId) pairs.push({ key: StreetId, value: keys.streetId });
  return pairs;
}

/** What a service passes as `typedSearchAttributes` when it starts a workflow about a case. */
export function startSearchAttributes(
  kind: ProcessKindName,
  state: string,
  keys: CaseKeys,
  more: SearchAttributePair[] = [],
): TypedSearchAttributes {
  return new TypedSearchAttributes([
    { key: ProcessKind, value: kind },
    { key: ProcessState, value: state },
    ...caseKeyPairs(keys),
    ...more,
  ]);
}

/** `Name=Type` as `temporal server start-dev --search-attribute` and `temporal operator search-attribute create` spell types. */
export function devServerSearchAttributeArgs(): string[] {
  return SEARCH_ATTRIBUTES.flatMap((k) => [
    '--search-attribute',
    `${k.name}=${TypedSearchAttributes.toMetadataType(k.type)}`,
  ]);
}

/** The one command that registers them on a real cluster (README); the CLI pairs each `--name` with the `--type` after it. */
export function clusterCommand(namespace = 'default'): string {
  const pairs = SEARCH_ATTRIBUTES.map(
    (k) => `--name ${k.name} --type ${TypedSearchAttributes.toMetadataType(k.type)}`,
  ).join(' ');
  return `temporal operator search-attribute create --namespace ${namespace} ${pairs}`;
}

/** A yellow card's keys: its number, and the keys of the case it was issued over. */
export interface CardKeys extends CaseKeys {
  cardNo: string;
}

export function cardKeyPairs(holderKind: string, keys: CardKeys | undefined): SearchAttributePair[] {
  const holder: SearchAttributePair = { key: HolderKind, value: holderKind };
  return keys ? [holder, { key: CardNo, value: keys.cardNo }, ...caseKeyPairs(keys)] : [holder];
}
