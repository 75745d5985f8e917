/** One improvement proposal on the record-page kit: its source, benefit, services, KPIs, measured outcome, activity. */
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import {
  type ImprovementView,
  useImprovement,
  useImprovementTransition,
  useUpdateImprovement,
} from '../../api/queries/improvements.ts';
import { useServiceChoices } from '../../api/queries/serviceLevels.ts';
import { Facts, Section } from '../../kit/detail/Section.tsx';
import { assignByPatch } from '../../kit/record/AssignToMe.tsx';
import type { StaffRecordFrame, StaffRecordParts } from '../../kit/record/StaffRecordPage.tsx';
import { TransitionBar } from '../../kit/record/TransitionBar.tsx';
import { recordPath } from '../../records/registry.ts';
import { StaffTypePage } from '../../records/StaffTypePage.tsx';
import { kpiPath } from '../reports/KpiWidget.tsx';
import { useKpiChoices } from '../reports/useKpiChoices.ts';
import { SOURCE_LABELS } from './labels.ts';
import { OutcomeTable } from './OutcomeTable.tsx';

const useAssignSave = (rec: ImprovementView) => assignByPatch(useUpdateImprovement(rec), rec);

/** Where the proposal came from, as a link where there is something to open. */
function SourceText({ rec }: { rec: ImprovementView }) {
  const kpis = useKpiChoices();
  const ref = rec.sourceRef;
  if (!ref) return <Text size="sm">{SOURCE_LABELS[rec.sourceKind]}</Text>;
  const search = rec.kpiFilter?.serviceId ? `?serviceId=${rec.kpiFilter.serviceId}` : '';
  const link =
    rec.sourceKind === 'kpi'
      ? { to: kpiPath(ref, search), label: kpis.label(ref) }
      : rec.sourceKind === 'problem'
        ? { to: recordPath('problem', ref), label: ref }
        : rec.sourceKind === 'pir'
          ? { to: recordPath('change', ref), label: ref }
          : { to: `/services/${ref}`, label: 'the service' };
  return (
    <Text size="sm">
      {SOURCE_LABELS[rec.sourceKind]}:{' '}
      <Anchor component={Link} to={link.to}>
        {link.label}
      </Anchor>
    </Text>
  );
}

function DetailsPanel({ rec }: { rec: ImprovementView }) {
  const services = useServiceChoices();
  const name = (id: string) => services.data?.items.find((s) => s.id === id)?.name ?? 'A service';
  return (
    <Section title="Proposal">
      <Facts
        items={[
          ['Source', <SourceText key="source" rec={rec} />],
          [
            'Expected benefit',
            <Text key="benefit" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {rec.expectedBenefit}
            </Text>,
          ],
          ['Owner', rec.assignee?.name ?? 'No owner yet'],
          [
            'Services',
            rec.serviceIds.length ? (
              <Group key="services" gap={4}>
                {rec.serviceIds.map((id) => (
                  <Badge key={id} variant="light" color="gray">
                    {name(id)}
                  </Badge>
                ))}
              </Group>
            ) : (
              'None'
            ),
          ],
        ]}
      />
    </Section>
  );
}

function useImprovementParts({ rec, onStale }: StaffRecordFrame<ImprovementView>): StaffRecordParts {
  const run = useImprovementTransition(rec);
  return {
    verb: 'Proposed',
    actions: <TransitionBar rec={rec} run={run} noun="improvement" onStale={onStale} />,
    panels: (
      <>
        <DetailsPanel rec={rec} />
        <Section title="Measured outcome">
          <OutcomeTable outcomes={rec.outcomes} label={`Outcome of ${rec.number}`} />
          <Text size="xs" c="dimmed">
            Before: the {rec.outcomeDays} days before it was{' '}
            {rec.state === 'proposed' ? 'raised' : 'approved'}. After: the {rec.outcomeDays} days after it was
            done.
          </Text>
        </Section>
      </>
    ),
  };
}

export function ImprovementPage() {
  return (
    <StaffTypePage
      type="improvement"
      useRecord={useImprovement}
      useAssignSave={useAssignSave}
      useParts={useImprovementParts}
    />
  );
}
