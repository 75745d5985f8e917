import { ApiError } from '../../api/client.ts';
import { notifyFailure } from '../notifyFailure.ts';

const isStale = (e: unknown) => e instanceof ApiError && e.isStale;

/**
 * A save's `onError` on a record panel: when the save lost to a newer version of the record (412),
 * `onStale` (the page reloads the record and says so); other errors stay with the panel's alert.
 */
export const whenStale = (onStale: () => void) => (e: unknown) => {
  if (isStale(e)) onStale();
};

/**
 * A record action's `onError` where no alert shows the error: `onStale` when it lost to a newer
 * version of the record, else a red notification titled `title`.
 */
export const whenStaleOrFailed = (onStale: () => void, title: string) => (e: unknown) => {
  if (isStale(e)) onStale();
  else notifyFailure(e, title);
};
