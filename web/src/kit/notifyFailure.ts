import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/client.ts';

/**
 * Says in a red notification that an action failed, in the server's words; `title`, when given,
 * names what did not happen ("Not moved"). For actions with no alert of their own to show it in.
 */
export function notifyFailure(error: unknown, title?: string) {
  notifications.show({ color: 'red', title, message: errorMessage(error) });
}

/** `notifyFailure` as a mutation's `onError`. */
export const failedAs =
  (title?: string) =>
  (error: unknown): void =>
    notifyFailure(error, title);
