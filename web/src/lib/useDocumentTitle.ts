import { useEffect } from 'react';

/** "INC0001042 · Steward" in the browser tab and history. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Steward` : 'Steward';
  }, [title]);
}
