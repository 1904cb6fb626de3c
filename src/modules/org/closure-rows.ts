/** Closure-table rows for a new unit: every ancestor of its parent one step further away, plus itself at 0. */
export function closureRowsFor(unitId: string, parentAncestors: { ancestorId: string; distance: number }[]) {
  return [
    { ancestorId: unitId, descendantId: unitId, distance: 0 },
    ...parentAncestors.map((a) => ({ ancestorId: a.ancestorId, descendantId: unitId, distance: a.distance + 1 })),
  ];
}
