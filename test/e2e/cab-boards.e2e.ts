/**
 * CAB boards in the browser: the change manager sets up a board with a quorum of members picked
 * from the directory, edits its rule and members, is refused (readably) when retiring or deleting
 * it while a change awaits its decision, and deletes a board that never reviewed a change.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { choose, hidden, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

type Rec = { id: string; number: string; version: number };

describe('the change manager manages CAB boards', () => {
  const run = useBrowserRun();
  let page: Page;
  let manager: ApiSession;
  let agent: ApiSession;
  let members: UserInfo[];
  let boardPath = '';
  const id = unique();
  const name = `Network CAB ${id}`;

  beforeAll(async () => {
    const mgr = await run.admin.createPerson('Cora Manager', ['agent', 'change_manager'], id);
    const eng = await run.admin.createPerson('Eli Engineer', ['agent'], id);
    members = [
      await run.admin.createPerson(`Mo Member ${id}`, ['cab_member'], id),
      await run.admin.createPerson(`Ada Member ${id}`, ['cab_member'], id),
    ];
    manager = await run.apiAs(mgr.email);
    agent = await run.apiAs(eng.email);
    ({ page } = await run.signedInPerson(mgr.email));
  });

  it('sets up a board with a quorum of members picked from the directory', async () => {
    await page.goto('/changes');
    await page.getByRole('link', { name: 'CAB boards' }).click();
    await visible(page.getByRole('heading', { name: 'CAB boards' }));
    await page.getByRole('button', { name: 'New board' }).click();
    const dialog = page.getByRole('dialog', { name: 'New board' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByText('A quorum approves').click();
    // Client checks first: no members, no quorum.
    await dialog.getByRole('button', { name: 'Create board' }).click();
    await visible(dialog.getByText('Add at least one member'));
    await visible(dialog.getByText('Say how many members must approve'));
    for (const m of members) await choose(page, 'Add a member', m.name, m.name);
    await visible(dialog.getByRole('table', { name: 'Members' }).getByText(members[1]!.name));
    await dialog.getByRole('textbox', { name: 'Quorum' }).fill('2');
    await dialog.getByRole('textbox', { name: 'Meets' }).fill('Tuesdays 14:00');
    expect(await seriousA11yProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Create board' }).click();
    await page.waitForURL(/\/cab-boards\/[0-9a-f-]{36}$/);
    boardPath = new URL(page.url()).pathname;
    await visible(page.getByRole('heading', { name }));
    await visible(page.getByText('2 of 2 approve'));
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('edits the rule and the members', async () => {
    const form = page.getByRole('region', { name: 'Board' });
    await form.getByText('Any one member approves').click();
    await form.getByRole('button', { name: `Remove ${members[1]!.name}` }).click();
    await form.getByRole('button', { name: 'Save board' }).click();
    await visible(page.getByText(`${name} saved`));
    await visible(page.getByText('Any one approves'));
    const saved = (
      await manager.call<{ items: { name: string; rule: string; members: UserInfo[] }[] }>(
        'GET',
        '/cab-boards',
      )
    ).items.find((b) => b.name === name);
    expect(saved).toMatchObject({ rule: 'any', members: [expect.objectContaining({ id: members[0]!.id })] });
    expect(saved?.members).toHaveLength(1);
  });

  it('is refused, readably, retiring or deleting the board while a change awaits it', async () => {
    const boardId = boardPath.split('/').pop()!;
    const change = await agent.call<Rec>('POST', '/changes', {
      changeType: 'normal',
      title: `Replace the edge router ${id}`,
      implementationPlan: 'Swap the router.',
      backoutPlan: 'Swap it back.',
      plannedStart: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      plannedEnd: new Date(Date.now() + 5 * 86_400_000 + 3_600_000).toISOString(),
      cabId: boardId,
    });
    await agent.call('POST', `/changes/${change.id}/transitions`, { to: 'assess' });
    await agent.call('PUT', `/changes/${change.id}/risk`, {
      answers: { users_affected: 'site', tested: 'partly', backout: 'easy', done_before: 'often' },
    });
    await manager.call('POST', `/changes/${change.id}/transitions`, { to: 'authorise' });

    await page.getByRole('button', { name: 'Retire board' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Not retired' });
    await visible(refusal.getByText(new RegExp(`${change.number} awaits its decision`)));
    await page.getByRole('button', { name: 'Delete board' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete ${name}?` });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await visible(confirm.getByText(/cannot be deleted/));
    expect(await seriousA11yProblems(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Keep it' }).click();
  });

  it('deletes a board that never reviewed a change', async () => {
    const spare = await manager.call<{ id: string }>('POST', '/cab-boards', {
      name: `Spare board ${id}`,
      kind: 'emergency',
      rule: 'all',
      memberIds: [members[0]!.id],
    });
    await page.goto('/cab-boards');
    const table = page.getByRole('table', { name: 'CAB boards' });
    await table.getByRole('link', { name: `Spare board ${id}` }).click();
    await page.waitForURL(new RegExp(`/cab-boards/${spare.id}$`));
    await page.getByRole('button', { name: 'Delete board' }).click();
    await page
      .getByRole('dialog', { name: `Delete Spare board ${id}?` })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.waitForURL(/\/cab-boards$/);
    await visible(table.getByRole('link', { name }));
    await hidden(table.getByRole('link', { name: `Spare board ${id}` }));
    expect(await seriousA11yProblems(page)).toEqual([]);
    expect(run.pageErrors).toEqual([]);
  });
});
