/** Administrators are told in their inbox when an account keeps failing to sign in. */
import { onLoginAttackSuspected } from '../auth/index.ts';
import { queueNotifications } from './notifications.ts';

export function registerSecurityAlertHooks(): void {
  onLoginAttackSuspected(async (tx, now, alert, windowMinutes) => {
    await queueNotifications(
      tx,
      now,
      alert.adminIds.map((recipientId) => ({
        recipientId,
        recordId: null,
        kind: 'security.login_failures',
        subject: `Repeated failed sign-ins for ${alert.email}`,
        body: `${alert.failures} sign-ins for ${alert.email} failed in the last ${windowMinutes} minutes, from ${alert.addresses} address(es), the last from ${alert.ip ?? 'an unknown address'}. The addresses that keep failing are locked out for a while; the account's owner can still sign in. See the audit log.`,
      })),
    );
  });
}
