/**
 * A record type's queue page: the list kit's record queue under a header the registry mostly
 * gives (the type's list heading, its nouns and its "New …" form), with the states of the type's
 * lifecycle to filter by. A queue page adds its description and whatever is its own.
 */
import type { Icon } from '@tabler/icons-react';
import type { ComponentProps, ReactNode } from 'react';
import { useProcessLifecycle } from '../api/queries/process.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { RecordQueue } from '../kit/list/RecordQueue.tsx';
import { lifecycleStateOptions, queueDescription, type RecordListState } from '../kit/list/records.tsx';
import { LinkButton } from '../kit/nav/LinkButton.tsx';
import { NewButton } from '../kit/nav/NewButton.tsx';
import { recordTypes } from './registry.ts';

type QueueProps = ComponentProps<typeof RecordQueue>;
type QueueKind = QueueProps['kind'];

export type RecordTypeQueueProps = {
  /** The list's name for assistive technology (default: the type's plural). */
  label?: string;
  /** The heading (default: the list's label); it may follow the filters ("My work"). */
  title?: string | ((state: RecordListState) => string);
  /** Under the heading; while a search is on, what it matches instead (unless `keepDescription`). */
  description: string;
  keepDescription?: boolean;
  /** Another page of the type's, opened by an outlined button before the "New …" button. */
  link?: { to: string; icon: Icon; label: string };
  /** The page's own actions, before the "New …" button. */
  actions?: ReactNode;
  /** The "New …" button's text, where the type has a form for new records (default "New <noun>"). */
  newLabel?: string;
  canCreate?: boolean;
  /** Under the header, above the list. */
  below?: ReactNode;
  bulkActions?: QueueProps['bulkActions'];
};

export function RecordTypeQueue({
  kind,
  label,
  title,
  description,
  keepDescription = false,
  link,
  actions,
  newLabel,
  canCreate = true,
  below,
  bulkActions,
}: RecordTypeQueueProps & { kind: QueueKind }) {
  const type = recordTypes[kind];
  const lifecycle = useProcessLifecycle(kind);
  const listLabel = label ?? type.plural;
  const newPath = canCreate ? type.newPath : null;
  return (
    <RecordQueue
      kind={kind}
      label={listLabel}
      noun={type.noun}
      states={lifecycleStateOptions(lifecycle.data)}
      bulkActions={bulkActions}
      header={(state) => (
        <>
          <PageHeader
            title={typeof title === 'function' ? title(state) : (title ?? listLabel)}
            description={keepDescription ? description : queueDescription(state, description)}
            actions={
              (link || actions || newPath) && (
                <>
                  {link && (
                    <LinkButton to={link.to} icon={<link.icon size={16} />}>
                      {link.label}
                    </LinkButton>
                  )}
                  {actions}
                  {newPath && <NewButton to={newPath}>{newLabel ?? `New ${type.noun[0]}`}</NewButton>}
                </>
              )
            }
          />
          {below}
        </>
      )}
    />
  );
}
