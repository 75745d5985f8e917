/**
 * Dashboards: a ready-made one per role, the caller's own and the shared ones. Every widget is a
 * KPI over the page's period and cut; editing adds, removes and reorders widgets, and saves them
 * as one's own dashboard (optionally shared with the whole IT organisation).
 */
import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import {
  type DashboardView,
  type DashboardWidget,
  type RoleDashboard,
  useDashboards,
  useDeleteDashboard,
  useKpi,
  useSaveDashboard,
} from '../../api/queries/reports.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert, ErrorState, PageLoader } from '../../components/States.tsx';
import { MoveButtons, moveItem } from '../../kit/form/MoveButtons.tsx';
import { failedAs } from '../../kit/notifyFailure.ts';
import { labelOptions } from '../../lib/labels.ts';
import { ReportFilterBar, useReportFilters } from './filters.tsx';
import { barDimension, CHART_LABELS } from './format.ts';
import { KpiWidget } from './KpiWidget.tsx';
import { useKpiChoices } from './useKpiChoices.ts';

type Board = {
  key: string;
  name: string;
  role: RoleDashboard['role'];
  widgets: DashboardWidget[];
  own?: DashboardView;
};

function defaultRole(roles: readonly string[]): RoleDashboard['role'] {
  if (roles.includes('service_manager') || roles.includes('admin')) return 'service_manager';
  if (roles.includes('process_owner')) return 'process_owner';
  if (roles.includes('agent')) return 'agent';
  return 'executive';
}

/** The query a widget's chart needs on top of the page's cut. */
function widgetQuery(w: DashboardWidget, query: Record<string, string>): Record<string, string> {
  if (w.chart === 'bars') return { ...query, by: barDimension({ key: w.kpi }) };
  if (w.chart === 'stacked') return { ...query, split: 'state' };
  if (w.chart === 'heatmap')
    return { ...query, by: 'weekday_hour', tz: Intl.DateTimeFormat().resolvedOptions().timeZone };
  return query;
}

function Widget({
  widget,
  query,
  search,
  actions,
}: {
  widget: DashboardWidget;
  query: Record<string, string>;
  search: string;
  actions?: React.ReactNode;
}) {
  const r = useKpi(widget.kpi, widgetQuery(widget, query));
  return (
    <KpiWidget
      widget={widget}
      result={r.data}
      search={search}
      pending={r.isPending}
      error={r.isError ? r.error : undefined}
      onRetry={() => r.refetch()}
      actions={actions}
    />
  );
}

export function DashboardPage() {
  const me = useMe();
  const { board: boardKey } = useParams();
  const navigate = useNavigate();
  const { search } = useLocation();
  const { state, query } = useReportFilters();
  const list = useDashboards();
  const kpis = useKpiChoices();
  const save = useSaveDashboard();
  const remove = useDeleteDashboard();
  const [draft, setDraft] = useState<{ name: string; shared: boolean; widgets: DashboardWidget[] } | null>(
    null,
  );
  const [adding, setAdding] = useState<{ kpi: string | null; chart: string | null }>({
    kpi: null,
    chart: 'value',
  });

  if (list.isPending) return <PageLoader label="Loading dashboards" />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;

  const boards: Board[] = [
    ...list.data.roles.map((r) => ({
      key: `role-${r.role}`,
      name: `${r.label} dashboard`,
      role: r.role,
      widgets: r.widgets,
    })),
    ...list.data.items.map((d) => ({ key: d.id, name: d.name, role: d.role, widgets: d.widgets, own: d })),
  ];
  const current =
    boards.find((b) => b.key === boardKey) ?? boards.find((b) => b.key === `role-${defaultRole(me.roles)}`)!;
  const widgets = draft?.widgets ?? current.widgets;
  const mine = current.own?.mine === true;
  // A dashboard may show one KPI twice with the same chart: the nth repeat tells them apart.
  const keyed = widgets.map((w, i) => ({
    w,
    id: `${w.kpi}-${w.chart}-${widgets.slice(0, i).filter((x) => x.kpi === w.kpi && x.chart === w.chart).length}`,
  }));

  const startEditing = () =>
    setDraft({
      name: mine ? current.name : `My ${current.name.replace(/ dashboard$/, '').toLowerCase()} dashboard`,
      shared: current.own?.shared ?? false,
      widgets: [...current.widgets],
    });
  const move = (i: number, by: -1 | 1) => setDraft((d) => d && { ...d, widgets: moveItem(d.widgets, i, by) });
  const onSave = () => {
    if (!draft) return;
    const input = { name: draft.name, role: current.role, shared: draft.shared, widgets: draft.widgets };
    save.mutate(mine ? { id: current.own!.id, version: current.own!.version, input } : { input }, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: `${saved.name} saved` });
        setDraft(null);
        navigate(`/dashboard/${saved.id}${search}`);
      },
    });
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={current.name}
        description="KPIs of the chosen period against their targets. Pick another dashboard, cut by service, customer, group, agent, priority or record type, and open the records behind any number."
        actions={
          <>
            <Select
              label="Dashboard"
              data={boards.map((b) => ({
                value: b.key,
                label: b.own ? `${b.name}${b.own.mine ? '' : ` (shared by ${b.own.owner.name})`}` : b.name,
              }))}
              value={current.key}
              onChange={(v) => {
                setDraft(null);
                if (v) navigate(`/dashboard/${v}${search}`);
              }}
              allowDeselect={false}
              w={280}
            />
            {!draft && (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={startEditing} mt={24}>
                {mine ? 'Edit dashboard' : 'Arrange a copy'}
              </Button>
            )}
            {mine && !draft && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                mt={24}
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(current.own!.id, {
                    onSuccess: () => navigate(`/dashboard${search}`),
                    onError: failedAs(),
                  })
                }
              >
                Delete
              </Button>
            )}
          </>
        }
      />
      <ReportFilterBar state={state} />
      {draft && (
        <Paper p="md" withBorder>
          <Stack gap="sm">
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label="Name"
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
                w={320}
                required
              />
              <Switch
                label="Share with the IT organisation"
                checked={draft.shared}
                onChange={(e) => setDraft({ ...draft, shared: e.currentTarget.checked })}
                mb={8}
              />
            </Group>
            <Group align="flex-end" wrap="wrap">
              <Select
                label="KPI to add"
                searchable
                data={kpis.options}
                value={adding.kpi}
                onChange={(v) => setAdding({ ...adding, kpi: v })}
                w={320}
              />
              <Select
                label="Chart"
                data={labelOptions(CHART_LABELS)}
                value={adding.chart}
                onChange={(v) => setAdding({ ...adding, chart: v })}
                allowDeselect={false}
                w={260}
              />
              <Button
                variant="default"
                disabled={!adding.kpi}
                onClick={() =>
                  setDraft({
                    ...draft,
                    widgets: [
                      ...draft.widgets,
                      { kpi: adding.kpi!, chart: adding.chart as DashboardWidget['chart'] },
                    ],
                  })
                }
              >
                Add widget
              </Button>
            </Group>
            {save.isError && <ErrorAlert error={save.error} title="The dashboard was not saved" />}
            <Group>
              <Button onClick={onSave} loading={save.isPending} disabled={!draft.name.trim()}>
                {mine ? 'Save dashboard' : 'Save as my dashboard'}
              </Button>
              <Button variant="default" onClick={() => setDraft(null)}>
                Cancel
              </Button>
              <Text size="sm" c="dimmed">
                Move widgets with the arrows; remove them with ×.
              </Text>
            </Group>
          </Stack>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {keyed.map(({ w, id }, i) => (
          <Widget
            key={id}
            widget={w}
            query={query}
            search={search}
            actions={
              draft && (
                <Group gap={2} wrap="nowrap">
                  <MoveButtons
                    name={kpis.label(w.kpi)}
                    index={i}
                    count={widgets.length}
                    onMove={(by) => move(i, by)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${kpis.label(w.kpi)}`}
                    onClick={() => setDraft({ ...draft, widgets: draft.widgets.filter((_, j) => j !== i) })}
                  >
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
              )
            }
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
