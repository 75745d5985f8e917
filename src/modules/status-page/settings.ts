/** The status page's settings: on or off, and its title. Kept as a process setting. */
import type { AppContext } from '../../context.ts';
import type { StatusPageSettings } from '../../contracts/status-page.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import { readSettingOver, writeSetting } from '../settings/index.ts';

export const STATUS_SETTINGS_KEY = 'status_page.settings';
/** The change topic writeSetting publishes for this key (the page's cache follows it). */
export const STATUS_SETTINGS_TOPIC = `settings:${STATUS_SETTINGS_KEY}`;

export const DEFAULT_STATUS_SETTINGS: StatusPageSettings = { enabled: true, title: 'Service status' };

export async function readStatusSettings(db: Db): Promise<{ value: StatusPageSettings; version: number }> {
  return readSettingOver(db, STATUS_SETTINGS_KEY, DEFAULT_STATUS_SETTINGS);
}

export async function saveStatusSettings(
  ctx: AppContext,
  actor: Actor,
  value: StatusPageSettings,
  expectedVersion: number | undefined,
  ip: string | null,
) {
  if (!can(actor, 'status_page.manage'))
    throw forbidden('Only service managers and administrators may change the status page settings.');
  const version = await writeSetting(ctx, actor, STATUS_SETTINGS_KEY, value, expectedVersion, ip);
  return { ...value, version };
}
