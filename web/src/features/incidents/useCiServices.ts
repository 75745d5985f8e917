/**
 * The live services the chosen configuration items support, from the CMDB's impact walk of each:
 * what an incident on those CIs most likely disrupts. A service CI the portfolio does not run live
 * takes no records, so it is not offered. Shares its cache with the CI page's impact tab.
 */
import { useQueries } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { type CiRef, cmdbKeys, type Impact } from '../../api/queries/cmdb.ts';
import { useServiceChoices } from '../../api/queries/serviceLevels.ts';

export type SupportedService = { id: string; name: string; via: string };

export function useCiServices(cis: readonly CiRef[]): { services: SupportedService[]; pending: boolean } {
  const walks = useQueries({
    queries: cis.map((ci) => ({
      queryKey: cmdbKeys.impact(ci.id, 'impact', null),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<Impact>(`/cmdb/cis/${ci.id}/impact`, { maxNodes: 500 }, signal),
      staleTime: 60_000,
    })),
  });
  const portfolio = useServiceChoices();
  const live = new Set(
    (portfolio.data?.items ?? []).filter((s) => s.lifecycleStatus === 'live').map((s) => s.id),
  );
  const services = new Map<string, SupportedService>();
  walks.forEach((w, i) => {
    for (const s of w.data?.services ?? [])
      if (live.has(s.ci.id) && !services.has(s.ci.id))
        services.set(s.ci.id, { id: s.ci.id, name: s.ci.name, via: cis[i]?.name ?? '' });
  });
  return {
    services: [...services.values()],
    pending: portfolio.isPending || walks.some((w) => w.isPending),
  };
}
