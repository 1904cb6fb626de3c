/** The part of the tree a caller may see for one permission: everything, or the subtrees under some units. */
export type UnitScope = { all: true } | { all: false; roots: string[] };

export const EVERYTHING: UnitScope = { all: true };
