import { useEffect, useState } from 'react';
import { api } from '../api/client';

interface Unit {
  id: string;
  name: string;
  kind: string;
}

/**
 * Names of the communities and agencies the signed-in person deals with: the units they may read, and both sides of
 * the pairings in their scope (an agency's members may not read a community's unit, yet serve in it).
 */
export function useUnitNames(): {
  names: Map<string, string>;
  communities: { id: string; name: string }[];
  agencies: { id: string; name: string }[];
} {
  const [units, setUnits] = useState<Unit[]>([]);
  useEffect(() => {
    let live = true;
    void Promise.all([
      ...(['COMMUNITY', 'AGENCY'] as const).map((kind) =>
        api
          .GET('/api/v1/org/units', { params: { query: { kind, pageSize: 200 } } })
          .then(({ data }) => (data?.items ?? []) as Unit[]),
      ),
      api.GET('/api/v1/programme/pairings', { params: { query: { pageSize: 200 } } }).then(({ data }) =>
        (data?.items ?? []).flatMap((p) => [
          { id: p.communityId, name: p.communityName, kind: 'COMMUNITY' },
          { id: p.partyOrgId, name: p.partyOrgName, kind: 'AGENCY' },
        ]),
      ),
    ]).then((lists) => {
      if (!live) return;
      const byId = new Map(lists.flat().map((u) => [u.id, u]));
      setUnits([...byId.values()]);
    });
    return () => {
      live = false;
    };
  }, []);
  return {
    names: new Map(units.map((u) => [u.id, u.name])),
    communities: units.filter((u) => u.kind === 'COMMUNITY'),
    agencies: units.filter((u) => u.kind === 'AGENCY'),
  };
}
