/** Process administration: per process, its lifecycle, RACI matrix, categories and options. */
import { SegmentedControl, Stack, Tabs } from '@mantine/core';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { isProcessKey, PROCESS_KEYS, PROCESS_LABELS, type ProcessKey } from '../../api/queries/process.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { adminAreas } from '../../lib/faces.ts';
import { CategoriesEditor } from './CategoriesEditor.tsx';
import { LifecycleEditor } from './LifecycleEditor.tsx';
import { OptionsForm } from './OptionsForm.tsx';
import { RaciPanel } from './RaciEditor.tsx';

const SECTIONS = ['lifecycle', 'raci', 'categories', 'options'] as const;
type Section = (typeof SECTIONS)[number];
const SECTION_LABELS: Record<Section, string> = {
  lifecycle: 'Lifecycle',
  raci: 'RACI',
  categories: 'Categories',
  options: 'Options',
};
const isSection = (s: string | undefined): s is Section => (SECTIONS as readonly string[]).includes(s ?? '');

export function ProcessAdminPage() {
  const { process, section } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const canEdit = adminAreas(me).processes;
  if (!isProcessKey(process) || !isSection(section))
    return (
      <Navigate to={`/admin/processes/${isProcessKey(process) ? process : 'incident'}/lifecycle`} replace />
    );
  const go = (p: ProcessKey, s: Section) => navigate(`/admin/processes/${p}/${s}`);

  return (
    <Stack gap="md">
      <PageHeader
        title={`${PROCESS_LABELS[process]} process`}
        description="Lifecycle, roles and responsibilities, categories and options. Changes apply from the next action on a record."
        actions={
          <SegmentedControl
            aria-label="Process"
            data={PROCESS_KEYS.map((p) => ({ value: p, label: PROCESS_LABELS[p] }))}
            value={process}
            onChange={(p) => go(p as ProcessKey, section)}
          />
        }
      />
      <Tabs
        value={section}
        onChange={(s) => isSection(s ?? undefined) && go(process, s as Section)}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {SECTIONS.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {SECTION_LABELS[s]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="lifecycle">
          <LifecycleEditor process={process} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="raci">
          <RaciPanel process={process} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="categories">
          <CategoriesEditor process={process} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="options">
          <OptionsForm process={process} canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
