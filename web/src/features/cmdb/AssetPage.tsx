/** One asset: its lifecycle (ordered → in stock → deployed → in repair → retired → disposed), fields and history. */
import { Button, Group, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  ASSET_STATE_LABELS,
  ASSET_STATES,
  type Asset,
  type AssetState,
  type AssetTransition,
  assets,
  useAsset,
  useAssetHistory,
} from '../../api/queries/cmdb.ts';
import type { PersonRef } from '../../api/types.ts';
import { UserPicker } from '../../components/Pickers.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { DetailPage } from '../../kit/detail/DetailPage.tsx';
import { HistoryPanel } from '../../kit/detail/HistoryPanel.tsx';
import { DetailColumns, Facts, Section } from '../../kit/detail/Section.tsx';
import { FormDialog } from '../../kit/form/FormDialog.tsx';
import { textOrNull } from '../../kit/form/patch.ts';
import { RecordEditForm } from '../../kit/form/RecordEditForm.tsx';
import { AssetFields, assetBody, draftOfAsset, validateAsset } from './AssetForm.tsx';
import { AssetStateBadge } from './AssetsPage.tsx';
import { formatMoney } from './shared.tsx';

function Lifecycle({ asset }: { asset: Asset }) {
  const move = assets.useAction<AssetTransition>('transitions');
  const [to, setTo] = useState<AssetState | null>(null);
  const [person, setPerson] = useState<PersonRef | null>(asset.assignedTo);
  const [location, setLocation] = useState(asset.location ?? '');
  const [note, setNote] = useState('');
  const canMove = asset.allowedActions.includes('transition');
  const reached = ASSET_STATES.indexOf(asset.state);
  return (
    <Section title="Lifecycle">
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
      <FormDialog
        opened={to !== null}
        onClose={() => setTo(null)}
        title={to ? `Move to ${ASSET_STATE_LABELS[to]}` : ''}
        onSubmit={() => {
          if (!to) return;
          move.mutate(
            {
              id: asset.id,
              input: {
                to,
                assignedToId: person?.id ?? null,
                location: textOrNull(location),
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
        submitLabel="Move"
        pending={move.isPending}
      >
        <ErrorAlert error={move.error} title="Not moved" />
        {to === 'deployed' && (
          <Text size="sm">A deployed asset must be assigned to a person or a location.</Text>
        )}
        <UserPicker label="Assigned to" placeholder="Nobody" value={person} onChange={setPerson} />
        <TextInput label="Location" value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
        <Textarea label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      </FormDialog>
    </Section>
  );
}

function Details({ asset, onReload }: { asset: Asset; onReload: () => void }) {
  return (
    <RecordEditForm
      record={asset}
      resource={assets}
      toDraft={draftOfAsset}
      toBody={assetBody}
      validate={validateAsset}
      readOnly={!asset.allowedActions.includes('update')}
      what={`Asset ${asset.assetTag}`}
      saved={(a) => `${a.assetTag} saved`}
      onReload={onReload}
      label="Asset details"
    >
      {(form) => <AssetFields form={form} withAssignment={false} />}
    </RecordEditForm>
  );
}

export function AssetPage() {
  const { ref = '' } = useParams();
  const asset = useAsset(ref);
  return (
    <DetailPage
      query={asset}
      what="asset"
      back={{ to: '/cmdb/assets', label: 'Assets' }}
      header={(a) => ({
        prefix: a.assetTag,
        title: a.name,
        badges: <AssetStateBadge state={a.state} />,
        meta: `${a.assignedTo ? `with ${a.assignedTo.name}` : 'not assigned to anyone'}${a.location ? ` · ${a.location}` : ''}`,
      })}
    >
      {(a) => (
        <>
          <DetailColumns
            main={<Details key={a.id} asset={a} onReload={() => void asset.refetch()} />}
            side={
              <>
                <Lifecycle key={`${a.id}-${a.version}`} asset={a} />
                <Section label="Value">
                  <Facts
                    items={[
                      ['Cost', formatMoney(a.cost, a.currency)],
                      ['Book value today', formatMoney(a.currentValue, a.currency)],
                      [
                        'Warranty',
                        a.warrantyEnd ? `${a.underWarranty ? 'until' : 'ended'} ${a.warrantyEnd}` : null,
                      ],
                      ['Supplier', a.supplier?.name],
                    ]}
                  />
                </Section>
              </>
            }
          />
          <HistoryPanel id={a.id} useHistory={useAssetHistory} label="Asset history" />
        </>
      )}
    </DetailPage>
  );
}
