/**
 * Change management in the browser: a normal change raised on the form shows a scheduling
 * conflict with a change already on the same CI and moves to a free slot; it is assessed, sent to
 * the CAB and authorised by a quorum of two members voting on the record; it is implemented,
 * completed, reviewed and closed; and the problem it fixes may then close without a reason.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { choose, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

type Rec = { id: string; number: string; version: number; state: string };

/** A datetime-local value (the browser's zone) this many days from now, at 02:00 or `hour`. */
function local(days: number, hour = 2): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
}

describe('a normal change is authorised by a CAB quorum, scheduled, implemented, reviewed, and its problem closes', () => {
  const run = useBrowserRun();
  let page: Page;
  let engineer: UserInfo;
  let manager: ApiSession;
  let members: UserInfo[];
  let engineerApi: ApiSession;
  let blocker: Rec;
  let problem: Rec;
  let change: Rec;
  let ciId = '';
  const id = unique();

  beforeAll(async () => {
    ({ user: engineer, page } = await run.signedInUser('Eli Engineer', ['agent'], id));
    const mgr = await run.admin.createPerson('Cora Manager', ['agent', 'change_manager'], id);
    members = [
      await run.admin.createPerson('Mo Member', ['cab_member'], id),
      await run.admin.createPerson('Ada Member', ['cab_member'], id),
      await run.admin.createPerson('Uma Member', ['cab_member'], id),
    ];
    manager = await run.apiAs(mgr.email);
    engineerApi = await run.apiAs(engineer.email);
    await manager.call('POST', '/cab-boards', {
      name: `CAB ${id}`,
      kind: 'normal',
      rule: 'quorum',
      quorum: 2,
      memberIds: members.map((m) => m.id),
    });
    const ci = await run.admin.call<{ id: string }>('POST', '/cmdb/cis', {
      classKey: 'application',
      name: `Billing engine ${id}`,
      attributes: {},
    });
    const template = await manager.call<{ id: string }>('POST', '/change-templates', {
      name: `Restart billing ${id}`,
      implementationPlan: 'Restart the service.',
      backoutPlan: 'Start it again.',
      durationMinutes: 120,
    });
    blocker = await engineerApi.call<Rec>('POST', '/changes', {
      changeType: 'standard',
      templateId: template.id,
      plannedStart: new Date(local(3, 1)).toISOString(),
      ciIds: [ci.id],
    });
    await engineerApi.call('POST', `/changes/${blocker.id}/transitions`, { to: 'scheduled' });
    problem = await engineerApi.call<Rec>('POST', '/problems', {
      title: `Billing engine leaks memory ${id}`,
    });
    await engineerApi.call('POST', `/problems/${problem.id}/transitions`, { to: 'analysis' });
    await engineerApi.call('POST', `/problems/${problem.id}/transitions`, {
      to: 'resolved',
      resolutionCode: 'fixed_by_change',
      resolutionNotes: 'The upgrade fixes the leak.',
    });
    ciId = ci.id;
  });

  it('raises a normal change on the form', async () => {
    await page.goto('/changes/new');
    await visible(page.getByRole('heading', { name: 'New change' }));
    await page.getByRole('textbox', { name: 'Title' }).fill(`Upgrade the billing engine ${id}`);
    await page.getByRole('textbox', { name: 'Implementation plan' }).fill('Install 4.2 on both nodes.');
    await page.getByRole('textbox', { name: 'Back-out plan' }).fill('Reinstall 4.1.');
    await page.getByLabel('Planned start').fill(local(3, 2));
    await page.getByLabel('Planned end').fill(local(3, 4));
    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Raise change' }).click();
    await page.waitForURL(/\/changes\/CHG\d+$/);
    const number = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    change = await engineerApi.call<Rec>('GET', `/changes/${number}`);
    // The CI it works on, and the problem it fixes.
    await engineerApi.call('POST', `/records/${change.id}/cis`, {
      ciIds: [ciId],
    });
    await engineerApi.call('POST', `/records/${change.id}/links`, {
      target: problem.number,
      kind: 'relates_to',
    });
  });

  it('warns of the conflict on the same CI and moves to a free slot', async () => {
    await page.reload();
    const conflicts = page.getByRole('region', { name: 'Schedule conflicts' });
    await visible(conflicts.getByRole('alert').getByRole('link', { name: blocker.number }));
    expect(await seriousA11yProblems(page)).toEqual([]);
    const plan = page.getByRole('region', { name: 'Plan and schedule' });
    await plan.getByLabel('Planned start').fill(local(3, 5));
    await plan.getByLabel('Planned end').fill(local(3, 6));
    await plan.getByRole('button', { name: 'Save plan' }).click();
    await visible(conflicts.getByText('Free slot'));
    await visible(conflicts.getByText('No other change, freeze or maintenance window stands in the way.'));
  });

  it('is assessed and sent to the CAB', async () => {
    await page.getByRole('button', { name: 'Submit for assessment' }).click();
    await visible(page.locator('main .mantine-Badge-root', { hasText: /^Assess$/ }));
    const risk = page.getByRole('region', { name: 'Risk' });
    for (const answer of ['One team', 'Yes, fully', 'Minutes, scripted', 'Once or twice'])
      await risk.getByRole('radio', { name: answer }).check();
    await risk.getByRole('button', { name: 'Assess risk' }).click();
    await visible(risk.getByText(/low risk · score 4/));
    await manager.call('POST', `/changes/${change.id}/transitions`, { to: 'authorise' });
  });

  it('is authorised by a quorum of two members voting on the record', async () => {
    for (const [i, m] of members.slice(0, 2).entries()) {
      const { page: mp } = await run.signedInPerson(m.email);
      await mp.goto('/cab');
      await visible(mp.getByRole('table', { name: 'Agenda' }).getByRole('link', { name: change.number }));
      await mp.goto(`/changes/${change.number}`);
      const cab = mp.getByRole('region', { name: `CAB ${id}` });
      await visible(cab.getByText(`${i} of 2 approvals needed`));
      await cab.getByRole('textbox', { name: 'Comment' }).fill(`Fine by me (${m.name})`);
      await cab.getByRole('button', { name: 'Approve' }).click();
      await visible(mp.getByText(/Vote recorded/));
      if (i === 0) expect(await seriousA11yProblems(mp)).toEqual([]);
      await mp.context().close();
    }
    await page.reload();
    await visible(page.locator('main .mantine-Badge-root', { hasText: /^Scheduled$/ }));
    await visible(page.getByRole('region', { name: `CAB ${id}` }).getByText('approved', { exact: true }));
  });

  it('is implemented, completed, reviewed and closed', async () => {
    await page.getByRole('button', { name: 'Start implementation' }).click();
    await visible(page.locator('main .mantine-Badge-root', { hasText: /^Implement$/ }));
    await page.getByRole('button', { name: 'Complete…' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, 'Resolution code', 'Successful');
    await dialog.getByRole('textbox', { name: 'Resolution notes' }).fill('Both nodes run 4.2.');
    await dialog.getByRole('button', { name: 'Complete' }).click();
    const review = page.getByRole('region', { name: 'Post-implementation review' });
    await visible(review.getByText('Successful'));
    await review.getByRole('textbox', { name: 'Lessons' }).fill('Plan the slot against the schedule first.');
    await review.getByRole('button', { name: 'Record review' }).click();
    await visible(page.getByText('Review recorded'));
    const now = await engineerApi.call<Rec>('GET', `/changes/${change.id}`);
    const closed = await manager.call<Rec>(
      'POST',
      `/changes/${change.id}/transitions`,
      { to: 'closed' },
      {
        'if-match': `"${now.version}"`,
      },
    );
    expect(closed.state).toBe('closed');
  });

  it('lets the problem close on the completed change, without a reason', async () => {
    const closed = await run.admin.call<Rec>('POST', `/problems/${problem.id}/transitions`, {
      to: 'closed',
    });
    expect(closed.state).toBe('closed');
    await page.goto(`/problems/${problem.number}`);
    await visible(page.locator('main .mantine-Badge-root', { hasText: /^Closed$/ }));
    expect(run.pageErrors).toEqual([]);
  });
});
