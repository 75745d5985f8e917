/**
 * Demo change schedule: weekly maintenance windows on the payroll and portal databases and the
 * customer portal, a monthly payroll-run freeze, and a global freeze over every year-end, so the
 * change calendar shows windows on first start. Through the same use case as the API; fixed dates
 * and rules, so every demo database looks the same.
 */
import type { AppContext } from '../context.ts';
import type { WindowInput } from '../contracts/change-schedule.ts';
import { createWindow } from '../modules/change-schedule/windows.ts';
import { findCiByName } from '../modules/cmdb/service.ts';

type DemoWindow = Omit<WindowInput, 'ciId' | 'serviceId'> & {
  ci?: [classKey: string, name: string];
  service?: string;
};

const DEMO_WINDOWS: DemoWindow[] = [
  {
    kind: 'maintenance',
    name: 'Payroll database: Saturday night',
    description: 'Patching and restarts of the payroll database, Saturdays 02:00–06:00 London time.',
    ci: ['database', 'payroll-db'],
    timeZone: 'Europe/London',
    start: '2026-01-03T02:00:00Z',
    end: '2026-01-03T06:00:00Z',
    rrule: 'FREQ=WEEKLY;BYDAY=SA',
  },
  {
    kind: 'maintenance',
    name: 'Portal database: Sunday early morning',
    description: 'Sundays 01:00–05:00 Berlin time.',
    ci: ['database', 'portal-db'],
    timeZone: 'Europe/Berlin',
    start: '2026-01-04T00:00:00Z',
    end: '2026-01-04T04:00:00Z',
    rrule: 'FREQ=WEEKLY;BYDAY=SU',
  },
  {
    kind: 'maintenance',
    name: 'Customer portal: Wednesday evening',
    description: 'Releases of the customer portal, Wednesdays 21:00–23:00 New York time (lowest traffic).',
    service: 'Customer Portal',
    timeZone: 'America/New_York',
    start: '2026-01-08T02:00:00Z',
    end: '2026-01-08T04:00:00Z',
    rrule: 'FREQ=WEEKLY;BYDAY=WE',
  },
  {
    kind: 'freeze',
    name: 'Payroll run',
    description: 'No changes to payroll while salaries are computed: the last two days of each month.',
    service: 'Payroll',
    timeZone: 'Europe/London',
    start: '2026-01-30T00:00:00Z',
    end: '2026-02-01T00:00:00Z',
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=-2',
  },
  {
    kind: 'freeze',
    name: 'Year-end freeze',
    description: 'Global change freeze from 20 December to 3 January: only emergency changes.',
    timeZone: 'Europe/London',
    start: '2025-12-20T00:00:00Z',
    end: '2026-01-03T00:00:00Z',
    rrule: 'FREQ=YEARLY',
  },
];

export async function seedScheduleDemo(ctx: AppContext): Promise<{ windows: number }> {
  let windows = 0;
  for (const w of DEMO_WINDOWS) {
    const { ci, service, ...input } = w;
    const ciRow = ci ? await findCiByName(ctx.db, ci[0], ci[1]) : null;
    const serviceRow = service ? await findCiByName(ctx.db, 'business_service', service) : null;
    // The CMDB demo may have been left out or changed: skip what has nothing to belong to.
    if ((ci && !ciRow) || (service && !serviceRow)) continue;
    await createWindow(ctx, 'system', {
      ...input,
      ciId: ciRow?.id ?? null,
      serviceId: serviceRow?.id ?? null,
    });
    windows += 1;
  }
  return { windows };
}
