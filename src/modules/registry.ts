/**
 * Every module of the server, in the order they are wired: routes are registered, jobs declared
 * and hooks subscribed in this order. Order matters for hooks (they run in registration order
 * inside the changing transaction): the catalog refuses a record against a service that is not
 * live before the SLA module starts clocks for it, and automation comes last so its rules see the
 * record as the other modules left it. The SLA module declares the alert queues that escalation
 * works, so it comes first.
 */
import announcements from './announcements/module.ts';
import audit from './audit/module.ts';
import auth from './auth/module.ts';
import automation from './automation/module.ts';
import catalog from './catalog/module.ts';
import changeSchedule from './change-schedule/module.ts';
import changes from './changes/module.ts';
import cmdb from './cmdb/module.ts';
import csat from './csat/module.ts';
import type { ModuleDefinition } from './define-module.ts';
import escalation from './escalation/module.ts';
import improvements from './improvements/module.ts';
import inboundMail from './inbound-mail/module.ts';
import incidents from './incidents/module.ts';
import knowledge from './knowledge/module.ts';
import live from './live/module.ts';
import mail from './mail/module.ts';
import notify from './notify/module.ts';
import organisations from './organisations/module.ts';
import prediction from './prediction/module.ts';
import problems from './problems/module.ts';
import records from './records/module.ts';
import reports from './reports/module.ts';
import requests from './requests/module.ts';
import search from './search/module.ts';
import settings from './settings/module.ts';
import sla from './sla/module.ts';
import statusPage from './status-page/module.ts';
import timeTracking from './time-tracking/module.ts';
import views from './views/module.ts';
import worklists from './worklists/module.ts';

export const MODULES: readonly ModuleDefinition[] = [
  audit,
  auth,
  organisations,
  settings,
  records,
  cmdb,
  catalog,
  sla,
  incidents,
  requests,
  problems,
  mail,
  changeSchedule,
  changes,
  knowledge,
  inboundMail,
  notify,
  csat,
  escalation,
  reports,
  improvements,
  prediction,
  automation,
  views,
  search,
  worklists,
  live,
  announcements,
  statusPage,
  timeTracking,
];

/** Subscribe every module's reactions; once per process (createContext), idempotent. */
export function registerModuleHooks(): void {
  for (const m of MODULES) m.hooks?.();
}
