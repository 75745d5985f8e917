/** Process administration: per process, its lifecycle, RACI matrix, categories and options. */
import { Stack } from '@mantine/core';
import { Navigate, useParams } from 'react-router-dom';
import { isProcessKey, PROCESS_LABELS } from '../../api/queries/process.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RouteTabs } from '../../kit/nav/RouteTabs.tsx';
import { adminAreas } from '../../lib/faces.ts';
import { CsatSettingsForm } from '../csat/CsatSettingsForm.tsx';
import { CategoriesEditor } from './CategoriesEditor.tsx';
import { LifecycleEditor } from './LifecycleEditor.tsx';
import { OptionsForm } from './OptionsForm.tsx';
import { ProcessSwitch } from './ProcessSwitch.tsx';
import { RaciPanel } from './RaciEditor.tsx';

const SECTIONS = ['lifecycle', 'raci', 'categories', 'options'] as const;
type Section = (typeof SECTIONS)[number];
const isSection = (s: string | undefined): s is Section => (SECTIONS as readonly string[]).includes(s ?? '');

export function ProcessAdminPage() {
  const { process, section } = useParams();
  const me = useMe();
  const canEdit = adminAreas(me).processes;
  if (!isProcessKey(process) || !isSection(section))
    return (
      <Navigate to={`/admin/processes/${isProcessKey(process) ? process : 'incident'}/lifecycle`} replace />
    );

  return (
    <Stack gap="md">
      <PageHeader
        title={`${PROCESS_LABELS[process]} process`}
        description="Lifecycle, roles and responsibilities, categories and options. Changes apply from the next action on a record."
        actions={<ProcessSwitch value={process} pathOf={(p) => `/admin/processes/${p}/${section}`} />}
      />
      <RouteTabs
        value={section}
        pathOf={(s) => `/admin/processes/${process}/${s}`}
        tabs={[
          {
            key: 'lifecycle',
            label: 'Lifecycle',
            panel: <LifecycleEditor process={process} canEdit={canEdit} />,
          },
          { key: 'raci', label: 'RACI', panel: <RaciPanel process={process} canEdit={canEdit} /> },
          {
            key: 'categories',
            label: 'Categories',
            panel: <CategoriesEditor process={process} canEdit={canEdit} />,
          },
          {
            key: 'options',
            label: 'Options',
            panel: (
              <Stack gap="md">
                <OptionsForm process={process} canEdit={canEdit} />
                {/* Resolving incidents and requests sends satisfaction surveys. */}
                {(process === 'incident' || process === 'request') && <CsatSettingsForm canEdit={canEdit} />}
              </Stack>
            ),
          },
        ]}
      />
    </Stack>
  );
}
