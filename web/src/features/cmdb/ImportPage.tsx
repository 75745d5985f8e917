/**
 * Import CIs, relationships or assets from CSV or JSON: a dry run reports what each row would do
 * (created, updated, unchanged, rejected and why), then the real run shows a progress bar fed by
 * polling the import. Importing the same file again changes nothing.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  FileInput,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconFileUpload, IconPlayerPlay, IconTestPipe } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  IMPORT_TYPES,
  type ImportJob,
  type ImportOutcome,
  type ImportType,
  importDone,
  useImportJob,
  useImportRows,
  useRecentImports,
  useStartImport,
} from '../../api/queries/cmdb.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert, Forbidden, PageLoader } from '../../components/States.tsx';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { loadedItems } from '../../kit/list/loadedItems.ts';
import { MoreButton } from '../../kit/list/MoreButton.tsx';
import { cmdbAreas } from '../../lib/faces.ts';
import { optionsOf } from '../../lib/labels.ts';
import { Time } from '../../lib/time.tsx';
import { ciPath } from './shared.tsx';

const TYPE_LABELS: Record<ImportType, string> = {
  cis: 'CIs',
  relationships: 'Relationships',
  assets: 'Assets',
};

const EXAMPLES: Record<ImportType, string> = {
  cis: 'class,name,hostname,os,support_group,status\nvirtual_server,web-01,web-01.corp,linux,Linux Team,in_use',
  relationships: 'type,from,to\nruns_on,web-01.corp,esx-01\ndepends_on,Payroll,payroll-db',
  assets:
    'asset_tag,name,serial_number,state,cost,currency,purchase_date,ci\nAT-100,Laptop,SN-L1,in_stock,1200,EUR,2025-01-10,',
};

const OUTCOME_COLORS: Record<ImportOutcome, string> = {
  created: 'teal',
  updated: 'blue',
  unchanged: 'gray',
  rejected: 'red',
};
const OUTCOMES: ImportOutcome[] = ['created', 'updated', 'unchanged', 'rejected'];

function Counts({ job }: { job: ImportJob }) {
  return (
    <Group gap="xs" aria-label="Outcome counts">
      {OUTCOMES.map((o) => (
        <Badge key={o} color={OUTCOME_COLORS[o]} variant="light" size="lg">
          {job.counts[o]} {o}
        </Badge>
      ))}
    </Group>
  );
}

function RowsTable({ job }: { job: ImportJob }) {
  const [outcome, setOutcome] = useState<ImportOutcome | 'all'>('all');
  const rows = useImportRows(job.id, outcome === 'all' ? null : outcome, importDone(job));
  const items = loadedItems(rows.data);
  const linkable = job.type === 'cis' && !job.dryRun;
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label="Show rows"
        value={outcome}
        onChange={(v) => setOutcome(v as ImportOutcome | 'all')}
        data={[
          { value: 'all', label: 'All rows' },
          ...OUTCOMES.map((o) => ({ value: o, label: o[0]!.toUpperCase() + o.slice(1) })),
        ]}
        w="fit-content"
      />
      {rows.isPending ? (
        <PageLoader label="Loading rows" />
      ) : (
        <DataTable
          minWidth={600}
          fz="sm"
          verticalSpacing={4}
          aria-label="Rows"
          columns={[{ label: 'Row', w: 70 }, { label: 'Outcome', w: 120 }, 'Details']}
        >
          {items.map((r) => (
            <Table.Tr key={r.row}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>
                <Badge color={OUTCOME_COLORS[r.outcome]} variant="light">
                  {r.outcome}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.message ?? ''}
                {linkable && r.targetId && (
                  <>
                    {r.message ? ' · ' : ''}
                    <Anchor component={Link} to={ciPath(r.targetId)} size="sm">
                      open CI
                    </Anchor>
                  </>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <MoreButton query={rows} w="fit-content">
        More rows
      </MoreButton>
    </Stack>
  );
}

function JobPanel({
  jobId,
  onRunForReal,
  running,
}: {
  jobId: string;
  onRunForReal?: () => void;
  running: boolean;
}) {
  const job = useImportJob(jobId);
  const j = job.data;
  if (!j) return <PageLoader label="Loading import" />;
  const done = importDone(j);
  return (
    <Paper p="lg" component="section" aria-label={j.dryRun ? 'Dry run result' : 'Import result'}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {j.dryRun ? 'Dry run' : 'Import'} of {j.filename}
          </Title>
          <Text size="sm" c="dimmed">
            {TYPE_LABELS[j.type]} · {j.format.toUpperCase()}
          </Text>
        </Group>
        <Stack gap={4}>
          <Progress
            value={j.percent}
            size="lg"
            animated={!done}
            color={j.status === 'failed' ? 'red' : done ? 'teal' : 'blue'}
            aria-label="Import progress"
          />
          <Text size="sm" aria-live="polite">
            {j.status === 'pending' && `Waiting to start: ${j.total} rows`}
            {j.status === 'running' && `Processing: ${j.processed} of ${j.total} rows (${j.percent}%)`}
            {j.status === 'completed' &&
              (j.dryRun
                ? `Dry run complete: ${j.total} rows checked, nothing was changed.`
                : `Import complete: ${j.processed} of ${j.total} rows processed.`)}
            {j.status === 'failed' && `Import failed: ${j.failure ?? 'unknown error'}`}
          </Text>
        </Stack>
        {done && <Counts job={j} />}
        {done && j.dryRun && onRunForReal && (
          <Alert color="blue" title="Happy with the dry run?">
            <Stack gap="xs">
              <Text size="sm">
                Run the same file for real: rows marked created or updated are written, rejected rows are
                skipped.
              </Text>
              <Button
                leftSection={<IconPlayerPlay size={16} />}
                onClick={onRunForReal}
                loading={running}
                w="fit-content"
              >
                Run import for real
              </Button>
            </Stack>
          </Alert>
        )}
        {done && <RowsTable job={j} />}
      </Stack>
    </Paper>
  );
}

function RecentImports() {
  const recent = useRecentImports();
  if (!recent.data?.length) return null;
  return (
    <Paper p="lg" component="section" aria-label="Recent imports">
      <Title order={2} size="h4" mb="sm">
        Recent imports
      </Title>
      <DataTable
        minWidth={700}
        fz="sm"
        verticalSpacing={4}
        columns={['File', 'Type', 'Mode', 'Status', 'Outcome', 'By', 'When']}
      >
        {recent.data.map((j) => (
          <Table.Tr key={j.id}>
            <Table.Td>{j.filename}</Table.Td>
            <Table.Td>{TYPE_LABELS[j.type]}</Table.Td>
            <Table.Td>{j.dryRun ? 'Dry run' : 'Import'}</Table.Td>
            <Table.Td>{j.status === 'running' ? `${j.percent}%` : j.status}</Table.Td>
            <Table.Td>
              {j.counts.created} created, {j.counts.updated} updated, {j.counts.unchanged} unchanged,{' '}
              {j.counts.rejected} rejected
            </Table.Td>
            <Table.Td>{j.createdBy?.name ?? 'System'}</Table.Td>
            <Table.Td>
              <Time iso={j.createdAt} size="sm" />
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Paper>
  );
}

export function ImportPage() {
  const me = useMe();
  const start = useStartImport();
  const [type, setType] = useState<ImportType>('cis');
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  if (!cmdbAreas(me).manage) return <Forbidden what="CMDB imports" />;

  const run = (dryRun: boolean) => {
    if (!file) return;
    start.mutate({ type, dryRun, file }, { onSuccess: (job) => setJobId(job.id) });
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Import"
        description="Load CIs, relationships or assets from a CSV or JSON file. Try a dry run first: it changes nothing."
      />
      <Paper p="lg" component="section" aria-label="Upload">
        <Stack gap="md">
          <SegmentedControl
            aria-label="What to import"
            value={type}
            onChange={(v) => {
              setType(v as ImportType);
              setJobId(null);
            }}
            data={optionsOf(IMPORT_TYPES, TYPE_LABELS)}
            w="fit-content"
          />
          <FileInput
            label="File"
            placeholder="Choose a .csv or .json file"
            accept=".csv,.json,text/csv,application/json"
            value={file}
            onChange={(f) => {
              setFile(f);
              setJobId(null);
              start.reset();
            }}
            leftSection={<IconFileUpload size={16} />}
            clearable
            clearButtonProps={{ 'aria-label': 'Clear file' }}
            maw={520}
          />
          <Text size="sm" c="dimmed">
            CSV: the first line names the columns; a blank cell clears a field. JSON: an array of objects.
            Example:
          </Text>
          <Code block>{EXAMPLES[type]}</Code>
          <ErrorAlert error={start.error} title="The file was not accepted" />
          <Group>
            <Button
              variant="light"
              leftSection={<IconTestPipe size={16} />}
              disabled={!file}
              loading={start.isPending && start.variables?.dryRun === true}
              onClick={() => run(true)}
            >
              Dry run
            </Button>
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              disabled={!file}
              loading={start.isPending && start.variables?.dryRun === false}
              onClick={() => run(false)}
            >
              Import
            </Button>
          </Group>
        </Stack>
      </Paper>
      {jobId && (
        <JobPanel key={jobId} jobId={jobId} running={start.isPending} onRunForReal={() => run(false)} />
      )}
      <RecentImports />
    </Stack>
  );
}
