/** Who keeps service levels (agreements, requirements, calendars): administrators and service managers, and the system. */
import { type Actor, systemOrCan } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';

/** Refuse anyone else; `doing` ends the message "… may <doing>", e.g. "add calendars". */
export function assertMayManageServiceLevels(actor: Actor | 'system', doing: string): void {
  if (!systemOrCan(actor, 'service_level.manage'))
    throw forbidden(`Only administrators and service managers may ${doing}.`);
}
