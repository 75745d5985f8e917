/** The KPI library as choices: select options, and a KPI's label by its key (the key itself until the library has loaded). */
import { useKpiDefinitions } from '../../api/queries/reports.ts';

export function useKpiChoices() {
  const kpis = useKpiDefinitions();
  const items = kpis.data?.items ?? [];
  return {
    loaded: kpis.data !== undefined,
    options: items.map((k) => ({ value: k.key, label: k.label })),
    label: (key: string) => items.find((k) => k.key === key)?.label ?? key,
  };
}
