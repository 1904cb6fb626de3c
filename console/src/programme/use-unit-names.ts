import { useEffect, useState } from 'react';
import { api } from '../api/client';

/** Names of the communities and agencies the signed-in person may see, for showing ids as names. */
export function useUnitNames(): {
  names: Map<string, string>;
  communities: { id: string; name: string }[];
  agencies: { id: string; name: string }[];
} {
  const [units, setUnits] = useState<{ id: string; name: string; kind: string }[]>([]);
  useEffect(() => {
    let live = true;
    void Promise.all(
      (['COMMUNITY', 'AGENCY'] as const).map((kind) =>
        api.GET('/api/v1/org/units', { params: { query: { kind, pageSize: 200 } } }),
      ),
    ).then((answers) => {
      if (live) setUnits(answers.flatMap((a) => a.data?.items ?? []));
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
