/**
 * KPIs off target for several months running, suggested as improvements: accept one (raise a
 * proposal with the KPI as its source, prefilled) or dismiss it until a further red month.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import {
  raiseImprovementPath,
  useDismissSuggestion,
  useSuggestions,
} from '../../api/queries/improvements.ts';

export function SuggestionsPanel({ canRaise }: { canRaise: boolean }) {
  const suggestions = useSuggestions('');
  const dismiss = useDismissSuggestion();
  const items = suggestions.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconBulb size={18} aria-hidden />}
      title={`Suggested: KPIs off target ${suggestions.data!.periods} months running`}
      component="section"
      aria-label="Suggested improvements"
    >
      <Stack gap="xs">
        {items.map((s) => (
          <Group key={s.kpi.key} justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              <strong>{s.kpi.label}</strong>: {s.periods.map((p) => p.formatted).join(' → ')}
            </Text>
            {canRaise && (
              <Group gap="xs">
                <Button
                  size="xs"
                  component={Link}
                  to={raiseImprovementPath({
                    kind: 'kpi',
                    ref: s.kpi.key,
                    cut: s.serviceId ? { serviceId: s.serviceId } : {},
                  })}
                >
                  Raise improvement
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  loading={dismiss.isPending && dismiss.variables?.kpiKey === s.kpi.key}
                  onClick={() => dismiss.mutate({ kpiKey: s.kpi.key, serviceId: s.serviceId })}
                >
                  Dismiss
                </Button>
              </Group>
            )}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
