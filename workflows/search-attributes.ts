import { CancellationScope, condition, patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SearchAttributePair } from '@temporalio/common';
import { EscalationLevel, ProcessKind, ProcessState } from '../src/shared/search-attributes';
import type { ProcessKindName } from '../src/shared/search-attributes';

/** Histories recorded before workflows kept their search attributes replay without the upserts. */
export const SEARCH_ATTRIBUTES_PATCH = 'search-attributes';

/** What a workflow shows operators: its state, escalation level where it has one, and any further keys. */
export interface ProcessView {
  state: string;
  escalationLevel?: number;
  pairs?: SearchAttributePair[];
}

const pairsOf = (kind: ProcessKindName, view: ProcessView): SearchAttributePair[] => [
  { key: ProcessKind, value: kind },
  { key: ProcessState, value: view.state },
  ...(view.escalationLevel === undefined ? [] : [{ key: EscalationLevel, value: view.escalationLevel }]),
  ...(view.pairs ?? []),
];

/** Pairs whose value differs from the workflow's attributes (those it was started with, and every upsert since). */
const changedPairs = (pairs: SearchAttributePair[]) =>
  pairs.filter((p) => workflowInfo().typedSearchAttributes.get(p.key) !== p.value);

/**
 * Keeps the workflow's search attributes equal to `view()`: upserts the pairs that differ now, and again whenever one
 * changes — one call per workflow instead of one at every transition. Only behind `patched('search-attributes')`: a
 * workflow started before it (a recorded history) emits no upsert when replayed.
 */
export function keepSearchAttributes(kind: ProcessKindName, view: () => ProcessView): void {
  if (!patched(SEARCH_ATTRIBUTES_PATCH)) return;
  const follow = async () => {
    for (;;) {
      await condition(() => changedPairs(pairsOf(kind, view())).length > 0);
      upsertSearchAttributes(changedPairs(pairsOf(kind, view())));
    }
  };
  // not cancellable: a cancelled workflow's clean-up may still move its state, and this loop must never reject unobserved
  void CancellationScope.nonCancellable(follow);
}
