/** Create a rule, or edit one and read its run log. */
import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  type AutomationRule,
  isProcessKey,
  PROCESS_LABELS,
  type ProcessKey,
  useAutomationRules,
  useCreateRule,
  useIncidentNumbers,
  useRuleRuns,
  useUpdateRule,
} from '../../api/queries/process.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, NotFoundPage } from '../../components/States.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { LoadedTable } from '../../kit/list/LoadedTable.tsx';
import { BackCrumbs } from '../../kit/nav/BackCrumbs.tsx';
import { humanize } from '../../lib/labels.ts';
import { Time } from '../../lib/time.tsx';
import { inputOf, useRuleNames } from './AutomationRulesPage.tsx';
import { EMPTY_RULE, RuleForm } from './RuleForm.tsx';
import { ruleText } from './ruleText.ts';

function Crumbs({ process, here }: { process: ProcessKey; here: string }) {
  return (
    <BackCrumbs
      to={`/admin/automation/${process}`}
      label={`Automation rules (${PROCESS_LABELS[process]})`}
      here={here}
      mb="xs"
    />
  );
}

function RunLog({ process, rule }: { process: ProcessKey; rule: AutomationRule }) {
  const runs = useRuleRuns(rule.id);
  const numbers = useIncidentNumbers(
    (runs.data ?? []).map((r) => r.recordId),
    process === 'incident' && !!runs.data,
  );
  return (
    <Paper p="lg">
      <Title order={2} size="h4" mb="sm">
        Run log
      </Title>
      <LoadedTable
        query={runs}
        label="Loading runs"
        rows={(data) => [...data].reverse()}
        empty={<EmptyState title="No runs yet">The rule has not matched a record yet.</EmptyState>}
        minWidth={600}
        verticalSpacing="xs"
        aria-label="Run log"
        columns={['When', 'Record', 'Event', 'Outcome', 'Details']}
        cells={(r) => {
          const number = numbers.get(r.recordId);
          return (
            <>
              <Table.Td>
                <Time iso={r.at} size="sm" />
              </Table.Td>
              <Table.Td>
                {process === 'incident' ? (
                  <Anchor component={Link} to={`/incidents/${number ?? r.recordId}`} size="sm">
                    {number ?? 'Open incident'}
                  </Anchor>
                ) : (
                  <Text size="sm" ff="monospace">
                    {r.recordId.slice(0, 8)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{humanize(r.event)}</Table.Td>
              <Table.Td>
                <Badge color={r.outcome === 'applied' ? 'teal.9' : 'orange.9'} variant="filled">
                  {humanize(r.outcome)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {Object.entries(r.details)
                    .map(
                      ([k, v]) =>
                        `${humanize(k)}: ${Array.isArray(v) ? v.map(humanize).join(', ') : String(v)}`,
                    )
                    .join(' · ')}
                </Text>
              </Table.Td>
            </>
          );
        }}
      />
    </Paper>
  );
}

function EditRule({ process, rule }: { process: ProcessKey; rule: AutomationRule }) {
  const navigate = useNavigate();
  const update = useUpdateRule(process);
  const names = useRuleNames([rule]);
  return (
    <Stack gap="md">
      <div>
        <Crumbs process={process} here={rule.name} />
        <PageHeader title={rule.name} description={ruleText(rule, names)} />
      </div>
      <RuleForm
        key={rule.version}
        process={process}
        initial={inputOf(rule)}
        saving={update.isPending}
        error={update.error}
        submitLabel="Save rule"
        onCancel={() => navigate(`/admin/automation/${process}`)}
        onSubmit={(input) =>
          update.mutate(
            { id: rule.id, input, version: rule.version },
            { onSuccess: (r) => notifications.show({ color: 'teal', message: `“${r.name}” saved` }) },
          )
        }
      />
      <RunLog process={process} rule={rule} />
    </Stack>
  );
}

export function RulePage() {
  const { process, ruleId } = useParams();
  const navigate = useNavigate();
  const key: ProcessKey = isProcessKey(process) ? process : 'incident';
  const rules = useAutomationRules(key);
  const create = useCreateRule(key);
  if (!isProcessKey(process)) return <NotFoundPage />;
  if (ruleId === 'new')
    return (
      <Stack gap="md">
        <div>
          <Crumbs process={process} here="New rule" />
          <PageHeader
            title="New automation rule"
            description={`For ${PROCESS_LABELS[process].toLowerCase()} records.`}
          />
        </div>
        <RuleForm
          process={process}
          initial={EMPTY_RULE}
          saving={create.isPending}
          error={create.error}
          submitLabel="Create rule"
          onCancel={() => navigate(`/admin/automation/${process}`)}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (r) => {
                notifications.show({ color: 'teal', message: `“${r.name}” created` });
                navigate(`/admin/automation/${process}/${r.id}`, { replace: true });
              },
            })
          }
        />
      </Stack>
    );
  return (
    <Loaded query={rules} label="Loading rule">
      {(data) => {
        const rule = data.find((r) => r.id === ruleId);
        return rule ? <EditRule process={process} rule={rule} /> : <NotFoundPage />;
      }}
    </Loaded>
  );
}
