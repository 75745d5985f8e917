/** One asset: its lifecycle (ordered → in stock → deployed → in repair → retired → disposed), fields and history. */
import {
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  ASSET_STATE_LABELS,
  ASSET_STATES,
  type Asset,
  type AssetState,
  useAsset,
  useAssetHistory,
  useTransitionAsset,
  useUpdateAsset,
} from '../../api/queries/cmdb.ts';
import type { PersonRef } from '../../api/types.ts';
import { UserPicker } from '../../components/Pickers.tsx';
import { ErrorAlert, ErrorState, PageLoader, RecordNotFound } from '../../components/States.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { AssetFields, assetBody, draftOfAsset } from './AssetForm.tsx';
import { AssetStateBadge } from './AssetsPage.tsx';
import { Fact, fieldErrorMap, formatMoney, HistoryTable } from './shared.tsx';

function Lifecycle({ asset }: { asset: Asset }) {
  const move = useTransitionAsset(asset.id);
  const [to, setTo] = useState<AssetState | null>(null);
  const [person, setPerson] = useState<PersonRef | null>(asset.assignedTo);
  const [location, setLocation] = useState(asset.location ?? '');
  const [note, setNote] = useState('');
  const canMove = asset.allowedActions.includes('transition');
  const reached = ASSET_STATES.indexOf(asset.state);
  return (
    <Paper p="lg" component="section" aria-label="Lifecycle">
      <Stack gap="sm">
        <Title order={2} size="h5">
          Lifecycle
        </Title>
        <Group gap={4} aria-label="Lifecycle states">
          {ASSET_STATES.map((s, i) => (
            <Text
              key={s}
              size="xs"
              fw={s === asset.state ? 700 : 400}
              c={s === asset.state ? undefined : i < reached ? 'dimmed' : undefined}
            >
              {ASSET_STATE_LABELS[s]}
              {i < ASSET_STATES.length - 1 ? ' →' : ''}
            </Text>
          ))}
        </Group>
        {canMove && asset.nextStates.length > 0 ? (
          <Group gap="xs">
            {asset.nextStates.map((s) => (
              <Button key={s} size="xs" variant="light" onClick={() => setTo(s)}>
                {ASSET_STATE_LABELS[s]}
              </Button>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {asset.nextStates.length === 0 ? 'Disposal is final.' : 'You may not move assets.'}
          </Text>
        )}
      </Stack>
      <Modal
        opened={to !== null}
        onClose={() => setTo(null)}
        title={to ? `Move to ${ASSET_STATE_LABELS[to]}` : ''}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!to) return;
            move.mutate(
              {
                input: {
                  to,
                  assignedToId: person?.id ?? null,
                  location: location.trim() || null,
                  note: note || undefined,
                },
                version: asset.version,
              },
              {
                onSuccess: (a) => {
                  notifications.show({
                    color: 'teal',
                    message: `${a.assetTag} is now ${a.stateLabel.toLowerCase()}`,
                  });
                  setTo(null);
                  setNote('');
                },
              },
            );
          }}
        >
          <Stack>
            <ErrorAlert error={move.error} title="Not moved" />
            {to === 'deployed' && (
              <Text size="sm">A deployed asset must be assigned to a person or a location.</Text>
            )}
            <UserPicker label="Assigned to" placeholder="Nobody" value={person} onChange={setPerson} />
            <TextInput
              label="Location"
              value={location}
              onChange={(e) => setLocation(e.currentTarget.value)}
            />
            <Textarea label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTo(null)}>
                Cancel
              </Button>
              <Button type="submit" loading={move.isPending}>
                Move
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}

function Details({ asset }: { asset: Asset }) {
  const save = useUpdateAsset(asset.id);
  const [base, setBase] = useState({ version: asset.version, draft: draftOfAsset(asset) });
  const [draft, setDraft] = useState(base.draft);
  const patch = assetBody(draft, base.draft);
  const dirty = Object.keys(patch).length > 0;
  if (asset.version !== base.version && !dirty && !save.isPending) {
    const next = { version: asset.version, draft: draftOfAsset(asset) };
    setBase(next);
    setDraft(next.draft);
  }
  const canEdit = asset.allowedActions.includes('update');
  const errors = fieldErrorMap(save.error);
  return (
    <Paper p="lg" component="section" aria-label="Asset details">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { patch, version: base.version },
            {
              onSuccess: (a) => {
                const next = { version: a.version, draft: draftOfAsset(a) };
                setBase(next);
                setDraft(next.draft);
                notifications.show({ color: 'teal', message: `${a.assetTag} saved` });
              },
            },
          );
        }}
      >
        <Stack>
          {save.error && !Object.keys(errors).length ? (
            <ErrorAlert
              error={save.error}
              title={
                save.error instanceof ApiError && save.error.isStale
                  ? 'Someone else changed this asset; reload the page'
                  : 'Not saved'
              }
            />
          ) : null}
          <AssetFields
            draft={draft}
            onChange={setDraft}
            errors={errors}
            readOnly={!canEdit}
            withAssignment={false}
          />
          {canEdit && (
            <Group justify="flex-end">
              {dirty && (
                <Button variant="default" onClick={() => setDraft(base.draft)}>
                  Discard changes
                </Button>
              )}
              <Button type="submit" disabled={!dirty} loading={save.isPending}>
                Save changes
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function History({ id }: { id: string }) {
  const history = useAssetHistory(id);
  if (history.isPending) return <PageLoader label="Loading history" />;
  if (history.isError) return <ErrorState error={history.error} />;
  return <HistoryTable entries={history.data} label="Asset history" />;
}

export function AssetPage() {
  const { ref = '' } = useParams();
  const asset = useAsset(ref);
  useDocumentTitle(asset.data ? `${asset.data.assetTag} ${asset.data.name}` : ref);
  if (asset.isPending) return <PageLoader label="Loading asset" />;
  if (asset.isError) {
    if (asset.error instanceof ApiError && asset.error.isNotFound)
      return <RecordNotFound number={ref} backTo="/cmdb/assets" backLabel="Back to assets" />;
    return <ErrorState error={asset.error} onRetry={() => asset.refetch()} />;
  }
  const a = asset.data;
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Breadcrumbs>
          <Anchor component={Link} to="/cmdb/assets" size="sm">
            Assets
          </Anchor>
          <Text size="sm">{a.assetTag}</Text>
        </Breadcrumbs>
        <Title order={1} size="h2">
          <Text span inherit c="dimmed">
            {a.assetTag}
          </Text>{' '}
          {a.name}
        </Title>
        <Group gap="xs">
          <AssetStateBadge state={a.state} />
          <Text size="sm" c="dimmed">
            {a.assignedTo ? `with ${a.assignedTo.name}` : 'not assigned to anyone'}
            {a.location ? ` · ${a.location}` : ''}
          </Text>
        </Group>
      </Stack>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Details key={a.id} asset={a} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <Lifecycle key={`${a.id}-${a.version}`} asset={a} />
            <Paper p="lg" component="section" aria-label="Value">
              <Stack gap="xs">
                <Fact label="Cost">{formatMoney(a.cost, a.currency)}</Fact>
                <Fact label="Book value today">{formatMoney(a.currentValue, a.currency)}</Fact>
                <Fact label="Warranty">
                  {a.warrantyEnd ? `${a.underWarranty ? 'until' : 'ended'} ${a.warrantyEnd}` : '—'}
                </Fact>
                <Fact label="Supplier">{a.supplier?.name ?? '—'}</Fact>
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <Paper p="lg" component="section" aria-label="History">
        <Title order={2} size="h5" mb="sm">
          History
        </Title>
        <History id={a.id} />
      </Paper>
    </Stack>
  );
}
