/**
 * Problem management on an incident page (agents): the problems the incident is linked to, the
 * known errors suggested for it (similar text, same CI, same service) with "Apply" (links the
 * incident to the known error's problem and copies the workaround as an internal note), and
 * "Raise problem" from this incident.
 */
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBug } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useApplyKnownError, useKnownErrorSuggestions } from '../../api/queries/problems.ts';
import { useLinks } from '../../api/queries/records.ts';
import type { Incident } from '../../api/types.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { BareList } from '../../kit/list/BareList.tsx';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { humanize } from '../../lib/labels.ts';
import { REASON_LABELS } from './labels.ts';

export function IncidentProblemPanel({ rec }: { rec: Incident }) {
  const links = useLinks(rec.id);
  const problems = (links.data ?? []).filter((l) => l.record.type === 'problem');
  const open = rec.stateCategory === 'open' || rec.stateCategory === 'paused';
  const canWork = rec.allowedActions.includes('update') && rec.allowedActions.includes('comment_internal');
  const suggestions = useKnownErrorSuggestions(rec.id, canWork);
  const apply = useApplyKnownError(rec.id);
  const raise = `/problems/new?incidents=${encodeURIComponent(rec.number)}&title=${encodeURIComponent(rec.title)}`;
  if (!canWork) return null;
  return (
    <RecordPanel
      id="incident-problems-title"
      title="Problems and known errors"
      gap="sm"
      actions={
        open && (
          <Button
            component={Link}
            to={raise}
            size="compact-sm"
            variant="light"
            leftSection={<IconBug size={14} />}
          >
            Raise problem
          </Button>
        )
      }
    >
      {problems.length > 0 && (
        <BareList gap={4} aria-label="Linked problems">
          {problems.map((l) => (
            <Group key={l.id} gap="xs" wrap="nowrap" component="li">
              <Anchor component={Link} to={`/problems/${l.record.number}`} size="sm">
                {l.record.number}
              </Anchor>
              <Text size="sm" lineClamp={1} style={{ flex: 1 }}>
                {l.record.title}
              </Text>
              <Badge variant="light" color="gray">
                {humanize(l.record.state)}
              </Badge>
            </Group>
          ))}
        </BareList>
      )}
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        Suggested known errors
      </Text>
      {suggestions.isPending ? (
        <Text size="sm" c="dimmed">
          Looking for known errors…
        </Text>
      ) : suggestions.isError ? (
        <ErrorAlert error={suggestions.error} title="Could not load suggestions" />
      ) : suggestions.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No known error matches this incident’s text, CIs or service.
        </Text>
      ) : (
        <BareList gap="xs" aria-label="Suggested known errors">
          {suggestions.data.items.map((ke) => (
            <Paper key={ke.id} withBorder p="xs" radius="sm" component="li">
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text size="sm" fw={600}>
                    {ke.title}
                  </Text>
                  {ke.applied ? (
                    <Badge color="teal" variant="light">
                      Applied
                    </Badge>
                  ) : (
                    <Button
                      size="compact-sm"
                      aria-label={`Apply known error ${ke.title}`}
                      loading={apply.isPending && apply.variables === ke.id}
                      onClick={() =>
                        apply.mutate(ke.id, {
                          onSuccess: () =>
                            notifications.show({
                              color: 'teal',
                              message: `Linked to ${ke.problemNumber}; the workaround is in the activity`,
                            }),
                        })
                      }
                    >
                      Apply
                    </Button>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {ke.reasons.map((r) => REASON_LABELS[r]).join(' · ')} · {ke.problemNumber}
                </Text>
                <Text size="sm" lineClamp={3}>
                  Workaround: {ke.workaround}
                </Text>
              </Stack>
            </Paper>
          ))}
        </BareList>
      )}
      <ErrorAlert error={apply.error} title="Could not apply the known error" />
    </RecordPanel>
  );
}

/** The incident queue's bulk action: raise one problem from the selected incidents. */
export function RaiseProblemFromSelection({ rows }: { rows: Incident[] }) {
  const numbers = rows.map((r) => r.number).join(',');
  return (
    <Group justify="flex-end">
      <Button
        component={Link}
        to={`/problems/new?incidents=${encodeURIComponent(numbers)}`}
        variant="light"
        leftSection={<IconBug size={16} />}
      >
        Raise problem from {rows.length} incident{rows.length === 1 ? '' : 's'}
      </Button>
    </Group>
  );
}
