/**
 * Suppliers engaged on a record: engaging one starts its underpinning contract's clocks,
 * acknowledging meets the response target, releasing (fulfilled) meets the resolution target and
 * withdrawing stops it. Shown inside the record's service level panel.
 */
import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { serviceLevelKeys } from '../../api/queries/serviceLevels.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { textOrNull } from '../../kit/form/patch.ts';
import { formatDateTime, useTimeZone } from '../../lib/time.tsx';
import { OrganisationSelect } from './pickers.tsx';

type Ref = { id: string; name: string };
type Engagement = {
  id: string;
  supplier: Ref;
  reference: string | null;
  engagedAt: string;
  acknowledgedAt: string | null;
  releasedAt: string | null;
  releaseNote: string | null;
};

/** What an agent can record on an engagement not yet released (acknowledging only once). */
const STEPS = [
  { label: 'Acknowledged', path: 'acknowledge', variant: 'light' },
  { label: 'Fulfilled', path: 'release', body: { outcome: 'fulfilled' }, variant: 'light', color: 'teal' },
  { label: 'Withdraw', path: 'release', body: { outcome: 'withdrawn' }, variant: 'subtle', color: 'gray' },
];

export function SupplierEngagements({ recordId, canManage }: { recordId: string; canManage: boolean }) {
  const qc = useQueryClient();
  const tz = useTimeZone();
  const key = ['records', recordId, 'suppliers'] as const;
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<Engagement[]>(`/records/${recordId}/suppliers`, undefined, signal),
  });
  const [supplierId, setSupplierId] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: serviceLevelKeys.recordSla(recordId) });
  };
  const act = useMutation({
    mutationFn: (a: { path: string; body?: unknown }) => api.post<Engagement>(a.path, a.body ?? {}),
    onSuccess: (e, a) => {
      refresh();
      if (a.path.endsWith('/suppliers')) {
        setSupplierId(null);
        setReference('');
        notifications.show({ color: 'teal', message: `${e.supplier.name} engaged` });
      }
    },
  });
  const base = `/records/${recordId}/suppliers`;
  const items = list.data ?? [];
  return (
    <Stack gap="xs" mt="sm" aria-label="Suppliers engaged">
      <Text size="sm" fw={600}>
        Suppliers
      </Text>
      {list.isError && <ErrorAlert error={list.error} title="Suppliers could not be loaded" />}
      {act.isError && <ErrorAlert error={act.error} title="Not done" />}
      {list.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No supplier engaged.
        </Text>
      )}
      {items.map((e) => (
        <Group key={e.id} justify="space-between" wrap="nowrap" gap="xs">
          <div>
            <Text size="sm">
              {e.supplier.name}
              {e.reference ? ` · ${e.reference}` : ''}
            </Text>
            <Text size="xs" c="dimmed">
              Engaged {formatDateTime(e.engagedAt, tz)}
              {e.acknowledgedAt ? ` · acknowledged ${formatDateTime(e.acknowledgedAt, tz)}` : ''}
              {e.releasedAt ? ` · released ${formatDateTime(e.releasedAt, tz)}` : ''}
            </Text>
          </div>
          {e.releasedAt ? (
            <Badge variant="light" color="gray">
              Released
            </Badge>
          ) : (
            canManage && (
              <Group gap={4} wrap="nowrap">
                {STEPS.filter((step) => step.path !== 'acknowledge' || !e.acknowledgedAt).map((step) => (
                  <Button
                    key={step.label}
                    size="compact-xs"
                    variant={step.variant}
                    color={step.color}
                    loading={act.isPending}
                    onClick={() => act.mutate({ path: `${base}/${e.id}/${step.path}`, body: step.body })}
                  >
                    {step.label}
                  </Button>
                ))}
              </Group>
            )
          )}
        </Group>
      ))}
      {canManage && (
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <OrganisationSelect
            kinds={['supplier']}
            label="Engage a supplier"
            placeholder="Supplier"
            size="xs"
            value={supplierId}
            onChange={setSupplierId}
            style={{ flex: 1 }}
          />
          <TextInput
            size="xs"
            label="Their ticket"
            placeholder="Optional"
            value={reference}
            onChange={(ev) => setReference(ev.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            size="xs"
            disabled={!supplierId}
            loading={act.isPending}
            onClick={() => act.mutate({ path: base, body: { supplierId, reference: textOrNull(reference) } })}
          >
            Engage
          </Button>
        </Group>
      )}
    </Stack>
  );
}
