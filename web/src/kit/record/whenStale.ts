import { ApiError } from '../../api/client.ts';

/**
 * A save's `onError` on a record panel: when the save lost to a newer version of the record (412),
 * `onStale` (the page reloads the record and says so); other errors stay with the panel's alert.
 */
export const whenStale = (onStale: () => void) => (e: unknown) => {
  if (e instanceof ApiError && e.isStale) onStale();
};
