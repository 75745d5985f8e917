/**
 * A record type's staff page: the record-page kit's staff page, with the type's noun and the way
 * back to its list from the registry.
 */
import { StaffRecordPage, type StaffRecordPageProps } from '../kit/record/StaffRecordPage.tsx';
import type { RecordView } from '../kit/record/types.ts';
import { listPath, type RecordTypeKey, recordTypes } from './registry.ts';

export function StaffTypePage<R extends RecordView>({
  type,
  backLabel,
  ...props
}: Omit<StaffRecordPageProps<R>, 'noun' | 'back'> & {
  type: RecordTypeKey;
  /** The back link's text (default: the type's plural). */
  backLabel?: string;
}) {
  const t = recordTypes[type];
  return (
    <StaffRecordPage
      noun={t.noun[0]}
      back={{ label: backLabel ?? t.plural, to: listPath(type) }}
      {...props}
    />
  );
}
