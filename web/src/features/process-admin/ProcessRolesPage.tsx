/**
 * "Roles and responsibilities": the RACI matrix of a process, its owner and manager, and who is
 * told when each transition is taken, read-only for everyone on the staff side. Administrators
 * and process owners get a link to edit it.
 */
import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate, useParams } from 'react-router-dom';
import {
  isProcessKey,
  type LifecycleTransitionDef,
  PROCESS_LABELS,
  type ProcessKey,
  useProcessLifecycle,
  useRaci,
} from '../../api/queries/process.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { adminAreas } from '../../lib/faces.ts';
import { notifyText } from './lifecycleText.ts';
import { ProcessSwitch } from './ProcessSwitch.tsx';
import { RaciMatrixView } from './RaciEditor.tsx';

function Matrix({ process }: { process: ProcessKey }) {
  return (
    <Loaded query={useRaci(process)} label="Loading roles and responsibilities">
      {(doc) => <RaciMatrixView raci={doc.raci} />}
    </Loaded>
  );
}

function WhoIsTold({ process }: { process: ProcessKey }) {
  return (
    <Loaded query={useProcessLifecycle(process)} label="Loading lifecycle">
      {(doc) => <ToldList transitions={doc.lifecycle.transitions} />}
    </Loaded>
  );
}

function ToldList({ transitions }: { transitions: LifecycleTransitionDef[] }) {
  const told = transitions.flatMap((t) => {
    const text = notifyText(t);
    return text ? [{ key: t.key, label: t.label, text }] : [];
  });
  if (told.length === 0) return <Text size="sm">No transition of this process notifies anyone.</Text>;
  return (
    <List size="sm" spacing={4}>
      {told.map((t) => (
        <List.Item key={t.key}>
          <Text span fw={600} size="sm">
            {t.label}
          </Text>
          : {t.text.charAt(0).toLowerCase() + t.text.slice(1)}
        </List.Item>
      ))}
    </List>
  );
}

export function ProcessRolesPage() {
  const { process } = useParams();
  const me = useMe();
  if (!isProcessKey(process)) return <Navigate to="/processes/incident/roles" replace />;
  const canEdit = adminAreas(me).processes;
  return (
    <Stack gap="md">
      <PageHeader
        title="Roles and responsibilities"
        description={`Who is responsible, accountable, consulted and informed in the ${PROCESS_LABELS[process].toLowerCase()} process.`}
        actions={<ProcessSwitch value={process} pathOf={(p) => `/processes/${p}/roles`} />}
      />
      <Paper p="lg">
        <Title order={2} size="h4" mb="md">
          RACI matrix
        </Title>
        <Matrix process={process} />
        <Text size="sm" c="dimmed" mt="md">
          Approving and closing may be done only by a responsible or accountable party.
          {canEdit && (
            <>
              {' '}
              <Anchor component={Link} to={`/admin/processes/${process}/raci`} underline="always">
                Edit the matrix
              </Anchor>
            </>
          )}
        </Text>
      </Paper>
      <Paper p="lg">
        <Title order={2} size="h4" mb="md">
          Who is told
        </Title>
        <WhoIsTold process={process} />
      </Paper>
    </Stack>
  );
}
