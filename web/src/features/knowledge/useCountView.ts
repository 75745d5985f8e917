/** Count one reading of an article per opening of a page that shows it. */
import { useEffect, useRef } from 'react';
import { useRecordView } from '../../api/queries/knowledge.ts';

export function useCountView(id: string | undefined) {
  const view = useRecordView();
  const counted = useRef<string | null>(null);
  useEffect(() => {
    if (id && counted.current !== id) {
      counted.current = id;
      view.mutate(id);
    }
  }, [id, view]);
}
