/**
 * A record type's page in the portal: the record the URL names, behind the record-page kit's gate
 * (loading, not found, failure), with the way back to the requester's list from the registry.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { useParams } from 'react-router-dom';
import { RecordGate } from '../kit/record/RecordPage.tsx';
import type { RecordView } from '../kit/record/types.ts';
import { listPath, type RecordTypeKey, recordTypes } from './registry.ts';

export function PortalTypePage<R extends RecordView>({
  type,
  useRecord,
  page: Page,
}: {
  type: RecordTypeKey;
  useRecord: (ref: string) => UseQueryResult<R>;
  page: ComponentType<{ rec: R; reload: () => unknown }>;
}) {
  const { ref = '' } = useParams();
  const query = useRecord(ref);
  const [noun, plural] = recordTypes[type].noun;
  return (
    <RecordGate
      query={query}
      number={ref}
      noun={noun}
      back={{ label: `Back to my ${plural}`, to: listPath(type, true) }}
    >
      {(rec) => <Page rec={rec} reload={() => query.refetch()} />}
    </RecordGate>
  );
}
