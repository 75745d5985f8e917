/** Change management factories for the tests: templates, changes, and steps through the lifecycle. */
import { expect } from 'vitest';
import type { ChangeTemplateView, ChangeView } from '../../src/contracts/changes.ts';
import { createRecordInTransaction } from '../../src/modules/records/index.ts';
import { type Client, expectJson, stepRecord, type TestEnv } from './app.ts';

/** Answers to every question of the default risk questionnaire. */
export const RISK_ANSWERS = {
  users_affected: 'site',
  tested: 'partly',
  backout: 'easy',
  done_before: 'often',
};

/** A standard-change template, as a change manager makes one. */
export async function buildChangeTemplate(
  client: Client,
  over: Partial<{ name: string; implementationPlan: string; backoutPlan: string; durationMinutes: number }>,
): Promise<ChangeTemplateView> {
  const res = await client.post('/api/v1/change-templates', {
    name: 'Patch a server',
    implementationPlan: 'Apply the patches and reboot.',
    backoutPlan: 'Restore the snapshot.',
    durationMinutes: 60,
    ...over,
  });
  return expectJson<ChangeTemplateView>(res, 201);
}

/** Raise a change; it must be created. */
export async function raiseChange(client: Client, body: Record<string, unknown>): Promise<ChangeView> {
  return expectJson<ChangeView>(await client.post('/api/v1/changes', body), 201);
}

/** Take a change's lifecycle step (`to` alone, or a whole transition body); it must succeed. */
export const stepChange = (client: Client, c: { id: string }, step: string | Record<string, unknown>) =>
  stepRecord<ChangeView>(client, 'changes', c, step);

/**
 * Assess a normal change (`agent` answers the risk questionnaire with RISK_ANSWERS) and take it
 * to authorisation (`manager`, a change manager): it is at its board's decision.
 */
export async function takeToAuthorise(
  agent: Client,
  manager: Client,
  c: { id: string },
): Promise<ChangeView> {
  await stepChange(agent, c, 'assess');
  const risk = await agent.put(`/api/v1/changes/${c.id}/risk`, { answers: RISK_ANSWERS });
  expect(risk.statusCode, risk.body).toBe(200);
  return stepChange(manager, c, 'authorise');
}

/**
 * A change record made through the records core alone, as an integration or another module would
 * make one: no change columns of its own. Raised by `client` for themself.
 */
export function createBareChange(env: TestEnv, client: Client, title: string) {
  return env.ctx.db.transaction((tx) =>
    createRecordInTransaction(
      env.ctx,
      tx,
      { type: 'change', prefix: 'CHG', process: 'change', label: 'Change', path: 'changes' },
      { title, requesterId: client.user.id },
      client.user.id,
    ),
  );
}
