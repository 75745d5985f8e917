/** Who watches a record (and watching or not watching it yourself). */
import { Button, Text } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useUserNames } from '../../api/queries/directory.ts';
import { useSetWatching } from '../../api/queries/records.ts';
import { useMe } from '../../auth/session.tsx';
import { failedAs } from '../notifyFailure.ts';
import { RecordPanel } from './RecordPanel.tsx';
import type { RecordView } from './types.ts';

export function WatchersPanel({
  rec,
  showNames,
  noun,
  onChanged,
}: {
  rec: RecordView;
  showNames: boolean;
  noun: string;
  onChanged?: () => void;
}) {
  const me = useMe();
  const watching = rec.watcherIds.includes(me.id);
  const names = useUserNames(rec.watcherIds, showNames);
  const set = useSetWatching(rec);
  const canWatch = rec.allowedActions.includes('watch');
  return (
    <RecordPanel
      id="watchers-title"
      title={`Watchers (${rec.watcherIds.length})`}
      actions={
        canWatch && (
          <Button
            size="xs"
            variant={watching ? 'default' : 'light'}
            leftSection={watching ? <IconEyeOff size={14} /> : <IconEye size={14} />}
            loading={set.isPending}
            onClick={() =>
              set.mutate(
                { userId: me.id, watching: !watching },
                {
                  onSuccess: onChanged,
                  onError: failedAs(),
                },
              )
            }
          >
            {watching ? 'Stop watching' : 'Watch'}
          </Button>
        )
      }
    >
      <Text size="sm" c={rec.watcherIds.length ? undefined : 'dimmed'}>
        {rec.watcherIds.length === 0
          ? `Nobody is watching this ${noun}.`
          : showNames
            ? rec.watcherIds.map((id) => (id === me.id ? 'You' : (names.get(id) ?? '…'))).join(', ')
            : watching
              ? `You are watching this ${noun}.`
              : `${rec.watcherIds.length} watching`}
      </Text>
    </RecordPanel>
  );
}
